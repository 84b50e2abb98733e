/**
 * `ignoredQuotes` of `.verbatim.json`: quotations never to check, given as their words. A check
 * whose quoted words are the same words (case, punctuation and quote marks aside) becomes
 * `ignored`, with no findings. Applied after a check, so a checker's reports stay as it made them.
 */
import { tokenize } from "../text/words";
import type { QuoteCheck } from "./judge";

const key = (text: string) => tokenize(text).words.join(" ");

/** The checks with those matching an ignored quotation marked `ignored` (new objects; the input is not changed). */
export function markIgnoredQuotes(checks: QuoteCheck[], ignored: readonly string[]): QuoteCheck[] {
  const keys = new Set(ignored.map(key).filter((k) => k.length > 0));
  if (keys.size === 0) return checks;
  return checks.map((c) => (c.verdict !== "ignored" && keys.has(key(c.text)) ? { ...c, verdict: "ignored", findings: [], diff: undefined } : c));
}
