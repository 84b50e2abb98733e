/**
 * WebVTT and SRT subtitles. Consecutive cues of one speaker become one paragraph
 * `Speaker: words…` (a sentence often runs over several cues), whose words are an utterance of
 * that speaker; each cue's text is a region labelled with its start time (`00:01:23`).
 * Speakers come from `<v Name>` voice tags or a `NAME:` prefix, and carry on until the next one.
 * Metadata comes from the header: the text after `WEBVTT` is the title, and `Key: value` lines
 * in the header or in `NOTE` blocks before the first cue (`Title:`, `Source:`, `Date:`, `URL:`)
 * give the rest; an SRT file may open with such lines too.
 */
import type { SourceText } from "../corpus/corpus";
import { collapseSpace, TextBuilder } from "./builder";
import { isEmptyMetadata, type SourceMetadata } from "./metadata";
import { normalCaseName } from "./names";
import { textHeaderMetadata } from "./textHeader";

interface Cue {
  time: string;
  text: string;
  /** A speaker named by this cue; `null` when it marks a change to someone unnamed (`>>`, `- `). */
  speaker?: string | null;
}

export function readSubtitles(path: string, text: string): SourceText {
  const cues = parseCues(text);
  const out = new TextBuilder();
  let speaker: string | undefined;
  let turnStart = -1;
  let wordsStart = -1;
  let previousLine = "";
  let lastText = "";
  const endTurn = () => {
    if (speaker && turnStart >= 0) out.utterance(wordsStart, out.offset, speaker);
    turnStart = -1;
  };
  for (const cue of cues) {
    let words = cue.text;
    // Rolling captions repeat the previous cue's last line: keep only what is new.
    if (previousLine && words.startsWith(previousLine)) words = words.slice(previousLine.length).trim();
    if (!words) continue;
    previousLine = cue.text.slice(cue.text.lastIndexOf("\n") + 1);
    words = collapseSpace(words).trim();
    const changes = cue.speaker !== undefined && (cue.speaker ?? undefined) !== speaker;
    if (changes || turnStart < 0 || (out.offset - turnStart > 1500 && /[.!?]["”’]?$/.test(lastText))) {
      endTurn();
      if (cue.speaker !== undefined) speaker = cue.speaker ?? undefined;
      out.paragraphBreak();
      turnStart = out.offset;
      if (speaker) out.append(`${speaker}: `);
      wordsStart = out.offset;
    } else out.append(" ");
    const span = out.append(words);
    lastText = words;
    // A turn's first cue region takes in the `Speaker: ` label too.
    out.region(span.start === wordsStart ? turnStart : span.start, span.end, cue.time);
  }
  endTurn();
  const source = out.build(path);
  const metadata = subtitleMetadata(text);
  if (!isEmptyMetadata(metadata)) source.metadata = metadata;
  return source;
}

/** The header lines before the first cue, read like a transcript's header. */
export function subtitleMetadata(text: string): SourceMetadata {
  const blocks = text.slice(0, 16384).replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/);
  const lines: string[] = [];
  for (const block of blocks) {
    const blockLines = block.split("\n");
    if (blockLines.slice(0, 3).some((l) => l.includes("-->"))) break;
    const first = blockLines[0].replace(/^\ufeff/, "");
    const webvtt = /^WEBVTT(?:[ \t]+(?:-[ \t]+)?(.*))?$/.exec(first);
    if (webvtt) {
      if (webvtt[1]?.trim()) lines.push(`Title: ${webvtt[1].trim()}`);
      lines.push(...blockLines.slice(1));
    } else if (/^NOTE(?:[ \t]|$)/.test(first)) lines.push(first.slice(4), ...blockLines.slice(1));
    else if (/^STYLE|^REGION/.test(first)) continue;
    else lines.push(...blockLines);
  }
  // Only key lines count here: a note's prose is a comment, not a headline.
  const keyLines = lines.map((l) => l.trim()).filter((l) => /^[A-Za-z][A-Za-z _.-]{0,24}:\s+\S/.test(l));
  return textHeaderMetadata(keyLines.join("\n"), { transcript: true });
}

/** Cues of either format: blocks separated by blank lines, each with a `-->` timing line. */
export function parseCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const blocks = text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/);
  for (const block of blocks) {
    const lines = block.split("\n");
    const t = lines.findIndex((l) => l.includes("-->"));
    if (t < 0 || t > 2) continue; // WEBVTT header, NOTE, STYLE, REGION
    const time = startTime(lines[t]);
    if (!time) continue;
    const cue = cleanCue(lines.slice(t + 1));
    if (cue.text) cues.push({ time, ...cue });
  }
  return cues;
}

function startTime(timing: string): string | undefined {
  const m = /^\s*((?:\d+:)?\d{1,2}:\d{2})(?:[.,]\d+)?\s*-->/.exec(timing);
  if (!m) return undefined;
  return m[1].split(":").length === 2 ? `00:${m[1].padStart(5, "0")}` : m[1].padStart(8, "0");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", nbsp: " ", lrm: "", rlm: "", quot: '"', apos: "'" };

function cleanCue(lines: string[]): { text: string; speaker?: string | null } {
  let speaker: string | null | undefined;
  // Tag patterns never cross a `<` (or `{`): on a line of unclosed openers they would each scan to the end.
  const voice = /<v(?:\.[\w.-]+)?\s+([^<>]+)>/.exec(lines.join(" "));
  if (voice) speaker = voice[1].trim();
  // Cue text markup is a small fixed set (<i>, <b>, <u>, <c.x>, <v X>, <lang>, <ruby>, timestamps)
  // plus SRT's {\an8} positioning; none of it is content.
  const plain = lines
    .map((l) => l.replace(/<[^<>]*>/g, "").replace(/\{\\[^{}]*\}/g, "").replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (_, e: string) => ENTITIES[e]))
    .map((l) => l.trim())
    .filter(Boolean);
  if (plain.length === 0) return { text: "" };
  if (speaker === undefined) {
    const first = plain[0];
    const m = /^(?:>>\s*)?([\p{Lu}][\p{Lu}\p{M}.'’ -]*[\p{Lu}.])\s*:\s*/u.exec(first);
    if (m && m[1].trim().split(/\s+/).length <= 4) {
      speaker = normalCaseName(m[1]);
      plain[0] = first.slice(m[0].length);
    } else if (/^(?:>>|-\s)/.test(first)) {
      speaker = null;
      plain[0] = first.replace(/^(?:>>|-)\s*/, "");
    }
  }
  return { text: plain.join("\n").trim(), speaker };
}
