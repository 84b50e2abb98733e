/**
 * The one engine service every host calls (the language server, the CLI, benchmarks), in the
 * manner of vscode-markdown-languageservice's `createLanguageService`: `createVerbatim({
 * workspace, store, logger, settings })` gives a `Verbatim` for one project (a folder of
 * sources and the settings that go with it). The host supplies only small interfaces — how to
 * list, stat and read sources (`SourceWorkspace`), where the saved index lives (`IndexStore`),
 * where messages go (`Logger`) — so the service knows nothing of VS Code, LSP or a terminal.
 *
 * Indexing: the sources are listed with their change stamps; a file the saved index holds at the
 * same stamp is not read at all (its words, layout facts and places come from the store), only
 * new and changed files are read, decoded and tokenized. Reading yields between files, reports
 * progress, and can be cancelled. While a first build runs, checks are answered from the sources
 * ready so far and say so (`partial`).
 */
import { QuoteChecker } from "./check";
import type { DraftReport } from "./checkTypes";
import { hashText, type PriorIndex, type Region, type SourceDocument, type SourceText, type Utterance } from "./corpus/corpus";
import { deserializeIndex, IndexFormatError, type IndexImage, priorFromCorpus } from "./corpus/persist";
import type { PageSource } from "./corpus/pagedArrays";
import { SavedAttributions } from "./corpus/savedAttributions";
import { type BuildHelper, HitBuffer } from "./corpus/ngramIndex";
import { tokenizeInto } from "./corpus/tokenizeIds";
import { WordMerger } from "./corpus/wordMerger";
import { Vocabulary } from "./corpus/vocabulary";
import type { FindingKind, Severity } from "./findings";
import { readSourceTextSync } from "./formats";
import { mergeMetadata, type SourceMetadata } from "./formats/metadata";
import type { Passage } from "./match/passages";
import type { QuoteWords } from "./match/quoteWords";
import { Places, type SourcePlace } from "./report/places";
import { completeQuote, type QuoteCompletion } from "./sources/complete";
import { type PreparedSource, prepareSource } from "./sources/prepare";
import { listSourceSpeakers, type SourceSpeaker } from "./sources/speakers";
import { markIgnoredQuotes } from "./verdict/ignoredQuotes";
import type { Thresholds } from "./verdict/judge";

// ---- what a host supplies ----------------------------------------------------------------

/** A long call checks this between steps and stops (throwing `CancelledError`) once it is set. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
  }
}

export const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false };

export interface Logger {
  info(message: string): void;
  /** Something the user should know about (a skipped file, a rebuilt index). */
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

/** A source file as listed: its path as reports name it, its size and a change stamp (size and mtime). */
export interface SourceFile {
  path: string;
  size: number;
  stamp: string;
  /** Its modification time, when known: a file changed around the time an index was saved is read again. */
  mtimeMs?: number;
}

export type ReadOutcome = { bytes: Uint8Array } | { problem: string };

export interface SourceWorkspace {
  /**
   * The files the project's `sources` entries name — folders (read recursively), files, globs,
   * relative to the project or absolute — each once, in a stable order, drafts never included.
   */
  listSources(entries: readonly string[], token: CancellationToken): Promise<SourceFile[]>;
  /** A source file's bytes. */
  read(path: string): Promise<ReadOutcome>;
  /** The same, synchronously: how a text source is re-read when a check needs its text. */
  readSync(path: string): ReadOutcome;
  /** Metadata layers that override what a source file says of itself (a project entry, a sidecar), later ones winning. */
  metadata?(path: string): Promise<(SourceMetadata | undefined)[]>;
  /**
   * Reads a source file and prepares it (`prepareSource`: format, hash) off the service's
   * thread, e.g. in worker threads. A host that can is given many files at once; without it
   * files are read and prepared here one by one. With `tokenize` (a key of the build's words), the
   * host also tokenizes the text (`corpus/wordMerger.ts`: `LocalTokenizer.tokenize(tokenize,
   * text)`) and gives the words with the file (`PreparedSource.words`).
   */
  prepare?(path: string, tokenize?: string): Promise<PreparedFile>;
  /**
   * Another thread to take part in a first index build (`corpus/ngramIndex.ts` `BuildHelper`),
   * asked for when the build starts reading (so the thread is up when the index is built) and
   * closed after it. Optional: without it the service's thread builds the index alone.
   */
  buildHelper?(): BuildHelper | undefined;
}

/** A source file as a host read and prepared it. */
export type PreparedFile = { problem: string } | PreparedSource;

