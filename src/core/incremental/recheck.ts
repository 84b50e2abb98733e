/**
 * The work of `QuoteChecker.checkIncremental`: re-reads only a window of the draft (the changed
 * paragraphs and a few before them), keeps every other quotation's check, moved by the edit.
 * Returns `undefined` when only a full check can be trusted.
 */
import type { DraftReport, QuoteChecker, SpeakerContext } from "../check";
import { documentFacts, type Fact } from "../corpus/entityFacts";
import { prepareDocument } from "../document/document";
import { changedParagraphs, paragraphStartBefore } from "./changes";
import { shiftCheck } from "./shift";

export interface ReportMemo {
  facts: Fact[];
  context: SpeakerContext;
  paragraphStarts: number[];
}

export function recheckEdit(checker: QuoteChecker, previous: DraftReport, newText: string, memo: ReportMemo, contextParagraphs: number): { report: DraftReport; memo: ReportMemo } | undefined {
  const change = changedParagraphs(previous.text, newText);
  if (!change) return { report: { ...previous }, memo };
  const { start, oldEnd, newEnd, delta } = change;
  // A quotation running across the edge of the changed paragraphs needs the whole draft.
  for (const c of previous.checks) if ((c.quote.start < start && c.quote.end > start) || (c.quote.start < oldEnd && c.quote.end > oldEnd)) return undefined;

  const from = paragraphStartBefore(newText, start, contextParagraphs);
  const window = prepareDocument(previous.path, newText.slice(from, newEnd));
  const oldWindow = prepareDocument(previous.path, previous.text.slice(from, oldEnd));
  // The edit must teach the registry nothing new, or every attribution may change.
  if (JSON.stringify(documentFacts(window)) !== JSON.stringify(documentFacts(oldWindow))) return undefined;

  const inChange = (q: { start: number }) => q.start >= start - from;
  const found = checker.findQuotes(window, inChange);
  const state = memo.context.state;
  for (const f of found.values()) for (const p of f.passages) if (!state.learns(p.documentIndex)) return undefined;
  for (const f of found.values()) for (const p of f.passages) state.quotesOf(p.documentIndex);

  const paragraphsBefore = memo.paragraphStarts.filter((s) => s < from).length;
  const fresh = checker.judgeDraft(window, found, memo.context, inChange).map((c) => shiftCheck(c, from, paragraphsBefore));
  const oldInChange = memo.paragraphStarts.filter((s) => s >= start && s < oldEnd).length;
  const newStarts = window.paragraphs.map((p) => p.start + from).filter((s) => s >= start);
  const paragraphDelta = newStarts.length - oldInChange;

  const before = previous.checks.filter((c) => c.quote.end <= start);
  const after = previous.checks.filter((c) => c.quote.start >= oldEnd).map((c) => shiftCheck(c, delta, paragraphDelta));
  const paragraphStarts = [...memo.paragraphStarts.filter((s) => s < start), ...newStarts, ...memo.paragraphStarts.filter((s) => s >= oldEnd).map((s) => s + delta)];
  return {
    report: { path: previous.path, text: newText, checks: [...before, ...fresh, ...after] },
    memo: { ...memo, paragraphStarts },
  };
}
