/** How the server names and links a source passage: its place label, its URI, its location. */
import { pathToFileURL } from "node:url";
import type { Location } from "vscode-languageserver/node";
import type { PlainPassage } from "../core/plain/plainCheck";
import type { SourcePlace } from "../core/report/places";
import type { Translate } from "../core/translate";
import type { HoverSource } from "./hoverText";
import { EXTRACTED_SCHEME } from "./protocol";
import type { DraftResult } from "./results";

/** How a passage's place in its source reads: `line 7` in a file, else its page or timestamp. */
export function placeLabel(place: SourcePlace | undefined, t: Translate): string {
  if (!place) return "";
  return place.exact ? t("line {0}", place.line) : (place.region ?? "");
}

/** The file URI of a source the project names by `path`. */
export function sourceUri(r: DraftResult, path: string): string | undefined {
  const file = r.entry.workspace?.fileOf(path);
  return file ? pathToFileURL(file).toString() : undefined;
}

/** `verbatim-extracted:/…/statement.pdf (extracted text)?<file URI>`: the text Verbatim read from a PDF, Word or HTML file. */
export function extractedUri(fileUri: string): string {
  const path = new URL(fileUri).pathname;
  return `${EXTRACTED_SCHEME}:${path}${encodeURIComponent(" (extracted text)")}?${encodeURIComponent(fileUri)}`;
}

/** Where a passage stands, for a diagnostic's related information (in the extracted text when the file has no text positions). */
export function passageLocation(r: DraftResult, p: PlainPassage, extractedText: boolean): Location | undefined {
  const uri = sourceUri(r, p.document.path);
  const place = p.place;
  if (!uri || !place) return undefined;
  const range = { start: { line: place.line - 1, character: place.column - 1 }, end: { line: place.endLine - 1, character: place.endColumn - 1 } };
  return { uri: place.exact || !extractedText ? uri : extractedUri(uri), range };
}

export function hoverSource(r: DraftResult, p: PlainPassage | undefined, t: Translate): HoverSource | undefined {
  const uri = p && sourceUri(r, p.document.path);
  if (!p || !uri) return undefined;
  return { label: p.document.path, place: placeLabel(p.place, t), open: { uri, start: p.start, end: p.end, exact: p.place?.exact ?? true } };
}