/** What the store keeps of each source besides its words, so an unchanged file need not be read. */
export interface SourceMeta {
  stamp: string;
  /** Length of the checked text. */
  length: number;
  markdown?: boolean;
  utterances?: Utterance[];
  regions?: Region[];
  /** The checked text is the file's own text (positions are positions in the file). */
  exact: boolean;
  /** Who published the source and when (its own, with the project's and sidecar's overrides). */
  metadata?: SourceMetadata;
  /** The extracted text of a format that cannot be re-read synchronously (PDF, DOCX). */
  text?: string;
}

export interface StoredIndex {
  /** The index's header (see `corpus/persist.ts`). */
  index: Uint8Array;
  /** Its arrays, read page by page as checks need them, each page checked by the store. */
  pages: PageSource;
  sources?: Record<string, SourceMeta>;
  /** Attributions of the sources attributed so far (see `corpus/savedAttributions.ts`). */
  speakers?: Record<string, string>;
  /** When the index was saved (ms since the epoch): its stamps are trusted for a while only. */
  savedAt?: number;
}

/** What a host saves: the index (header and pages) and the source records, either or both. */
export interface SaveParts {
  index?: IndexImage;
  sources?: Record<string, SourceMeta>;
  speakers?: Record<string, string>;
}

/** Where a project's index is saved between runs. A store that cannot load gives undefined (and warns). */
export interface IndexStore {
  load(): StoredIndex | undefined;
  /** Saves the parts given (the index only when it changed). */
  save(parts: SaveParts): void;
  /**
   * The same, the bytes written off this thread where the host can: the service does not change
   * the parts' arrays until it settles. Optional (`save` stands in).
   */
  saveAsync?(parts: SaveParts): Promise<void>;
}

/** The project's settings, as merged by the host (defaults < .verbatim.json < the user's settings). */
export interface ProjectSettings {
  /** Source entries: folders, files or globs, relative to the project root, or absolute. */
  sources: string[];
  aliases?: Record<string, string>;
  ignoreMarker?: string;
  thresholds?: Partial<Thresholds>;
  /** Quotations never to check, as their words. */
  ignoredQuotes?: string[];
  severities?: Partial<Record<FindingKind, Severity>>;
}

export interface VerbatimOptions {
  workspace: SourceWorkspace;
  store?: IndexStore;
  logger?: Logger;
  settings: ProjectSettings;
  /**
   * A new index's save is started (its checksums computed, its bytes handed to the store's
   * writer) before the checks waiting for it are answered, so that they run while it is written:
   * for a host that exits after its checks (the CLI). Default: the checks first (an editor shows
   * diagnostics sooner, and the index is saved after them).
   */
  saveFirst?: boolean;
}

// ---- what the service gives -----------------------------------------------------------------

/** How far a build is: sources whose current version the checker holds, of all. */
export interface Readiness {
  ready: number;
  total: number;
}

export interface BuildStats {
  build: number;
  /** Source files in the index; how many were tokenized anew, and reused from a saved or live index. */
  files: number;
  tokenized: number;
  reused: number;
  /** Files read from disk during this build. */
  read: number;
  /** The saved index was used as it was (nothing changed). */
  reusedIndex: boolean;
  /** A saved index was loaded from the store for this build. */
  loadedSaved: boolean;
  saved: boolean;
  skipped: { path: string; why: string }[];
  ms: number;
}

export interface BuildProgress {
  build: number;
  /** Files read of those to read. */
  done: number;
  total: number;
  percent: number;
  message: string;
}

export interface IndexState {
  building: boolean;
  percent: number;
  /** Percentages reported during the latest build, in order. */
  progress: number[];
  stats?: BuildStats;
}

export interface CheckResult {
  report: DraftReport;
  /** The build whose index answered (0: a partial index while the first build runs). */
  build: number;
  /** Set when the index was still being built: the answer used what was ready. */
  partial?: Readiness;
}

export interface SpeakersResult {
  build: number;
  speakers: (Omit<SourceSpeaker, "entity" | "quotes"> & { quotes: (SourceSpeaker["quotes"][number] & { place: SourcePlace })[] })[];
}

export interface Completion extends QuoteCompletion {
  /** The source's own words from where the typed words start. */
  passage: string;
  place: SourcePlace;
  /** What the source says about itself (outlet, headline, date…). */
  metadata?: SourceMetadata;
}

export interface CheckOptions {
  /** Re-check only the paragraphs changed since this draft's last check. */
  incremental?: boolean;
  /** Passages from a second store (the newsroom archive), looked up before the check. */
  foreignPassages?: (words: QuoteWords) => Passage[];
  token?: CancellationToken;
  /** Set on the check made again after a changed source was read again (it is not made a third time). */
  rechecked?: boolean;
}

