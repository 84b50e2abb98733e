/** Where a source passage stands: the file's URI and the passage's range in it. */
import * as vscode from "vscode";
import type { Passage } from "../core/match/passages";
import type { FolderIndex } from "./sourceIndex";
import { extractedUri } from "./extractedText";

export function passageLocation(index: FolderIndex, passage: Passage): vscode.Location | undefined {
  const source = index.sources.get(passage.document.path);
  if (!source) return undefined;
  const pos = (offset: number) => {
    const p = source.lines.position(offset);
    return new vscode.Position(p.line - 1, p.column - 1);
  };
  // Text extracted from PDF/DOCX/HTML has no positions in the file: point into the extracted text.
  const uri = source.exact ? source.uri : extractedUri(source.uri);
  return new vscode.Location(uri, new vscode.Range(pos(passage.start), pos(passage.end)));
}
