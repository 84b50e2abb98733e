/** Reading fixture files through the source-format dispatcher. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { SourceText } from "../../src/core/corpus/corpus";
import { readSource } from "../../src/core/formats";

export const FIXTURES = path.resolve(__dirname, "..", "..", "..", "test", "fixtures", "formats");

export async function readFixture(name: string): Promise<SourceText> {
  const result = await readSource(name, new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))));
  if ("skipped" in result) throw new Error(`${name} skipped: ${result.skipped}`);
  return result.source;
}

export async function readBytes(name: string, bytes: Uint8Array | string) {
  return readSource(name, typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes);
}

/** The text of each utterance with its speaker: `Speaker: words`. */
export const turns = (s: SourceText) => (s.utterances ?? []).map((u) => `${u.speaker}: ${s.text.slice(u.start, u.end)}`);

/** Each region's label with the start of its text. */
export const regions = (s: SourceText) => (s.regions ?? []).map((r) => `${r.label}: ${s.text.slice(r.start, r.end)}`);