export interface Verbatim {
  readonly settings: ProjectSettings;
  /** New settings: the index is brought up to date when what it depends on changed. */
  configure(settings: ProjectSettings): void;
  /** Brings the index up to date with the files (only new and changed files are read). */
  refresh(token?: CancellationToken): Promise<BuildStats | undefined>;
  /** Resolves when the current build (if any) has finished. */
  built(): Promise<IndexState>;
  state(): IndexState;
  onProgress(listener: (p: BuildProgress) => void): () => void;
  onBuilt(listener: (s: BuildStats) => void): () => void;
  check(draft: { path: string; text: string }, options?: CheckOptions): Promise<CheckResult>;
  speakers(token?: CancellationToken): Promise<SpeakersResult>;
  complete(typed: string, token?: CancellationToken): Promise<Completion[]>;
  /** The checked text of a source (for PDF, Word, HTML: the extracted text). */
  sourceText(path: string): string | undefined;
  /** What a source says about itself (outlet, headline, date…), with its overrides. */
  sourceMetadata(path: string): SourceMetadata | undefined;
  /** The listed source files, by path. */
  sourceFiles(): ReadonlyMap<string, SourceFile>;
  /** Forgets a draft's last report (it was closed). */
  forget(path: string): void;
  /** Where a passage of a source stands. */
  placeOf(doc: SourceDocument, start: number, end: number): SourcePlace;
  /** Testing: wait this long before decoding each file, so a build can be caught midway. */
  setDelay(ms: number): void;
  dispose(): void;
}

export function createVerbatim(options: VerbatimOptions): Verbatim {
  return new Project(options);
}

// ---- the implementation ---------------------------------------------------------------------

const SILENT: Logger = { info: () => {}, warn: () => {}, error: () => {} };
/** A partial index (first build) is rebuilt for a check once twice as many sources are ready. */
const PARTIAL_GROWTH = 2;
const PROGRESS_MS = 100;
/**
 * Files a host prepares ahead of the one the service takes next (see `SourceWorkspace.prepare`),
 * asked for `PREPARE_GROUP` at a time: a host may send each group to its thread in one message.
 */
const PREPARE_AHEAD = 24;
const PREPARE_GROUP = 8;
/**
 * Of each group, how many files a host that prepares files also tokenizes, at first and at most
 * (see `corpus/wordMerger.ts`): it reads every file, so this thread keeps the rest.
 */
const HOST_TOKENIZE_START = 2;
const HOST_TOKENIZE_MAX = 6;
/** Keys of first builds' words (see `SourceWorkspace.prepare`), unique in the process. */
let firstBuildKeys = 0;
/** Fewer files than this are read here (starting threads for them costs more than it saves). */
const HOST_PREPARE_MIN_FILES = 8;

interface Entry {
  stamp: string;
  meta?: SourceMeta;
  source?: SourceText;
  skipped?: string;
}

const yieldTurn = () => new Promise<void>((r) => setImmediate(r));

/**
 * When a saved index's stamp of a file is not trusted on its own, and the file is read and
 * compared by content: small files (cheap to read), every file of an index saved over a day ago,
 * and a file modified within a moment of the save (its stamp may not tell an edit made in the
 * same clock tick). Node stamps carry the change time too, which `touch -d` cannot set back.
 */
const ALWAYS_READ_BYTES = 16 * 1024;
const STAMP_TRUST_MS = 24 * 60 * 60 * 1000;
const RACY_MS = 2000;

export function stampTrusted(file: SourceFile, savedAt: number | undefined, now = Date.now()): boolean {
  if (savedAt === undefined || file.size <= ALWAYS_READ_BYTES) return false;
  if (now - savedAt > STAMP_TRUST_MS || savedAt > now) return false;
  return file.mtimeMs === undefined || file.mtimeMs < savedAt - RACY_MS;
}

