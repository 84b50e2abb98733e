/**
 * The one definition of what Verbatim reports: the finding kinds, their codes, default
 * severities, messages (in any language, through a `Translate`) and rule texts. The engine's
 * verdicts, the language server's diagnostics and code actions, and the CLI's text, JSON and
 * SARIF output all take them from here, so they cannot drift apart.
 */
import { english, type Translate } from "./translate";
import { describeDiff, type WordChange } from "./verdict/wordDiff";

export const FINDING_KINDS = ["misattributed", "misquoted", "unsourced", "speaker-unclear"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const SEVERITIES = ["error", "warning", "information", "hint", "off"] as const;
/** How a finding kind is reported; `off` drops it everywhere (editor, CLI, SARIF, exit status). */
export type Severity = (typeof SEVERITIES)[number];

export const DEFAULT_SEVERITY: Readonly<Record<FindingKind, Severity>> = { misattributed: "error", misquoted: "warning", unsourced: "information", "speaker-unclear": "information" };

/** Kinds that make `verbatim check` exit 1 unless `--fail-on` says otherwise: "speaker unclear" asks for a look by hand. */
export const DEFAULT_FAIL_ON: readonly FindingKind[] = ["misattributed", "misquoted", "unsourced"];

export const isFindingKind = (k: unknown): k is FindingKind => typeof k === "string" && (FINDING_KINDS as readonly string[]).includes(k);
export const isSeverity = (s: unknown): s is Severity => typeof s === "string" && (SEVERITIES as readonly string[]).includes(s);

/** The severity of a kind: the project's choice, else the default. */
export function severityOf(kind: FindingKind, chosen: Partial<Record<FindingKind, Severity>> = {}): Severity {
  return chosen[kind] ?? DEFAULT_SEVERITY[kind];
}

/** What each kind means, for SARIF rules, the docs and code-scanning UIs. */
export const FINDING_RULES: Readonly<Record<FindingKind, { name: string; description: string }>> = {
  misattributed: { name: "MisattributedQuote", description: "A source has these words, but gives them to someone other than the speaker the draft names." },
  misquoted: { name: "MisquotedQuote", description: "The closest source passage is the same statement, but its words differ from the draft's." },
  unsourced: { name: "UnsourcedQuote", description: "No source document contains anything close to these words." },
  "speaker-unclear": { name: "SpeakerUnclear", description: "A source has these words, but who spoke them cannot be settled from the source or the draft: check by hand." },
};

/** The SARIF level of a severity. */
export function sarifLevel(severity: Severity): "error" | "warning" | "note" | "none" {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : severity === "off" ? "none" : "note";
}

/** The label of a severity in linter-style text output (what problem matchers expect). */
export function textLabel(severity: Severity): "error" | "warning" | "info" {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "info";
}

/** `statement.pdf (page 2)`: a source file by its name, with the page or timestamp where the format has one. */
export function sourceLabel(path: string, region?: string | null): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return region ? `${name} (${region})` : name;
}

/** What a finding's message is made of: the structured data of the check. */
export interface FindingFacts {
  kind: FindingKind;
  /** The speaker the draft names, if any. */
  draftSpeaker?: string;
  /** The source passage's file and place (see `sourceLabel`). */
  source?: string;
  /** Who the source says spoke (misattributed). */
  sourceSpeaker?: string;
  /** The source's words and similarity (misquoted). */
  passage?: string;
  similarity?: number;
  diff?: WordChange[];
  /** speaker-unclear: the draft's own credit is unclear (rather than the source's). */
  draftUnclear?: boolean;
}

/** A finding's message, in English by default or through a translation. */
export function findingMessage(f: FindingFacts, t: Translate = english): string {
  switch (f.kind) {
    case "misattributed":
      return t("Misattributed: attributed to {0}, but {1} attributes these words to {2}", f.draftSpeaker ?? t("nobody named"), f.source ?? "", f.sourceSpeaker ?? "");
    case "misquoted":
      return t("Misquoted: {0} has “{1}” ({2}% similar): {3}", f.source ?? "", f.passage ?? "", Math.round((f.similarity ?? 0) * 100), f.diff ? describeDiff(f.diff) : "");
    case "unsourced":
      return f.draftSpeaker ? t("Unsourced: no source contains these words (attributed to {0})", f.draftSpeaker) : t("Unsourced: no source contains these words");
    case "speaker-unclear":
      return f.draftUnclear
        ? t("Speaker unclear: {0} has these words, but who the draft credits with them is unclear — check by hand", f.source ?? "")
        : t("Speaker unclear: {0} has these words but does not say clearly who spoke them — check by hand", f.source ?? "");
  }
}
