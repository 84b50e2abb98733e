/** A source file's bytes to the text the engine checks (core/formats, as in the CLI). */
import type { SourceText } from "../core/corpus/corpus";
import { readSource } from "../core/formats";
import { decodeText } from "../core/formats/decode";

export interface DecodedSource {
  source: SourceText;
  /** True when the checked text is the file's own text, so offsets are positions in the file. */
  exact: boolean;
  notes: string[];
}

export async function decodeSource(path: string, stamp: string, bytes: Uint8Array): Promise<DecodedSource | { skipped: string }> {
  try {
    const read = await readSource(path, bytes);
    if ("skipped" in read) return read;
    const raw = decodeText(bytes);
    return { source: { ...read.source, stamp }, exact: "text" in raw && raw.text === read.source.text, notes: read.notes };
  } catch (e) {
    return { skipped: (e as Error).message };
  }
}