class Project implements Verbatim {
  settings: ProjectSettings;
  private readonly workspace: SourceWorkspace;
  private readonly store?: IndexStore;
  private readonly log: Logger;
  private files = new Map<string, SourceFile>();
  private wanted: SourceFile[] = [];
  private readonly entries = new Map<string, Entry>();
  private checker?: QuoteChecker;
  private checkerKey = "";
  private checkerGen = 0;
  /** Path → stamp of what the checker holds. */
  private held = new Map<string, string>();
  private build = 0;
  private finished = 0;
  private building = false;
  private current?: Promise<BuildStats | undefined>;
  private waiters: (() => void)[] = [];
  /** Checks waiting for a first index (woken as soon as it is built, before it is saved). */
  private indexWaiters: (() => void)[] = [];
  private stateNow: IndexState = { building: false, percent: 0, progress: [] };
  private saved?: PriorIndex;
  private triedSaved = false;
  /**
   * The store's index was loaded and no build has finished since. Kept on the service, not the
   * run: a run superseded after loading it, or a check that built a partial index on it while the
   * build ran, must not make the finished build say it started from nothing.
   */
  private savedLoaded = false;
  /** How many source records the store gave that were used as they are (0 when none were loaded). */
  private loadedSources = -1;
  /** Attributions saved with the index (with a store only). */
  private attributions?: SavedAttributions;
  private readonly reports = new Map<string, { report: DraftReport; gen: number }>();
  private readonly places = new Places((path) => this.entries.get(path)?.meta?.exact ?? true);
  private speakerList?: { gen: number; answer: SpeakersResult };
  private readonly progressListeners = new Set<(p: BuildProgress) => void>();
  private readonly builtListeners = new Set<(s: BuildStats) => void>();
  private delayMs = 0;
  private disposed = false;
  /**
   * During a first build with nothing saved, of files a host prepares: the vocabulary each file
   * is tokenized into as it arrives (its text then dropped), while the host reads the next ones.
   */
  private firstWords?: { vocabulary: Vocabulary; ids: HitBuffer; merger: WordMerger; key: string; helper?: BuildHelper };
  /** The index being written (its arrays are not changed until it settles). */
  private saving?: Promise<void>;
  private readonly saveFirst: boolean;

  constructor(options: VerbatimOptions) {
    this.workspace = options.workspace;
    this.store = options.store;
    this.log = options.logger ?? SILENT;
    this.settings = options.settings;
    this.saveFirst = options.saveFirst === true;
  }

  configure(settings: ProjectSettings): void {
    const before = JSON.stringify(indexKey(this.settings)) + JSON.stringify(this.settings.sources);
    this.settings = settings;
    this.speakerList = undefined;
    if (JSON.stringify(indexKey(settings)) + JSON.stringify(settings.sources) !== before && (this.checker || this.building)) void this.refresh();
  }

  state(): IndexState {
    return this.stateNow;
  }

