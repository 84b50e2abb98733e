/**
 * Finds a folder's source documents and stats and reads them with workspace.fs (asynchronous:
 * the extension host's thread only waits). Decoding the formats (text, Markdown, HTML,
 * subtitles, PDF, DOCX) happens in the index worker. Sources are only ever read.
 */
import * as vscode from "vscode";
import { isSidecarFile } from "../core/formats/sidecar";
import { inParallel } from "./parallel";
import type { FileStamp } from "../indexWorker/protocol";
import type { Log } from "./log";

const MAX_FILES = 20_000;
const MAX_BYTES = 50 * 1024 * 1024;
const EXCLUDE = "**/{node_modules,.git,.hg,.svn,.vscode-test,.verbatim-cache}/**";

/** The folder's files matching any of the source globs, each once, in a stable order. */
export async function findSourceFiles(folder: vscode.WorkspaceFolder, globs: string[]): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const glob of globs) {
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), EXCLUDE, MAX_FILES)) {
      // `story.txt.meta.json` gives a source's metadata; it is not a source itself.
      if (!isSidecarFile(uri.path)) found.set(uri.toString(), uri);
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path)).slice(0, MAX_FILES);
}

/** Each file's size and change stamp; oversized and unreadable files are logged and left out. */
export async function stampFiles(folder: vscode.WorkspaceFolder, uris: vscode.Uri[], log: Log): Promise<(FileStamp & { uri: vscode.Uri })[]> {
  const out = await inParallel(uris, async (uri) => {
    const path = relativePath(folder, uri);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return undefined;
      if (stat.size > MAX_BYTES) return skip(log, path, `${(stat.size / 1048576).toFixed(1)} MB is over the 50 MB limit`);
      return { path, uri, size: stat.size, stamp: `${stat.size}:${stat.mtime}` };
    } catch (e) {
      return skip(log, path, (e as Error).message);
    }
  });
  return out.filter((f) => f !== undefined);
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
