/**
 * One QuoteChecker per workspace folder, built from the folder's sources and kept until a
 * source, the project's alias file or a setting changes. Building reads every source, so it is
 * shared: concurrent checks of the folder wait for the same build.
 */
import * as vscode from "vscode";
import { DEFAULT_IGNORE_MARKER, QuoteChecker } from "../core/check";
import { LineMap } from "../core/report/position";
import type { Log } from "./log";
import { readProjectOptions } from "./projectConfig";
import { readSettings } from "./settings";
import { findSourceFiles, type LoadedSource, readSource } from "./sourceFiles";

export interface IndexedSource extends LoadedSource {
  lines: LineMap;
}

export interface FolderIndex {
  folder: vscode.WorkspaceFolder;
  checker: QuoteChecker;
  /** By the `path` the engine reports passages under. */
  sources: Map<string, IndexedSource>;
  ignoreMarker: string;
  /** Increases with each rebuild of any folder: results from older builds are stale. */
  generation: number;
}

export class SourceIndex {
  private readonly builds = new Map<string, Promise<FolderIndex | undefined>>();
  private generation = 0;

  constructor(private readonly log: Log) {}

  /** The folder's index, or undefined when the folder has no readable sources. */
  get(folder: vscode.WorkspaceFolder): Promise<FolderIndex | undefined> {
    const key = folder.uri.toString();
    let build = this.builds.get(key);
    if (!build) {
      build = this.build(folder).catch((e) => {
        this.log.error(`indexing sources of ${folder.name}`, e);
        return undefined;
      });
      this.builds.set(key, build);
    }
    return build;
  }

  /** Forgets a folder's index (or all of them): the next check rebuilds it. */
  invalidate(folder?: vscode.WorkspaceFolder): void {
    if (folder) this.builds.delete(folder.uri.toString());
    else this.builds.clear();
  }

  private async build(folder: vscode.WorkspaceFolder): Promise<FolderIndex | undefined> {
    const started = Date.now();
    const generation = ++this.generation;
    const settings = readSettings(folder);
    const files = await findSourceFiles(folder, settings.sources);
    const loaded = (await Promise.all(files.map((uri) => readSource(folder, uri, this.log)))).filter((s): s is LoadedSource => s !== undefined);
    if (loaded.length === 0) {
      this.log.info(`${folder.name}: no source files match ${JSON.stringify(settings.sources)}; nothing to check against`);
      return undefined;
    }
    const options = await readProjectOptions(folder, settings, this.log);
    const checker = new QuoteChecker(loaded, options);
    const sources = new Map(loaded.map((s) => [s.path, { ...s, lines: new LineMap(s.text) }]));
    this.log.info(`${folder.name}: indexed ${loaded.length} source file(s) in ${Date.now() - started} ms`);
    return { folder, checker, sources, ignoreMarker: options.ignoreMarker ?? DEFAULT_IGNORE_MARKER, generation };
  }
}