  onProgress(listener: (p: BuildProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  onBuilt(listener: (s: BuildStats) => void): () => void {
    this.builtListeners.add(listener);
    return () => this.builtListeners.delete(listener);
  }

  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  sourceFiles(): ReadonlyMap<string, SourceFile> {
    return this.files;
  }

  async built(): Promise<IndexState> {
    if (!this.checker && !this.building) await this.refresh();
    else if (this.building) await new Promise<void>((r) => this.waiters.push(r));
    // Built means saved too (an index written while checks ran is awaited).
    while (this.saving) await this.saving;
    return this.stateNow;
  }

  refresh(token: CancellationToken = NEVER_CANCELLED): Promise<BuildStats | undefined> {
    const build = ++this.build;
    this.building = true;
    this.stateNow = { building: true, percent: 0, progress: [], stats: this.stateNow.stats };
    const run = this.run(build, token).catch((e) => {
      if (!(e instanceof CancelledError)) this.log.error("indexing the sources", e);
      if (build === this.build) this.settle();
      return undefined;
    });
    this.current = run;
    return run;
  }

  private settle(): void {
    this.building = false;
    this.stateNow = { ...this.stateNow, building: false };
    for (const w of this.indexWaiters.splice(0)) w();
    for (const w of this.waiters.splice(0)) w();
  }

  private progress(build: number, done: number, total: number, percent: number, message: string): void {
    if (build !== this.build) return;
    this.stateNow.percent = percent;
    this.stateNow.progress.push(percent);
    for (const l of this.progressListeners) l({ build, done, total, percent, message });
  }

  private async run(build: number, token: CancellationToken): Promise<BuildStats | undefined> {
    const started = Date.now();
    const superseded = () => build !== this.build || this.disposed;
    const stop = () => {
      if (token.isCancellationRequested) throw new CancelledError();
    };
    this.progress(build, 0, 0, 0, "listing sources");
    const files = await this.workspace.listSources(this.settings.sources, token);
    stop();
    if (superseded()) return this.current;
    this.files = new Map(files.map((f) => [f.path, f]));
    this.wanted = files;
    const listed = new Set(files.map((f) => f.path));
    for (const path of [...this.entries.keys()]) if (!listed.has(path)) this.entries.delete(path);

    // A fresh start: what the store has saved stands in for every file it holds at the same stamp.
    if (!this.triedSaved && this.store) {
      this.triedSaved = true;
      const stored = this.loadStore();
      this.attributions = new SavedAttributions(stored?.speakers);
      if (stored) {
        this.savedLoaded = true;
        this.saved = stored.prior;
        for (const f of files) {
          const meta = stored.sources[f.path];
          if (meta && meta.stamp === f.stamp && stored.prior.files.get(f.path)?.stamp === f.stamp && !this.entries.has(f.path) && stampTrusted(f, stored.savedAt)) {
            this.entries.set(f.path, { stamp: f.stamp, meta, source: this.lazySource(f.path, meta) });
          }
        }
        this.loadedSources = Object.keys(stored.sources).length === files.length ? files.length : -1;
      }
    }

    const need = files.filter((f) => this.entries.get(f.path)?.stamp !== f.stamp);
    const totalBytes = need.reduce((n, f) => n + f.size, 0) || 1;
    let doneBytes = 0;
    let lastProgress = 0;
    // A host that prepares files off this thread is given many at once; a first build with
    // nothing saved tokenizes each here as it arrives, in the files' order, while the host reads on.
    const prepare = need.length >= HOST_PREPARE_MIN_FILES ? this.workspace.prepare?.bind(this.workspace) : undefined;
    // The words go end to end into one buffer sized for the worst case (untouched pages take no
    // memory), which the index then takes as it lies: no copy of 60 MB of word ids at the build.
    if (prepare && !this.checker && !this.saved && this.finished === 0 && !this.firstWords) {
      const vocabulary = new Vocabulary();
      // A helper thread builds the index with this one: the words go into memory it is given too.
      const helper = this.workspace.buildHelper?.();
      this.firstWords = { vocabulary, ids: new HitBuffer(Math.max(1 << 16, (totalBytes >> 1) + need.length + 1), helper !== undefined), merger: new WordMerger(vocabulary), key: String(++firstBuildKeys), helper };
    }
    const first = this.firstWords;
    const ahead: (Promise<PreparedFile | undefined> | undefined)[] = [];
    const ready = new Set<number>();
    // How many files of each group the host tokenizes too (the last ones of the group): one more
    // while its answers are ready before this thread needs them, one fewer when this thread waits.
    let hostShare = HOST_TOKENIZE_START;
    const launch = (k: number) => {
      if (!prepare || k >= need.length || ahead[k]) return;
      const tokenize = first && k % PREPARE_GROUP >= PREPARE_GROUP - hostShare ? first.key : undefined;
      // A host that fails to prepare a file (a thread died) leaves it to be read here.
      ahead[k] = prepare(need[k].path, tokenize).then(
        (p) => (ready.add(k), p),
        () => (ready.add(k), undefined),
      );
    };
    for (let k = 0; k < need.length; k++) {
      stop();
      if (superseded()) return this.current;
      const f = need[k];
      if (k % PREPARE_GROUP === 0) for (let j = k; j < k + PREPARE_AHEAD; j++) launch(j);
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      if (prepare) {
        if (first) hostShare = ready.has(k) ? Math.min(HOST_TOKENIZE_MAX, hostShare + 1) : Math.max(0, hostShare - 1);
        ready.delete(k);
        const prepared = await ahead[k]!;
        ahead[k] = undefined;
        if (superseded()) return this.current;
        if (prepared) await this.applyPrepared(f, prepared);
        else await this.readEntry(f);
      } else await this.readEntry(f);
      doneBytes += f.size;
      if (Date.now() - lastProgress >= PROGRESS_MS || k === need.length - 1) {
        lastProgress = Date.now();
        this.progress(build, k + 1, need.length, Math.min(90, Math.floor((90 * doneBytes) / totalBytes)), `reading sources: ${k + 1} of ${need.length}`);
      }
      // Let requests (checks, hovers, cancellations) in between files.
      await yieldTurn();
    }
    stop();
    if (superseded()) return this.current;
    this.progress(build, need.length, need.length, 90, "indexing");
    await yieldTurn();
    if (superseded()) return this.current;
    // The last index is still being written from its arrays: they do not change until it is.
    if (this.saving) {
      await this.saving;
      if (superseded()) return this.current;
    }

    const tokenized = this.index(this.ready(), this.saved);
    this.finished = build;
    const checker = this.checker!;
    // Text read for indexing is dropped now (before the index is saved, which needs memory of its
    // own): the corpus re-reads what a check needs.
    for (const e of this.entries.values()) if (e.meta && e.source) e.source = this.lazySource(e.source.path, e.meta);
    // A warm start that changed nothing (the saved index used as it was, every file at its saved
    // stamp) has nothing to save.
    const unchanged = checker.corpus.reusedIndex && need.length === 0 && this.loadedSources === this.held.size;
    this.saved = undefined;
    this.firstWords?.helper?.close?.();
    this.firstWords = undefined;
    const skipped = files.flatMap((f) => {
      const e = this.entries.get(f.path);
      return e?.skipped !== undefined ? [{ path: f.path, why: e.skipped }] : [];
    });
    const stats: BuildStats = { build, files: this.held.size, tokenized, reused: this.held.size - tokenized, read: need.length, reusedIndex: checker.corpus.reusedIndex, loadedSaved: this.savedLoaded, saved: false, skipped, ms: Date.now() - started };
    this.savedLoaded = false;
    this.progress(build, need.length, need.length, 100, "ready");
    this.stateNow = { ...this.stateNow, stats, building: false };
    // The index is ready: checks waiting for it, and those its listeners ask for (the open
    // drafts), answer before it is saved — saving a first build's index takes seconds. Whoever
    // waits for `built()` is told once it is saved.
    this.building = false;
    const save = async () => {
      try {
        await this.saveStore(checker, !checker.corpus.reusedIndex);
        stats.saved = true;
      } catch (e) {
        this.log.warn(`could not save the source index: ${(e as Error).message}`);
      }
    };
    // A save started first runs its synchronous part (checksums) now and writes while the checks run.
    const saving = this.store && !unchanged && this.saveFirst ? save() : undefined;
    this.saving = saving;
    for (const w of this.indexWaiters.splice(0)) w();
    for (const l of this.builtListeners) l(stats);
    if (saving) await saving;
    else if (this.store && !unchanged) {
      await yieldTurn();
      this.saving = save();
      await this.saving;
    }
    this.saving = undefined;
    // A build started meanwhile settles when it is done.
    if (build === this.build) this.settle();
    return stats;
  }

  private loadStore(): { prior: PriorIndex; sources: Record<string, SourceMeta>; speakers?: Record<string, string>; savedAt?: number } | undefined {
    try {
      const stored = this.store!.load();
      if (!stored) return undefined;
      try {
        return { prior: deserializeIndex(stored.index, stored.pages), sources: stored.sources ?? {}, speakers: stored.speakers, savedAt: stored.savedAt };
      } catch (e) {
        stored.pages.close();
        throw e;
      }
    } catch (e) {
      this.log.warn(`the saved source index could not be used and is rebuilt: ${(e as Error).message}`);
      return undefined;
    }
  }

  private saveStore(checker: QuoteChecker, withIndex: boolean): Promise<void> | void {
    const sources: Record<string, SourceMeta> = {};
    for (const [path, stamp] of this.held) {
      const meta = this.entries.get(path)?.meta;
      if (meta && meta.stamp === stamp) sources[path] = meta;
    }
    const parts = { ...(withIndex ? { index: checker.serializeIndex() } : {}), sources };
    // Written off this thread only for a host that checks while it is written (saveFirst): an
    // editor's server saves synchronously, after its first diagnostics, so that a shutdown or a
    // `built()` cannot come in the middle of a save.
    return this.saveFirst && this.store!.saveAsync ? this.store!.saveAsync(parts) : this.store!.save(parts);
  }

  /** Reads and decodes one file into its entry (or records why it was skipped). */
  private async readEntry(f: SourceFile): Promise<void> {
    const read = await this.workspace.read(f.path);
    await this.applyPrepared(f, "problem" in read ? read : await prepareSource(f.path, read.bytes));
  }

  /** A prepared file into its entry (or why it was skipped). */
  private async applyPrepared(f: SourceFile, prepared: PreparedFile | PreparedSource): Promise<void> {
    const why = "problem" in prepared ? prepared.problem : "skipped" in prepared ? prepared.skipped : undefined;
    if (why !== undefined || !("source" in prepared)) {
      this.entries.set(f.path, { stamp: f.stamp, skipped: why ?? "could not be read" });
      this.log.warn(`skipping ${f.path}: ${why}`);
      return;
    }
    if (prepared.notes.length) this.log.warn(`${f.path}: ${prepared.notes.join("; ")}`);
    const source = prepared.source;
    const overrides = (await this.workspace.metadata?.(f.path)) ?? [];
    if (overrides.some((m) => m)) source.metadata = mergeMetadata(source.metadata, ...overrides);
    // A first build's files are tokenized as they arrive, in the files' order: the very ids (and
    // vocabulary) tokenizing them all at once gives; the text itself is then not kept.
    const first = this.firstWords;
    let words: SourceText["words"];
    if (first) {
      const from = first.ids.length;
      // (A buffer that must grow leaves the words before on the old one: the build then copies.)
      // Tokenized by the host's thread: its ids mapped into this build's vocabulary.
      if (!("words" in prepared && prepared.words && first.merger.merge(prepared.words, first.ids))) tokenizeInto(source.text, first.vocabulary, first.ids);
      words = { ids: first.ids.data.subarray(from, first.ids.length), vocabulary: first.vocabulary };
    }
    const length = source.text.length;
    const pending = words && prepared.rereadable ? undefined : source.text;
    const meta: SourceMeta = { stamp: f.stamp, length, markdown: source.markdown, utterances: source.utterances, regions: source.regions, metadata: source.metadata, exact: prepared.exact, ...(prepared.rereadable ? {} : { text: source.text }) };
    // Formats read again synchronously are re-read on demand; the others keep their text. With
    // the hash of the text just read: the index compares it (not the stamp) with what it holds.
    this.entries.set(f.path, { stamp: f.stamp, meta, source: prepared.rereadable ? this.lazySource(f.path, meta, pending, { hash: prepared.hash, words }) : { ...source, length, stamp: f.stamp, hash: prepared.hash, words } });
  }

  /**
   * A source whose text is read again when a check needs it (or kept, for PDF and DOCX).
   * `pending` is the text just read, given to the index build and dropped after it.
   */
  private lazySource(path: string, meta: SourceMeta, pending?: string, read?: { hash: number; words?: SourceText["words"] }): SourceText {
    const hash = read?.hash ?? (pending === undefined ? undefined : hashText(pending));
    const base = { path, stamp: meta.stamp, hash, words: read?.words, markdown: meta.markdown, utterances: meta.utterances, regions: meta.regions, metadata: meta.metadata };
    if (meta.text !== undefined) return { ...base, text: meta.text };
    const load = () => {
      const read = this.workspace.readSync(path);
      return "bytes" in read ? readSourceTextSync(path, read.bytes) : undefined;
    };
    return {
      ...base,
      length: meta.length,
      load,
      get text() {
        return pending ?? load() ?? "";
      },
    };
  }

  /** Decoded sources of the current file list, in its order. */
  private ready(): { path: string; stamp: string; source: SourceText }[] {
    return this.wanted.flatMap((f) => {
      const e = this.entries.get(f.path);
      return e?.source && e.stamp === f.stamp ? [{ path: f.path, stamp: f.stamp, source: e.source }] : [];
    });
  }

  /** Indexes the sources: updating the checker when the options are the same. Returns how many were tokenized. */
  private index(sources: { path: string; stamp: string; source: SourceText }[], savedPrior?: PriorIndex): number {
    const key = JSON.stringify(indexKey(this.settings));
    const list = sources.map((s) => s.source);
    const options = { aliases: this.settings.aliases, ignoreMarker: this.settings.ignoreMarker, thresholds: this.settings.thresholds };
    try {
      // A warm build (a saved index loaded, kept until the build ends) starts from the saved index
      // every time, also over a partial index a check made meanwhile: that one holds only the files
      // ready then, and building on it would tokenize the rest again though their words are saved.
      if (this.checker && key === this.checkerKey && !savedPrior) this.checker.updateSources(list);
      else this.checker = new QuoteChecker(list, { ...options, prior: savedPrior ?? (this.checker ? priorFromCorpus(this.checker.corpus) : this.mergedPrior()) });
    } catch (e) {
      // The saved index's pages, read whole to build on them, failed their check: index afresh.
      if (!(e instanceof IndexFormatError)) throw e;
      this.log.warn(`the saved source index could not be used and is rebuilt: ${e.message}`);
      this.saved = undefined;
      this.checker = new QuoteChecker(list, options);
    }
    this.checker.corpus.cache.attributions = this.attributions;
    this.checkerKey = key;
    this.checkerGen++;
    this.held = new Map(sources.map((s) => [s.path, s.stamp]));
    return this.checker.corpus.tokenized;
  }

  /** A first build's vocabulary, the one its files were tokenized into as they arrived (no saved index). */
  private mergedPrior(): PriorIndex | undefined {
    return this.firstWords ? { vocabulary: this.firstWords.vocabulary, files: new Map(), helper: this.firstWords.helper } : undefined;
  }

  private readiness(): Readiness | undefined {
    if (!this.building) return undefined;
    let ready = 0;
    for (const f of this.wanted) {
      const e = this.entries.get(f.path);
      if (this.held.get(f.path) === f.stamp || (e?.skipped !== undefined && e.stamp === f.stamp)) ready++;
    }
    return { ready, total: this.wanted.length };
  }

  /** The checker to answer with now: the last one, or during a first build one over what is ready. */
  private async usable(): Promise<QuoteChecker | undefined> {
    if (!this.checker && !this.building) void this.refresh();
    if (this.building && this.finished === 0) {
      const ready = this.ready();
      const grown = !this.checker || ready.length >= PARTIAL_GROWTH * this.held.size;
      if (ready.length > 0 && grown && ready.length < this.wanted.length) this.index(ready, this.saved);
      else if (!this.checker) await new Promise<void>((r) => this.indexWaiters.push(r));
    }
    return this.checker;
  }

  async check(draft: { path: string; text: string }, options: CheckOptions = {}): Promise<CheckResult> {
    const token = options.token ?? NEVER_CANCELLED;
    const checker = await this.usable();
    if (token.isCancellationRequested) throw new CancelledError();
    const partial = this.readiness();
    const build = partial ? 0 : this.finished;
    if (!checker) return { report: { path: draft.path, text: draft.text, checks: [] }, build, partial };
    const previous = this.reports.get(draft.path);
    let report: DraftReport;
    checker.foreignPassages = options.foreignPassages;
    try {
      if (options.incremental && !options.foreignPassages && previous && previous.gen === this.checkerGen && previous.report.path === draft.path) report = checker.checkIncremental(previous.report, draft.text);
      else report = checker.check([draft])[0];
    } catch (e) {
      // A page of the saved index failed its check when a look-up read it: nothing is reported
      // from that index. It is dropped, the sources indexed afresh (and saved), the draft checked again.
      if (!(e instanceof IndexFormatError) || options.rechecked) throw e;
      this.log.warn(`the saved source index could not be used and is rebuilt: ${e.message}`);
      checker.corpus.pages?.close();
      this.checker = undefined;
      this.saved = undefined;
      await this.refresh(token);
      return this.check(draft, { ...options, incremental: false, rechecked: true });
    } finally {
      checker.foreignPassages = undefined;
    }
    // A source changed on disk since it was indexed (its passages were left out) or vanished:
    // never a silent "unsourced". The sources are listed and read again (only what changed) and
    // the draft checked again.
    const stale = checker.staleSources();
    if (stale.length) {
      for (const s of stale) this.log.warn(s.vanished ? `${s.path} was removed after it was indexed: quotes found only in it are reported unsourced` : `${s.path} changed after it was indexed; read again`);
      if (!options.rechecked && !this.building) {
        // Their stamps said unchanged, wrongly: read them whatever the stamps say.
        for (const s of stale) this.entries.delete(s.path);
        await this.refresh(token);
        return this.check(draft, { ...options, incremental: false, rechecked: true });
      }
    }
    this.reports.set(draft.path, { report, gen: this.checkerGen });
    this.saveAttributions();
    return { report: { ...report, checks: markIgnoredQuotes(report.checks, this.settings.ignoredQuotes ?? []) }, build, partial };
  }

  /** Saves the sources' attributions when a check added some (a reload then need not attribute them again). */
  private saveAttributions(): void {
    if (!this.store || !this.attributions?.dirty || this.building) return;
    try {
      this.store.save({ speakers: this.attributions.toSaved() });
    } catch (e) {
      this.log.warn(`could not save the sources' speakers: ${(e as Error).message}`);
    }
  }

  forget(path: string): void {
    this.reports.delete(path);
  }

  async speakers(token: CancellationToken = NEVER_CANCELLED): Promise<SpeakersResult> {
    const checker = await this.usable();
    if (token.isCancellationRequested) throw new CancelledError();
    if (!checker) return { build: this.finished, speakers: [] };
    if (this.speakerList?.gen === this.checkerGen) return this.speakerList.answer;
    const docs = checker.corpus.documents;
    const places = new Places((path) => this.entries.get(path)?.meta?.exact ?? true, docs.length);
    const speakers = listSourceSpeakers(checker).map(({ entity: _entity, ...s }) => ({ ...s, quotes: s.quotes.map((q) => ({ ...q, place: places.of(docs[q.documentIndex], q.start, q.end) })) }));
    const answer = { build: this.building ? 0 : this.finished, speakers };
    this.speakerList = { gen: this.checkerGen, answer };
    return answer;
  }

  async complete(typed: string, token: CancellationToken = NEVER_CANCELLED): Promise<Completion[]> {
    const checker = await this.usable();
    if (token.isCancellationRequested) throw new CancelledError();
    if (!checker) return [];
    return completeQuote(checker.corpus, typed, { quotesOf: (d) => checker.corpus.documents[d].attributed(checker.aliases) }).map((c) => {
      const doc = checker.corpus.documents[c.documentIndex];
      return { ...c, passage: doc.text.slice(c.matchStart, c.end), place: this.places.of(doc, c.matchStart, c.end), metadata: doc.metadata };
    });
  }

  sourceMetadata(path: string): SourceMetadata | undefined {
    const e = this.entries.get(path);
    return e?.source?.metadata ?? e?.meta?.metadata;
  }

  sourceText(path: string): string | undefined {
    const e = this.entries.get(path);
    if (!e?.source) return undefined;
    if (e.source.load) return e.source.load();
    return e.source.text;
  }

  placeOf(doc: SourceDocument, start: number, end: number): SourcePlace {
    return this.places.of(doc, start, end);
  }

  dispose(): void {
    this.disposed = true;
    this.firstWords?.helper?.close?.();
    this.build++;
    this.settle();
  }
}

/** The settings a checker is built with: a change means a new checker (the words are reused). */
function indexKey(s: ProjectSettings): unknown {
  return [s.aliases ?? {}, s.ignoreMarker ?? null, s.thresholds ?? {}];
}

