/**
 * Word documents (.docx): the main document part read by a linear scanner (./wordXml.ts), one
 * paragraph per Word paragraph. Metadata from the
 * package's core properties (`dc:title`, `dc:creator`, `dcterms:created`), the application
 * properties (`Company` as the outlet, `HyperlinkBase` as the address) and custom properties
 * named `Publisher`, `Outlet`, `URL` or `Published`, which override them.
 */
import type JSZip from "jszip";
import type { SourceText } from "../corpus/corpus";
import { TextBuilder } from "./builder";
import { FormatError } from "./errors";
import { cleanMetadata, isEmptyMetadata, type SourceMetadata } from "./metadata";
import { wordDocumentText } from "./wordXml";
import { checkZip } from "./zip";

const MAIN_PART = "word/document.xml";

export async function readDocx(path: string, bytes: Uint8Array): Promise<SourceText> {
  checkZip(bytes, MAIN_PART);
  const zip = await openZip(bytes);
  const main = zip.file(MAIN_PART);
  if (!main) throw new FormatError(`not a Word document (no ${MAIN_PART})`);
  const value = wordDocumentText(await main.async("string"));
  const out = new TextBuilder();
  for (const p of value.split(/\n{2,}/)) {
    const text = p.replace(/[ \t\u00a0]+/g, " ").trim();
    if (text) out.paragraph(text);
  }
  const source = out.build(path);
  const metadata = await docxMetadata(zip).catch(() => undefined);
  if (metadata && !isEmptyMetadata(metadata)) source.metadata = metadata;
  return source;
}

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  const { default: JSZipClass } = await import("jszip");
  try {
    return await JSZipClass.loadAsync(bytes);
  } catch (e) {
    throw new FormatError(`damaged ZIP container (${(e as Error)?.message ?? e})`);
  }
}

/** Property parts are a few kilobytes; a larger one is not read. */
const MAX_PART = 256 * 1024;

export async function docxMetadata(source: Uint8Array | JSZip): Promise<SourceMetadata> {
  const zip = source instanceof Uint8Array ? await openZip(source) : source;
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) return "";
    const text = await file.async("string");
    return text.length <= MAX_PART ? text : "";
  };
  const [core, app, custom] = await Promise.all([part("docProps/core.xml"), part("docProps/app.xml"), part("docProps/custom.xml")]);
  const props = customProperties(custom);
  const prop = (...names: string[]) => names.map((n) => props.get(n)).find((v) => v !== undefined);
  return cleanMetadata({
    title: element(core, "title"),
    outlet: prop("publisher", "outlet", "source") ?? element(app, "Company"),
    authors: prop("authors", "author", "byline") ?? element(core, "creator"),
    date: prop("published", "publicationdate", "date") ?? element(core, "created"),
    url: prop("url", "link", "canonical", "sourceurl") ?? element(app, "HyperlinkBase"),
  });
}

/** The text of the first element with this local name (any namespace prefix). */
function element(xml: string, localName: string): string | undefined {
  const open = new RegExp(`<(?:[A-Za-z][\\w.-]*:)?${localName}(?:\\s[^<>]*)?>`).exec(xml);
  if (!open) return undefined;
  const from = open.index + open[0].length;
  const to = xml.indexOf("<", from);
  return decodeXml(xml.slice(from, to < 0 ? xml.length : to));
}

/** `<property name="URL"><vt:lpwstr>…</vt:lpwstr></property>`, by lower-cased name. */
function customProperties(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?property\b([^<>]*)>\s*<(?:[\w.-]+:)?(?:lpwstr|lpstr|bstr|filetime|date)\b[^<>]*>([^<]*)</g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), decodeXml(m[2]));
  }
  return out;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (_, name: string, dec: string, hex: string) => {
    if (name) return XML_ENTITIES[name];
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}
