/**
 * One source file's bytes made ready for the index: read by its format, its text's content hash,
 * and whether its checked text is the file's own text. Pure and synchronous apart from PDF/DOCX
 * extraction, so a host can run it in worker threads (src/node/prepareWorker.ts) as well as in
 * the service's thread.
 */
import { hashText, type SourceText } from "../corpus/corpus";
import type { LocalWords } from "../corpus/wordMerger";
import { readSource, rereadableSync } from "../formats";
import { decodeText } from "../formats/decode";

export type PreparedSource =
  | { skipped: string }
  | {
      source: SourceText;
      notes: string[];
      /** The checked text is the file's own text (positions are positions in the file). */
      exact: boolean;
      /** The text can be read again synchronously (not PDF or DOCX). */
      rereadable: boolean;
      hash: number;
      /** The text's words, when the host tokenized it too (see `corpus/wordMerger.ts`). */
      words?: LocalWords;
    };

export async function prepareSource(path: string, bytes: Uint8Array): Promise<PreparedSource> {
  const result = await readSource(path, bytes);
  if ("skipped" in result) return result;
  const source = result.source;
  const raw = decodeText(bytes);
  const exact = "text" in raw && raw.text === source.text;
  return { source, notes: result.notes, exact, rereadable: rereadableSync(path, bytes), hash: hashText(source.text) };
}
