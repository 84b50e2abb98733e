/**
 * What a hover shows of who the source says spoke: the paragraph where the source introduces the
 * speaker (the first naming them), when it is not the passage's own paragraph — a reader needs
 * `Samir Haddad, general secretary of the union, rejected that account.` to trust `Haddad said`
 * — and the speaker's role and organisation only as far as the source's own text has them.
 * Linear in the source's length (string searches).
 */
import type { EntitySummary } from "../speakers/entity";

/** Characters of an introduction kept (around the name, cut at word boundaries). */
const MAX_INTRO = 320;

export interface SpeakerIntroduction {
  /** Source offsets of the text shown. */
  start: number;
  end: number;
  text: string;
}

/** The paragraph that first names `name` in `text`, when it lies before the paragraph holding `at`. */
export function speakerIntroduction(text: string, at: number, name: string, kind: EntitySummary["kind"]): SpeakerIntroduction | undefined {
  const names = [name];
  if (kind === "person") {
    const words = name.trim().split(/\s+/);
    if (words.length > 1) names.push(words[words.length - 1]);
  }
  const here = paragraphOf(text, at);
  for (const n of names) {
    const i = firstWord(text, n, here.start);
    if (i < 0) continue;
    const para = paragraphOf(text, i);
    if (para.start >= here.start) return undefined;
    let start = para.start;
    let end = para.end;
    if (end - start > MAX_INTRO) {
      start = Math.max(para.start, i - MAX_INTRO / 2);
      end = Math.min(para.end, start + MAX_INTRO);
      if (start > para.start) start = text.indexOf(" ", start) + 1 || start;
      if (end < para.end) end = Math.max(text.lastIndexOf(" ", end), i + n.length);
    }
    return { start, end, text: text.slice(start, end).replace(/\s+/g, " ").trim() };
  }
  return undefined;
}

/** The speaker with only the role and organisation the source's text itself has, spelt as it has them. */
export function asSourceGives(speaker: EntitySummary, text: string): EntitySummary {
  const lower = text.toLowerCase();
  const inSource = (s: string | undefined) => {
    const at = s ? lower.indexOf(s.toLowerCase()) : -1;
    return at < 0 ? undefined : text.slice(at, at + s!.length);
  };
  const role = inSource(speaker.role);
  const organization = inSource(speaker.organization);
  return { name: speaker.name, kind: speaker.kind, ...(role ? { role } : {}), ...(organization ? { organization } : {}) };
}

/** The first whole-word occurrence of `word` before `before`. */
function firstWord(text: string, word: string, before: number): number {
  for (let i = text.indexOf(word); i >= 0 && i < before; i = text.indexOf(word, i + 1)) {
    const prev = text[i - 1] ?? " ";
    const next = text[i + word.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(prev) && !/[\p{L}\p{N}]/u.test(next)) return i;
  }
  return -1;
}

/** The paragraph (between blank lines, or a line of a text without them) holding `at`. */
function paragraphOf(text: string, at: number): { start: number; end: number } {
  const blankBefore = text.lastIndexOf("\n\n", at - 1);
  const blankAfter = text.indexOf("\n\n", at);
  let start = blankBefore < 0 ? 0 : blankBefore + 2;
  let end = blankAfter < 0 ? text.length : blankAfter;
  // A long run without blank lines: its line is the paragraph.
  if (end - start > 2000) {
    start = text.lastIndexOf("\n", at - 1) + 1;
    const nl = text.indexOf("\n", at);
    end = nl < 0 ? text.length : nl;
  }
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
