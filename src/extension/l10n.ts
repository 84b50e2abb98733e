/**
 * Every user-visible string of the extension goes through `t` (= `vscode.l10n.t`): translations
 * are in `l10n/bundle.l10n.<locale>.json`, keyed by the English message. Write the message as a
 * plain string literal with `{0}` placeholders, so scripts/l10n-extract.mjs can find it.
 */
import * as vscode from "vscode";
import type { Translate } from "../core/translate";

export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
