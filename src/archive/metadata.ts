/**
 * What the archive records about who published a source: title, outlet, date, URL, authors —
 * the engine's own `SourceMetadata` (src/core/formats/metadata.ts): what the format reader
 * found, overridden field by field by a sidecar `NAME.meta.json` (or `NAME.ext.meta.json`)
 * beside the file, read and cleaned as the CLI and the editor read it (src/core/formats/sidecar.ts).
 */
import * as fs from "node:fs";
import type { SourceText } from "../core/corpus/corpus";
import { mergeMetadata, type SourceMetadata } from "../core/formats/metadata";
import { isSidecarFile, parseSidecar, sidecarPaths } from "../core/formats/sidecar";

export type { SourceMetadata } from "../core/formats/metadata";
export { sidecarPaths } from "../core/formats/sidecar";

export const isSidecar = isSidecarFile;

/** The sidecar's bytes, if there is one (they are part of what decides whether a source changed). */
export function readSidecar(file: string): { path: string; bytes: Buffer } | undefined {
  for (const p of sidecarPaths(file)) {
    try {
      return { path: p, bytes: fs.readFileSync(p) };
    } catch {
      // none here
    }
  }
  return undefined;
}

/** Metadata from the reader, overridden field by field by the sidecar; a broken sidecar is a warning. */
export function sourceMetadata(source: SourceText, sidecar: { path: string; bytes: Buffer } | undefined, warn: (msg: string) => void): SourceMetadata {
  if (!sidecar) return source.metadata ?? {};
  const notes: string[] = [];
  const side = parseSidecar(sidecar.bytes.toString("utf8"), notes);
  if (notes.length) warn(`${sidecar.path}: ${notes.join("; ")}${notes.some((n) => n.startsWith("not valid JSON")) ? "; metadata ignored" : ""}`);
  return mergeMetadata(source.metadata, side);
}
