/**
 * Each workspace folder's source index, kept in the index worker (src/indexWorker): this side
 * lists and stats the folder's sources, reads the bytes of new and changed files with
 * workspace.fs and hands them over; the worker decodes, indexes, saves the index in the
 * extension's storage, and answers checks. A change re-sends only what changed, so only that is
 * tokenized again. Checks need not wait for a build: the worker answers from what is ready and
 * says so (`partial`).
 */
import { createHash } from "node:crypto";
import * as path from "node:path";
import { threadId } from "node:worker_threads";
import * as vscode from "vscode";
import { DEFAULT_IGNORE_MARKER } from "../core/check";
import { IndexWorkerClient } from "../indexWorker/client";
import type { BuildNeeds, BuildStats, CheckAnswer, PlainCompletion, SpeakersAnswer, StorageFiles, WorkerEvent } from "../indexWorker/protocol";
import type { Log } from "./log";
import { readProjectOptions } from "./projectConfig";
import { readSettings } from "./settings";
import { findSourceFiles, stampFiles } from "./sourceFiles";
import { inParallel } from "./parallel";

export interface FolderIndex {
  folder: vscode.WorkspaceFolder;
  /** The folder's key in the worker. */
  key: string;
  /** Each source's URI, by the `path` the engine reports passages under. */
  sources: Map<string, vscode.Uri>;
  ignoreMarker: string;
}

/** What the editor shows and the API reports about a folder's index. */
export interface IndexState {
  building: boolean;
  percent: number;
  /** Percentages reported during the latest build, in order. */
  progress: number[];
  stats?: BuildStats;
}

interface Entry {
  build: number;
  listed: Promise<FolderIndex | undefined>;
  state: IndexState;
  waiters: (() => void)[];
}

export class SourceIndex implements vscode.Disposable {
  private readonly folders = new Map<string, Entry>();
  private readonly client: IndexWorkerClient;
  private builds = 0;
  private readonly changed = new vscode.EventEmitter<string>();
  private readonly finished = new vscode.EventEmitter<BuildStats>();
  /** A folder's build progressed or finished (its key). */
  readonly onDidChangeState = this.changed.event;
  readonly onDidBuild = this.finished.event;
  /** The worker's thread id, once it has answered (the extension host's own is `mainThreadId`). */
  workerThreadId?: number;
  readonly mainThreadId = threadId;

  constructor(
    private readonly log: Log,
    workerScript: string,
    private readonly storage?: vscode.Uri,
  ) {
    this.client = new IndexWorkerClient(workerScript, (e) => this.event(e), (why) => {
      this.log.info(why);
      for (const entry of this.folders.values()) for (const w of entry.waiters.splice(0)) w();
      this.folders.clear();
    });
  }

  /** The folder's index (built or being built), or undefined when the folder has no sources. */
  get(folder: vscode.WorkspaceFolder): Promise<FolderIndex | undefined> {
    const entry = this.folders.get(folder.uri.toString());
    return entry ? entry.listed : this.start(folder);
  }

  /** Resolves when the folder's current build has finished. */
  async built(folder: vscode.WorkspaceFolder): Promise<IndexState | undefined> {
    await this.get(folder);
    const entry = this.folders.get(folder.uri.toString());
    if (entry?.state.building) await new Promise<void>((r) => entry.waiters.push(r));
    return entry?.state;
  }

  state(folder: vscode.WorkspaceFolder): IndexState | undefined {
    return this.folders.get(folder.uri.toString())?.state;
  }

  /** Any folder being indexed, with its progress. */
  buildingNow(): IndexState | undefined {
    return [...this.folders.values()].find((e) => e.state.building)?.state;
  }

  /**
   * Brings a folder's index (or every known folder's) up to date with its files and settings:
   * only new and changed files are read and tokenized again.
   */
  invalidate(folder?: vscode.WorkspaceFolder): void {
    const folders = folder ? [folder] : (vscode.workspace.workspaceFolders ?? []);
    const keys = new Set(folders.map((f) => f.uri.toString()));
    if (!folder) for (const key of this.folders.keys()) if (!keys.has(key)) this.close(key);
    for (const f of folders) if (this.folders.has(f.uri.toString())) void this.start(f);
  }

  /** Forgets everything in memory (a fresh worker); the next use reads the sources again, reusing saved indexes. */
  async restart(): Promise<void> {
    for (const entry of this.folders.values()) for (const w of entry.waiters) w();
    this.folders.clear();
    await this.client.terminate();
  }

  check(index: FolderIndex, path: string, text: string, incremental: boolean, ignoredQuotes: string[]): Promise<CheckAnswer> {
    return this.client.request<CheckAnswer>({ type: "check", folder: index.key, path, text, incremental, ignoredQuotes });
  }

  forget(index: FolderIndex, path: string): void {
    void this.client.request({ type: "forget", folder: index.key, path }).catch(() => undefined);
  }

  speakers(index: FolderIndex): Promise<SpeakersAnswer> {
    return this.client.request<SpeakersAnswer>({ type: "speakers", folder: index.key });
  }

  complete(index: FolderIndex, typed: string): Promise<PlainCompletion[]> {
    return this.client.request<PlainCompletion[]>({ type: "complete", folder: index.key, typed });
  }

