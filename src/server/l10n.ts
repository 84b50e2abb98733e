/**
 * The server's messages in the client's language (`locale` of `initialize`): the extension's
 * translation bundles (l10n/bundle.l10n.<locale>.json, keyed by the English message) read from
 * beside the bundled server. English when there is none.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { english, type Translate } from "../core/translate";

export function loadTranslation(locale: string | undefined): Translate {
  if (!locale || locale.toLowerCase().startsWith("en")) return english;
  const dir = path.join(__dirname, "..", "l10n");
  for (const name of [locale.toLowerCase(), locale.toLowerCase().split("-")[0]]) {
    try {
      const bundle = JSON.parse(fs.readFileSync(path.join(dir, `bundle.l10n.${name}.json`), "utf8")) as Record<string, string>;
      return (message, ...args) => english(typeof bundle[message] === "string" ? bundle[message] : message, ...args);
    } catch {
      // no bundle for this locale
    }
  }
  return english;
}
