/**
 * PDF text with pdf.js (through unpdf's build, which needs no canvas or worker). Lines are
 * rebuilt from positioned text runs and put in reading order; line-end hyphenation is repaired;
 * each page is a region `page N`. Font programs are never evaluated as code. Metadata comes
 * from the document information dictionary and XMP (title, author, creation date; publisher and
 * address from XMP `dc:publisher` or custom `Publisher` / `URL` entries).
 */
import type { SourceText } from "../corpus/corpus";
import { TextBuilder } from "./builder";
import { FormatError } from "./errors";
import { cleanMetadata, isEmptyMetadata, type SourceMetadata } from "./metadata";

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PdfLine {
  runs: Run[];
  y: number;
  x0: number;
  x1: number;
  size: number;
}


export async function readPdf(path: string, bytes: Uint8Array): Promise<SourceText> {
  const { getDocumentProxy } = await import("unpdf");
  let doc;
  try {
    // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  } catch (e) {
    const name = (e as Error).name;
    if (name === "PasswordException") throw new FormatError("password-protected PDF");
    throw new FormatError(`not a readable PDF (${(e as Error).message})`);
  }
  try {
    const out = new TextBuilder();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!("str" in item) || !item.str) continue;
        const [a, b, , , e, f] = item.transform as number[];
        runs.push({ str: item.str, x: e, y: f, width: item.width, size: Math.hypot(a, b) || item.height || 10 });
      }
      out.paragraphBreak();
      const start = out.offset;
      for (const para of paragraphs(readingOrder(toLines(runs)))) out.paragraph(para);
      out.region(start, out.offset, `page ${n}`);
      page.cleanup();
    }
    const source = out.build(path);
    const metadata = await pdfMetadata(doc).catch(() => undefined);
    if (metadata && !isEmptyMetadata(metadata)) source.metadata = metadata;
    return source;
  } finally {
    await doc.destroy();
  }
}

/** Runs on one baseline, in stream order, make a line; within it, runs go left to right. */
function toLines(runs: Run[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const r of runs) {
    if (current && Math.abs(r.y - current.y) <= 0.4 * Math.max(r.size, current.size)) {
      current.runs.push(r);
      current.x0 = Math.min(current.x0, r.x);
      current.x1 = Math.max(current.x1, r.x + r.width);
      current.size = Math.max(current.size, r.size);
    } else {
      current = { runs: [r], y: r.y, x0: r.x, x1: r.x + r.width, size: r.size };
      lines.push(current);
    }
  }
  for (const l of lines) l.runs.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * Streams are mostly in reading order, column by column, but producers sometimes draw lines out
 * of order. Consecutive lines that overlap horizontally belong to one column block and are
 * sorted top to bottom; a line beside the previous one (the next column) starts a new block.
 */
function readingOrder(lines: PdfLine[]): PdfLine[][] {
  const blocks: PdfLine[][] = [];
  let block: PdfLine[] = [];
  for (const l of lines) {
    const prev = block[block.length - 1];
    if (prev && (l.x0 >= prev.x1 || l.x1 <= prev.x0)) {
      blocks.push(block);
      block = [];
    }
    block.push(l);
  }
  if (block.length) blocks.push(block);
  for (const b of blocks) b.sort((p, q) => q.y - p.y);
  return blocks;
}

function lineText(line: PdfLine): string {
  let s = "";
  let end = -Infinity;
  for (const r of line.runs) {
    if (s && r.x - end > 0.15 * r.size && !/\s$/.test(s) && !/^\s/.test(r.str)) s += " ";
    s += r.str;
    end = r.x + r.width;
  }
  return s.replace(/\s+/g, " ").trim();
}

/** Lines join into paragraphs unless the gap between them is clearly larger than a line's. */
function paragraphs(blocks: PdfLine[][]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    let para = "";
    let prev: PdfLine | undefined;
    for (const line of block) {
      const text = lineText(line);
      if (!text) continue;
      if (prev && prev.y - line.y > 1.6 * Math.max(prev.size, line.size)) {
        out.push(para);
        para = "";
      }
      para = joinLine(para, text);
      prev = line;
    }
    if (para) out.push(para);
  }
  return out;
}

/** `reser-` + `voir` → `reservoir`; a soft hyphen disappears; `Jean-` + `Pierre` keeps its hyphen. */
export function joinLine(para: string, next: string): string {
  if (!para) return next;
  if (/\u00ad$/.test(para)) return para.slice(0, -1) + next;
  if (/\p{L}-$/u.test(para)) return /^\p{Ll}/u.test(next) ? para.slice(0, -1) + next : para + next;
  return `${para} ${next}`;
}

interface MetadataSource {
  getMetadata(): Promise<{ info: object; metadata: { get(name: string): unknown } | null }>;
}

/** Titles that name a file or a program rather than the document. */
const JUNK_TITLE = /^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|indd|txt|rtf|odt|pages|qxp))$/i;

async function pdfMetadata(doc: MetadataSource): Promise<SourceMetadata> {
  const { info, metadata } = await doc.getMetadata();
  const i = info as Record<string, unknown>;
  const custom = (i.Custom ?? {}) as Record<string, unknown>;
  const customValue = (...keys: string[]) => {
    for (const [k, v] of Object.entries(custom)) if (keys.includes(k.toLowerCase())) return v;
    return undefined;
  };
  const xmp = (name: string) => {
    try {
      return metadata?.get(name) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const title = one(xmp("dc:title")) ?? i.Title;
  return cleanMetadata({
    title: typeof title === "string" && JUNK_TITLE.test(title.trim()) ? undefined : title,
    outlet: one(xmp("dc:publisher")) ?? customValue("publisher", "outlet", "company", "source"),
    authors: xmp("dc:creator") ?? i.Author,
    date: customValue("published", "publicationdate", "date") ?? one(xmp("dc:date")) ?? i.CreationDate,
    url: customValue("url", "sourceurl", "link", "canonical") ?? one(xmp("dc:identifier")) ?? one(xmp("dc:source")),
  });
}