  text(index: FolderIndex, path: string): Promise<string | undefined> {
    return this.client.request<string | undefined>({ type: "text", folder: index.key, path });
  }

  /** Testing: the worker waits this long before decoding each file. */
  setDelay(ms: number): Promise<void> {
    return this.client.request({ type: "delay", ms });
  }

  private start(folder: vscode.WorkspaceFolder): Promise<FolderIndex | undefined> {
    const key = folder.uri.toString();
    const old = this.folders.get(key);
    const build = ++this.builds;
    const state: IndexState = { building: true, percent: 0, progress: [], stats: old?.state.stats };
    const entry: Entry = { build, listed: Promise.resolve(undefined), state, waiters: old?.waiters ?? [] };
    entry.listed = this.run(folder, entry).catch((e) => {
      this.log.error(`indexing sources of ${folder.name}`, e);
      this.settle(entry);
      return undefined;
    });
    this.folders.set(key, entry);
    this.changed.fire(key);
    return entry.listed;
  }

  private async run(folder: vscode.WorkspaceFolder, entry: Entry): Promise<FolderIndex | undefined> {
    const key = folder.uri.toString();
    const current = () => this.folders.get(key) === entry;
    const settings = readSettings(folder);
    const files = await stampFiles(folder, await findSourceFiles(folder, settings.sources), this.log);
    const options = await readProjectOptions(folder, settings, this.log);
    if (!current()) return this.folders.get(key)?.listed;
    if (files.length === 0) {
      this.log.info(`${folder.name}: no source files match ${JSON.stringify(settings.sources)}; nothing to check against`);
      void this.client.request({ type: "close", folder: key }).catch(() => undefined);
      this.settle(entry);
      return undefined;
    }
    const index: FolderIndex = { folder, key, sources: new Map(files.map((f) => [f.path, f.uri])), ignoreMarker: options.ignoreMarker ?? DEFAULT_IGNORE_MARKER };
    const stamps = files.map(({ path, stamp, size }) => ({ path, stamp, size }));
    const needs = await this.client.request<BuildNeeds>({ type: "build", folder: key, build: entry.build, files: stamps, options, storage: this.storageFor(folder) });
    this.workerThreadId = needs.threadId;
    this.log.info(`${folder.name}: ${files.length} source file(s), ${needs.need.length} to read`);
    // Reading goes on in the background: checks may start now, against what is ready.
    void this.send(index, entry, needs.need, new Map(files.map((f) => [f.path, f])));
    return index;
  }

  private async send(index: FolderIndex, entry: Entry, need: string[], files: Map<string, { uri: vscode.Uri; stamp: string }>): Promise<void> {
    await inParallel(need, async (path) => {
      if (this.folders.get(index.key) !== entry) return;
      const file = files.get(path)!;
      let bytes: Uint8Array | undefined;
      let error: string | undefined;
      try {
        bytes = await vscode.workspace.fs.readFile(file.uri);
      } catch (e) {
        error = (e as Error).message;
      }
      await this.client.sendFile({ type: "file", folder: index.key, build: entry.build, path, stamp: file.stamp, bytes, error }).catch(() => undefined);
    });
  }

  private event(e: WorkerEvent): void {
    if (e.type === "log") return this.log.info(e.message);
    const key = e.type === "built" ? e.stats.folder : e.folder;
    const entry = this.folders.get(key);
    const build = e.type === "built" ? e.stats.build : e.build;
    if (!entry || entry.build !== build) return;
    if (e.type === "progress") {
      entry.state.percent = e.percent;
      entry.state.progress.push(e.percent);
      this.changed.fire(key);
      return;
    }
    const s = e.stats;
    entry.state.stats = s;
    for (const skip of s.skipped) this.log.info(`skipping source ${skip.path}: ${skip.why}`);
    for (const note of s.notes) this.log.info(`source ${note}`);
    this.log.info(
      `${vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(key))?.name ?? key}: indexed ${s.files} source file(s) in ${s.ms} ms in the index worker (thread ${s.threadId}): ${s.tokenized} tokenized, ${s.reused} reused${s.loadedSaved ? " from the saved index" : ""}${s.saved ? "; index saved" : ""}`,
    );
    this.settle(entry);
    this.finished.fire(s);
  }

  private settle(entry: Entry): void {
    entry.state.building = false;
    for (const w of entry.waiters.splice(0)) w();
    const key = [...this.folders.entries()].find(([, e]) => e === entry)?.[0];
    if (key) this.changed.fire(key);
  }

  private close(key: string): void {
    this.folders.delete(key);
    void this.client.request({ type: "close", folder: key }).catch(() => undefined);
  }

  /** The folder's saved index, under the extension's storage (only on a local file system the worker can write). */
  private storageFor(folder: vscode.WorkspaceFolder): StorageFiles | undefined {
    if (!this.storage || this.storage.scheme !== "file") return undefined;
    const dir = path.join(this.storage.fsPath, "index", createHash("sha256").update(folder.uri.toString()).digest("hex").slice(0, 16));
    return { index: path.join(dir, "index.bin"), facts: path.join(dir, "facts.json") };
  }

  dispose(): void {
    this.changed.dispose();
    this.finished.dispose();
    void this.client.terminate();
  }
}
