/** Small helpers shared by the unit tests: run the engine on in-memory texts. */
import { QuoteChecker, type CheckOptions } from "../../src/core/check";
import type { QuoteCheck } from "../../src/core/verdict/judge";

export function checkDraft(draft: string, sources: Record<string, string>, options: CheckOptions = {}, draftPath = "draft.md"): QuoteCheck[] {
  const checker = new QuoteChecker(
    Object.entries(sources).map(([path, text]) => ({ path, text })),
    options,
  );
  return checker.check([{ path: draftPath, text: draft }])[0].checks;
}

/** The check whose quoted text contains `words`. */
export function quoteWith(checks: QuoteCheck[], words: string): QuoteCheck {
  const found = checks.find((c) => c.text.toLowerCase().includes(words.toLowerCase()));
  if (!found) throw new Error(`no quote containing "${words}" among: ${checks.map((c) => JSON.stringify(c.text)).join(", ")}`);
  return found;
}

export const kinds = (c: QuoteCheck) => c.findings.map((f) => f.kind).sort();
