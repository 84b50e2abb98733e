/** Word documents (.docx) through mammoth: one paragraph per Word paragraph. */
import type { SourceText } from "../corpus/corpus";
import { TextBuilder } from "./builder";
import { checkZip } from "./zip";

export async function readDocx(path: string, bytes: Uint8Array): Promise<SourceText> {
  checkZip(bytes, "word/document.xml");
  const mammoth = await import("mammoth");
  // mammoth's Node build reads `buffer` and hands it to JSZip, which takes any Uint8Array.
  const { value } = await mammoth.extractRawText({ buffer: bytes as Buffer });
  const out = new TextBuilder();
  for (const p of value.split(/\n{2,}/)) {
    const text = p.replace(/[ \t\u00a0]+/g, " ").trim();
    if (text) out.paragraph(text);
  }
  return out.build(path);
}
