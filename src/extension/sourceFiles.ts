/**
 * Finds and reads a folder's source documents with workspace.fs; the formats (text, Markdown,
 * HTML, subtitles, PDF, DOCX) are read by core/formats, as in the CLI. Sources are only ever
 * read. Oversized and unreadable files are skipped and logged.
 */
import * as vscode from "vscode";
import type { SourceText } from "../core/corpus/corpus";
import { readSource as readFormat } from "../core/formats";
import { decodeText } from "../core/formats/decode";
import type { Log } from "./log";

const MAX_FILES = 20_000;
const MAX_BYTES = 50 * 1024 * 1024;
const EXCLUDE = "**/{node_modules,.git,.hg,.svn,.vscode-test,.verbatim-cache}/**";

export interface LoadedSource extends SourceText {
  uri: vscode.Uri;
  /**
   * True when the checked text is the file's own text, so offsets are positions in the file.
   * False for text extracted from PDF, DOCX or HTML: the passage can't be pointed at in the file.
   */
  exact: boolean;
}

/** The folder's files matching any of the source globs, each once, in a stable order. */
export async function findSourceFiles(folder: vscode.WorkspaceFolder, globs: string[]): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const glob of globs) {
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), EXCLUDE, MAX_FILES)) found.set(uri.toString(), uri);
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path)).slice(0, MAX_FILES);
}

export async function readSource(folder: vscode.WorkspaceFolder, uri: vscode.Uri, log: Log): Promise<LoadedSource | undefined> {
  const label = relativePath(folder, uri);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_BYTES) return skip(log, label, `${(stat.size / 1048576).toFixed(1)} MB is over the 50 MB limit`);
    const bytes = await vscode.workspace.fs.readFile(uri);
    const read = await readFormat(label, bytes);
    if ("skipped" in read) return skip(log, label, read.skipped);
    for (const note of read.notes) log.info(`source ${label}: ${note}`);
    const raw = decodeText(bytes);
    return { ...read.source, uri, exact: "text" in raw && raw.text === read.source.text };
  } catch (e) {
    return skip(log, label, (e as Error).message);
  }
}

function skip(log: Log, label: string, why: string): undefined {
  log.info(`skipping source ${label}: ${why}`);
  return undefined;
}

/** `sources/interview.txt`: how reports and citations name a file of the folder. */
export function relativePath(folder: vscode.WorkspaceFolder | undefined, uri: vscode.Uri): string {
  if (folder && uri.scheme === folder.uri.scheme && uri.authority === folder.uri.authority) {
    const base = folder.uri.path.replace(/\/$/, "") + "/";
    if (uri.path.startsWith(base)) return uri.path.slice(base.length);
  }
  return uri.scheme === "file" ? uri.fsPath : uri.toString();
}
