/**
 * The verdict on one quotation, as a fact-checker would give it:
 * - misattributed: a source has these words and says clearly that someone else spoke them, and
 *   the draft clearly credits its speaker (both readings confident, never a guess);
 * - misquoted: the closest passage is plainly the same statement, but the words differ;
 * - unsourced: nothing close in any source (never said of a scare quote);
 * - speaker-unclear: the words are found, but who spoke them cannot be settled (the source does
 *   not say clearly, or the draft's credit is itself unclear) — never shown as verified;
 * - verified: the words, and their speaker where the draft gives one, agree with a source.
 */
import { Corpus } from "../corpus/corpus";
import { type Passage, wordWeight } from "../match/passages";
import type { QuoteWords } from "../match/quoteWords";
import type { AttributedQuote, Confidence } from "../speakers/attribute";
import { quoteText } from "../quotes/quote";
import { compareSpeakers } from "../speakers/compare";
import type { Entity } from "../speakers/entity";
import { type FindingFacts, findingMessage, type FindingKind, sourceLabel } from "../findings";
import { changedRanges, type TextRange, type WordChange, wordDiff } from "./wordDiff";

export type { FindingKind } from "../findings";
export type Verdict = "verified" | FindingKind | "unchecked" | "ignored";

export interface Finding {
  kind: FindingKind;
  /** In English; hosts that translate rebuild it from `facts` (see findings.ts). */
  message: string;
  facts: FindingFacts;
  /** For a misquote: the draft's changed words, where its diagnostics go (the whole quote is related information). */
  ranges?: TextRange[];
}

/** A finding with its message, both from findings.ts (the one definition of messages). */
const finding = (facts: FindingFacts): Finding => ({ kind: facts.kind, message: findingMessage(facts), facts });

