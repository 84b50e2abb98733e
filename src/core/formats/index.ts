/**
 * Reads one source file's bytes into a SourceText, choosing the reader by extension, or by
 * content when the extension says nothing. Pure: hosts read the bytes (and enforce size limits).
 * Whatever cannot be read comes back as `{ skipped: reason }`; nothing here throws.
 */
import type { SourceText } from "../corpus/corpus";
import { decodeText } from "./decode";
import { readDocx } from "./docx";
import { FormatError } from "./errors";
import { blankFrontMatter, readFrontMatter } from "./frontMatter";
import { readHtml } from "./html";
import { cleanMetadata, isEmptyMetadata, mergeMetadata, type SourceMetadata } from "./metadata";
import { readPdf } from "./pdf";
import { readSubtitles } from "./subtitles";
import { textHeaderMetadata } from "./textHeader";
import { parseTranscript } from "./transcript";

export type { SourceMetadata } from "./metadata";

export type ReadResult = { source: SourceText; notes: string[] } | { skipped: string };

type Kind = "text" | "markdown" | "html" | "subtitles" | "pdf" | "docx";

const BY_EXTENSION: Record<string, Kind> = {
  txt: "text", text: "text", md: "markdown", markdown: "markdown", mdx: "markdown",
  html: "html", htm: "html", xhtml: "html", vtt: "subtitles", srt: "subtitles", pdf: "pdf", docx: "docx",
};

const UNSUPPORTED: Record<string, string> = {
  doc: "old Word format (.doc): save it as .docx",
  odt: "OpenDocument text (.odt) is not supported: save it as .docx or PDF",
  pages: "Pages documents are not supported: export as .docx or PDF",
};

export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export async function readSource(path: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length === 0) return { skipped: "empty file" };
  const ext = extensionOf(path);
  if (UNSUPPORTED[ext]) return { skipped: UNSUPPORTED[ext] };
  try {
    const kind = BY_EXTENSION[ext] ?? sniffBinary(bytes);
    if (kind === "pdf") return finish(await readPdf(path, bytes), [], "no text layer (a scanned PDF needs OCR first)");
    if (kind === "docx") return finish(await readDocx(path, bytes), [], "no text");
    const decoded = decodeText(bytes);
    if ("binary" in decoded) return { skipped: decoded.binary };
    const notes = decoded.note ? [decoded.note] : [];
    return finish(readText(path, decoded.text, kind ?? sniffText(decoded.text)), notes, "no text");
  } catch (e) {
    if (e instanceof FormatError) return { skipped: e.message };
    return { skipped: `could not be read (${(e as Error)?.message ?? e})` };
  }
}

/** Can `readSourceTextSync` read this file again (it is not PDF or DOCX)? Without decoding it. */
export function rereadableSync(path: string, bytes: Uint8Array): boolean {
  const ext = extensionOf(path);
  const kind = BY_EXTENSION[ext] ?? sniffBinary(bytes);
  return !UNSUPPORTED[ext] && kind !== "pdf" && kind !== "docx";
}

/**
 * The text `readSource` gives for a file that needs no asynchronous extraction (not PDF or
 * DOCX), read synchronously: how a host re-reads a source on demand. Undefined otherwise.
 */
export function readSourceTextSync(path: string, bytes: Uint8Array): string | undefined {
  const ext = extensionOf(path);
  const kind = BY_EXTENSION[ext] ?? sniffBinary(bytes);
  if (UNSUPPORTED[ext] || kind === "pdf" || kind === "docx") return undefined;
  try {
    const decoded = decodeText(bytes);
    if ("binary" in decoded) return undefined;
    const k = kind ?? sniffText(decoded.text);
    // Plain text is its own text: its transcript turns and header metadata (what readText adds) change none of it.
    if (k === "text") return decoded.text;
    return readText(path, decoded.text, k).text;
  } catch {
    return undefined;
  }
}

function readText(path: string, text: string, kind: Kind): SourceText {
  if (kind === "markdown") return readMarkdown(path, text);
  if (kind === "html") return readHtml(path, text);
  if (kind === "subtitles") return readSubtitles(path, text);
  const utterances = parseTranscript(text);
  // A transcript's header ends where its first turn's line starts.
  const end = utterances?.length ? Math.max(0, text.lastIndexOf("\n", utterances[0].start) + 1) : undefined;
  return withMetadata(utterances?.length ? { path, text, utterances } : { path, text }, textHeaderMetadata(text, { transcript: !!utterances?.length, end }));
}

/** Markdown: front matter read and blanked out; else the first `# Heading` is the title. */
function readMarkdown(path: string, text: string): SourceText {
  const front = readFrontMatter(text);
  const body = front ? blankFrontMatter(text, front.end) : text;
  const heading = /^\s*#[ \t]+(.+?)[ \t#]*$/m.exec(body.slice(front?.end ?? 0, (front?.end ?? 0) + 4096));
  const first = heading && body.slice(front?.end ?? 0).trimStart().startsWith(heading[0].trimStart()) ? cleanMetadata({ title: heading[1] }) : undefined;
  return withMetadata({ path, text: body, markdown: true }, mergeMetadata(first, front?.metadata));
}

function withMetadata(source: SourceText, metadata: SourceMetadata): SourceText {
  if (!isEmptyMetadata(metadata)) source.metadata = metadata;
  return source;
}

function finish(source: SourceText, notes: string[], empty: string): ReadResult {
  return /[\p{L}\p{N}]/u.test(source.text) ? { source, notes } : { skipped: empty };
}

/** Container formats recognised by their first bytes whatever the file is called. */
function sniffBinary(bytes: Uint8Array): Kind | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (head.startsWith("PK\x03\x04") && head.includes("word/")) return "docx";
  return undefined;
}

function sniffText(text: string): Kind {
  const head = text.slice(0, 512).trimStart();
  if (/^WEBVTT\b/.test(head)) return "subtitles";
  if (/^\d+\r?\n[\d:,.]+\s*-->/.test(head)) return "subtitles";
  if (/^(?:<!doctype html|<html[\s>])/i.test(head)) return "html";
  return "text";
}
