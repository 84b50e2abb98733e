/**
 * Known quotations for the benchmark: spans cut from corpus articles and edited the way drafts
 * edit quotes, plus quotations planted with a speaker cue (`"…," said Ada Pennington.`) that the
 * draft then credits to someone else. Deterministic (seeded).
 */
import { tokenize } from "../src/core/text/words";

export type Kind = "exact" | "case-punct" | "ellipsis" | "word-changed" | "bracket" | "misattributed" | "attributed";

export interface Planted {
  kind: Kind;
  /** The quotation as the draft gives it (without quote marks). */
  text: string;
  doc: number;
  /** The true span in the source. */
  start: number;
  end: number;
  /** Who the draft credits, for cue quotes. */
  speaker?: string;
}

/** Invented names (no real person, nothing from the evaluation set). */
export const SPEAKERS = ["Ada Pennington", "Boris Kettering", "Clara Whitcombe", "Dmitri Halvorsen", "Elena Marchetti", "Felix Ostrander"];

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A span of 12–24 words inside one line-run of an article, with no quote marks in it. */
function pickSpan(text: string, random: () => number): { start: number; end: number } | undefined {
  const words = tokenize(text);
  for (let attempt = 0; attempt < 20; attempt++) {
    const n = 12 + Math.floor(random() * 13);
    if (words.words.length < n + 2) return undefined;
    const i = Math.floor(random() * (words.words.length - n));
    const start = words.starts[i];
    const end = words.ends[i + n - 1];
    const span = text.slice(start, end);
    // Prose only: no quote marks, code, markup or number tables (they repeat across an archive).
    if (/\n\s*\n/.test(span) || /[^A-Za-z0-9 ,.;:'()\n-]/.test(span)) continue;
    if ((span.match(/\b[a-z]{3,}\b/g) ?? []).length < n * 0.7) continue;
    return { start, end };
  }
  return undefined;
}

/** Plants cue quotes into some articles (changing them) and returns every planted quotation. */
export function plant(articles: string[], count: number, seed = 7): Planted[] {
  const random = rng(seed);
  const out: Planted[] = [];
  const kinds: Kind[] = ["exact", "case-punct", "ellipsis", "word-changed", "bracket", "misattributed", "attributed"];
  const used = new Set<number>();
  for (let k = 0; out.length < count && k < count * 20; k++) {
    const doc = Math.floor(random() * articles.length);
    if (used.has(doc)) continue;
    const kind = kinds[out.length % kinds.length];
    let text = articles[doc];
    const span = pickSpan(text, random);
    if (!span) continue;
    used.add(doc);
    let { start, end } = span;
    const original = text.slice(start, end).replace(/\s+/g, " ");
    const words = original.split(" ");
    let quoted = original;
    let speaker: string | undefined;
    if (kind === "case-punct") quoted = original.toLowerCase().replace(/[,;:!?()]|\.(?=\s|$)/g, "");
    else if (kind === "ellipsis") quoted = `${words.slice(0, 5).join(" ")} ... ${words.slice(8).join(" ")}`;
    else if (kind === "word-changed") {
      const i = 4 + Math.floor(random() * (words.length - 6));
      quoted = [...words.slice(0, i), words[i].length > 4 ? "completely" : "another", ...words.slice(i + 1)].join(" ");
    } else if (kind === "bracket") quoted = `${words.slice(0, 6).join(" ")} [the system] ${words.slice(6).join(" ")}`;
    else if (kind === "misattributed" || kind === "attributed") {
      // Make the span a quotation with a cue, in its own paragraph.
      const real = SPEAKERS[0];
      const cue = `\n\n"${text.slice(start, end)}," said ${real}.\n\n`;
      text = text.slice(0, start) + cue + text.slice(end);
      start += 3;
      end = start + (span.end - span.start);
      articles[doc] = text;
      speaker = kind === "misattributed" ? SPEAKERS[1 + (out.length % (SPEAKERS.length - 1))] : real;
    }
    out.push({ kind, text: quoted, doc, start, end, speaker });
  }
  return out;
}