export interface Thresholds {
  /** Lowest similarity at which a changed passage still counts as the same statement. */
  misquoteSimilarity: number;
  /** Share of the quote's (weighted) words the passage must have. */
  misquoteCoverage: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { misquoteSimilarity: 0.6, misquoteCoverage: 0.5 };

export interface QuoteCheck {
  quote: AttributedQuote;
  /** The quoted words as the draft has them. */
  text: string;
  speaker?: Entity;
  verdict: Verdict;
  findings: Finding[];
  /** The best source passage; `undefined` when unsourced. */
  source?: Passage;
  /** Other passages with the same words. */
  corroboration: Passage[];
  /** Word-level difference from the source passage, for a misquote. */
  diff?: WordChange[];
}

/** Content words (not function words) that must match before a changed passage can be the same statement. */
const MIN_SHARED_CONTENT_WORDS = 4;

/** Is a changed passage still plainly the same statement as the quote? */
function isSameStatement(p: Passage, words: QuoteWords, thresholds: Thresholds): boolean {
  if (p.similarity < thresholds.misquoteSimilarity) return false;
  if (p.alignment.matchedWeight / p.alignment.totalWeight < thresholds.misquoteCoverage) return false;
  let shared = 0;
  let matched = 0;
  for (const op of p.alignment.ops) {
    if (op.op !== "match") continue;
    matched++;
    if (wordWeight(words.words[op.q]) >= 1) shared++;
  }
  if (shared >= MIN_SHARED_CONTENT_WORDS) return true;
  // A short statement quoted whole, with a word or two changed or added, is still that statement:
  // the matched words must make up nearly all of the source's quotation or of the sentence they
  // stand in (whichever is shorter), and the quote must not be much longer than that statement.
  if (shared < 2) return false;
  const sentence = sentenceAround(p.document.text, p.start, p.end);
  const sentenceWords = (sentence.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  const statementWords = Math.min(sentenceWords, p.sourceQuote?.wordCount ?? Infinity);
  return matched >= 0.75 * statementWords && words.words.length <= statementWords + 3;
}

/** The sentence (or sentences) of `text` holding the range, by full stops, question and exclamation marks. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !/[.!?\n]/.test(text[to])) to++;
  return text.slice(from, to);
}

/** `statement.pdf (page 2)`: the file, and the page or timestamp where the format has one. */
const fileName = (p: Passage) => sourceLabel(p.document.path, Corpus.regionAt(p.document, p.start)?.label);

export function judge(draftText: string, quote: AttributedQuote, words: QuoteWords, passages: Passage[], thresholds: Thresholds): QuoteCheck {
  const text = quoteText(draftText, quote);
  const check: QuoteCheck = { quote, text, speaker: quote.speaker, verdict: "verified", findings: [], corroboration: [] };
  const exact = passages.filter((p) => p.alignment.exact);
  const short = quote.wordCount <= 3;
  if (quote.scare) {
    // Emphasis, not a claim about anyone's words: show the source when it is there, judge nothing.
    check.source = exact[0];
    check.verdict = exact[0] ? "verified" : "unchecked";
    return check;
  }
  const close = short ? [] : passages.filter((p) => !p.alignment.exact && isSameStatement(p, words, thresholds));
  if (exact.length === 0 && close.length === 0) {
    check.verdict = "unsourced";
    check.findings.push(finding({ kind: "unsourced", draftSpeaker: quote.speaker?.name }));
    return check;
  }
  // The passages that are this statement: the exact ones if any, else the closest.
  const candidates = exact.length ? exact : close.filter((p) => p.similarity >= close[0].similarity - 0.1);
  const speakerOf = (p: Passage) => p.sourceQuote?.speaker;
  // A changed passage is a claim about words already: accusing its speaker too needs both readings named outright.
  const strict = !exact.length;
  const sure = (c: Confidence | undefined) => c === "high" || (!strict && c === "medium");
  const draftSpeaker = quote.speaker;
  const draftSure = sure(quote.confidence);
  const clear = candidates.filter((p) => speakerOf(p) && sure(p.sourceQuote!.confidence));
  // `"…," Doe said, according to Roe`: the words are on record from either.
  const voices = (p: Passage) => (p.sourceQuote?.relayed ? [speakerOf(p)!, p.sourceQuote.relayed] : [speakerOf(p)!]);
  const agreeing = draftSpeaker ? clear.find((p) => voices(p).some((v) => compareSpeakers(draftSpeaker, v) === "same")) : undefined;
  const conflicting = draftSpeaker && !agreeing ? clear.filter((p) => voices(p).every((v) => compareSpeakers(draftSpeaker, v) === "different")) : [];
  const best = agreeing ?? conflicting[0] ?? clear[0] ?? candidates.find((p) => speakerOf(p)) ?? candidates[0];
  check.source = best;
  check.corroboration = [...exact, ...close].filter((p) => p !== best);
  if (!exact.length) {
    const diff = wordDiff(draftText, words, best, best.windowStart);
    check.diff = diff;
    check.verdict = "misquoted";
    check.findings.push({ ...finding({ kind: "misquoted", source: fileName(best), passage: best.text, similarity: best.similarity, diff }), ranges: changedRanges(draftText, diff) });
  }
  if (!draftSpeaker || agreeing) return check;
  // Misattributed only when both readings are sure and every clear source credits someone else.
  if (draftSure && conflicting.length && conflicting.length === clear.length) {
    check.verdict = "misattributed";
    check.findings.unshift(finding({ kind: "misattributed", draftSpeaker: draftSpeaker.name, source: fileName(conflicting[0]), sourceSpeaker: speakerOf(conflicting[0])!.name }));
    return check;
  }
  if (check.verdict === "misquoted") return check;
  // Found, but who spoke the words cannot be settled: say so rather than show it as verified.
  check.verdict = "speaker-unclear";
  check.findings.push(finding({ kind: "speaker-unclear", source: fileName(best), draftSpeaker: draftSpeaker.name, draftUnclear: !draftSure }));
  return check;
}
