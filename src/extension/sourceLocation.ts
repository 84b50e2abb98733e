/** Where a source passage stands: the file's URI and the passage's range in it. */
import * as vscode from "vscode";
import type { Passage } from "../core/match/passages";
import type { FolderIndex } from "./sourceIndex";

export function passageLocation(index: FolderIndex, passage: Passage): vscode.Location | undefined {
  const source = index.sources.get(passage.document.path);
  if (!source) return undefined;
  // Text extracted from PDF/DOCX/HTML has no positions in the file: point at the file itself.
  if (!source.exact) return new vscode.Location(source.uri, new vscode.Position(0, 0));
  const pos = (offset: number) => {
    const p = source.lines.position(offset);
    return new vscode.Position(p.line - 1, p.column - 1);
  };
  return new vscode.Location(source.uri, new vscode.Range(pos(passage.start), pos(passage.end)));
}
