/** Where a source passage stands: the file's URI and the passage's range in it. */
import * as vscode from "vscode";
import type { PlainPassage } from "../core/plain/plainCheck";
import type { FolderIndex } from "./sourceIndex";
import { extractedUri } from "./extractedText";

export function passageLocation(index: FolderIndex, passage: PlainPassage): vscode.Location | undefined {
  const uri = index.sources.get(passage.document.path);
  const place = passage.place;
  if (!uri || !place) return undefined;
  const range = new vscode.Range(place.line - 1, place.column - 1, place.endLine - 1, place.endColumn - 1);
  // Text extracted from PDF/DOCX/HTML has no positions in the file: point into the extracted text.
  return new vscode.Location(place.exact ? uri : extractedUri(uri), range);
}
