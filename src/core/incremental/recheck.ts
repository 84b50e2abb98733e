/**
 * The work of `QuoteChecker.checkIncremental`: re-reads only a window of the draft (the changed
 * paragraphs and a few before them), keeps every other quotation's check, moved by the edit.
 * Returns `undefined` when only a full check can be trusted.
 */
import type { DraftReport, FoundQuote, SpeakerContext } from "../checkTypes";
import { documentFacts, type Fact } from "../corpus/entityFacts";
import { type PreparedDocument, prepareDocument } from "../document/document";
import type { Quote } from "../quotes/quote";
import type { Passage } from "../match/passages";
import type { QuoteCheck } from "../verdict/judge";
import { changedParagraphs, paragraphStartBefore } from "./changes";
import { shiftCheck } from "./shift";

/** What a re-check needs of the checker (`QuoteChecker` is one). */
export interface Rechecker {
  findQuotes(doc: PreparedDocument, only?: (quote: Quote) => boolean): Map<string, FoundQuote>;
  judgeDraft(doc: PreparedDocument, found: Map<string, FoundQuote>, context: SpeakerContext, only?: (quote: Quote) => boolean): QuoteCheck[];
  judgeable(p: Passage): boolean;
}

export interface ReportMemo {
  facts: Fact[];
  context: SpeakerContext;
  paragraphStarts: number[];
}

export function recheckEdit(checker: Rechecker, previous: DraftReport, newText: string, memo: ReportMemo, contextParagraphs: number): { report: DraftReport; memo: ReportMemo } | undefined {
  const change = changedParagraphs(previous.text, newText);
  if (!change) return { report: { ...previous }, memo };
  const { start, oldEnd, newEnd, delta } = change;
  // A quotation running across the edge of the changed paragraphs needs the whole draft.
  for (const c of previous.checks) if ((c.quote.start < start && c.quote.end > start) || (c.quote.start < oldEnd && c.quote.end > oldEnd)) return undefined;

  // The edit must teach the registry nothing new, or every attribution may change.
  const edge = paragraphStartBefore(newText, start, contextParagraphs);
  // The new window is read once: for what it teaches, then for its quotations.
  const window = prepareDocument(previous.path, newText.slice(edge, newEnd));
  const learnt = (doc: PreparedDocument) => JSON.stringify(documentFacts(doc));
  if (learnt(window) !== learnt(prepareDocument(previous.path, previous.text.slice(edge, oldEnd)))) return undefined;

  let fresh = judgeWindow(checker, window, edge, start, memo);
  // A pronoun, a role or a continued quote may refer to anyone before: read from the top.
  if (fresh && edge > 0 && fresh.checks.some(needsAllContext)) fresh = judgeWindow(checker, prepareDocument(previous.path, newText.slice(0, newEnd)), 0, start, memo);
  if (!fresh) return undefined;
  const oldInChange = memo.paragraphStarts.filter((s) => s >= start && s < oldEnd).length;
  const newStarts = fresh.starts;
  const paragraphDelta = newStarts.length - oldInChange;

  const before = previous.checks.filter((c) => c.quote.end <= start);
  const after = previous.checks.filter((c) => c.quote.start >= oldEnd).map((c) => shiftCheck(c, delta, paragraphDelta));
  const paragraphStarts = [...memo.paragraphStarts.filter((s) => s < start), ...newStarts, ...memo.paragraphStarts.filter((s) => s >= oldEnd).map((s) => s + delta)];
  return {
    report: { path: previous.path, text: newText, checks: [...before, ...fresh.checks, ...after] },
    memo: { ...memo, paragraphStarts },
  };
}

/** Checks the quotations starting from `start` in `window` (the draft read from `from`); moved to draft offsets. */
function judgeWindow(checker: Rechecker, window: PreparedDocument, from: number, start: number, memo: ReportMemo): { checks: QuoteCheck[]; starts: number[] } | undefined {
  const inChange = (q: { start: number }) => q.start >= start - from;
  const found = checker.findQuotes(window, inChange);
  const state = memo.context.state;
  for (const f of found.values()) for (const p of f.passages) if (checker.judgeable(p) && p.documentIndex >= 0 && !state.learns(p.documentIndex)) return undefined;
  for (const f of found.values()) for (const p of f.passages) if (checker.judgeable(p) && p.documentIndex >= 0) state.quotesOf(p.documentIndex);
  const paragraphsBefore = memo.paragraphStarts.filter((s) => s < from).length;
  const checks = checker.judgeDraft(window, found, memo.context, inChange).map((c) => shiftCheck(c, from, paragraphsBefore));
  return { checks, starts: window.paragraphs.map((p) => p.start + from).filter((s) => s >= start) };
}

const CONTEXT_PHRASES = new Set(["pronoun", "role", "orgNoun", "spokesperson"]);

function needsAllContext(c: QuoteCheck): boolean {
  return c.quote.basis === "continued" || CONTEXT_PHRASES.has(c.quote.speakerMention?.phrase.type ?? "");
}
