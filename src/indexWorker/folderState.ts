/**
 * One workspace folder in the index worker: its sources as decoded so far, its QuoteChecker,
 * and the build under way. A build declares the folder's files with change stamps; only files
 * that are new or changed are sent and decoded, and only those are tokenized (`updateSources`,
 * or a saved index from storage on a fresh start). While a build runs, checks are answered from
 * what is ready — the previous index, or on a first build an index of the sources decoded so
 * far — and say so (`partial`).
 */
import { type CheckOptions, type DraftReport, QuoteChecker } from "../core/check";
import type { PriorIndex, SourceText } from "../core/corpus/corpus";
import { priorFromCorpus } from "../core/corpus/persist";
import { toPlainCheck } from "../core/plain/plainCheck";
import { completeQuote } from "../core/sources/complete";
import { listSourceSpeakers, sourceSpeakerState } from "../core/sources/speakers";
import { summarize } from "../core/speakers/entity";
import { markIgnoredQuotes } from "../core/verdict/ignoredQuotes";
import { type DecodedSource, decodeSource } from "./decode";
import { Places } from "./places";
import type { BuildNeeds, BuildStats, CheckAnswer, FileStamp, PlainCompletion, Readiness, Request, SpeakersAnswer, StorageFiles, WorkerEvent } from "./protocol";
import { buildPercent } from "./protocol";
import { loadSaved, saveFacts, saveIndex } from "./savedIndex";
import { mergePriors } from "./mergePriors";

type Entry = (DecodedSource | { skipped: string }) & { stamp: string };
type BuildMessage = Extract<Request, { type: "build" }>;
type FileMessage = Extract<Request, { type: "file" }>;

/** A partial index (first build) is rebuilt for a check once twice as many sources are ready. */
const PARTIAL_GROWTH = 2;
const FACTS_SAVE_MS = 5000;
const PROGRESS_MS = 100;

export class FolderState {
  private wanted: FileStamp[] = [];
  private readonly entries = new Map<string, Entry>();
  private checker?: QuoteChecker;
  private checkerOptions = "";
  /** Bumped whenever the checker's sources change (updateSources keeps the object). */
  private checkerGen = 0;
  /** Path → stamp of what the checker holds. */
  private held = new Map<string, string>();
  private options: CheckOptions = {};
  private storage?: StorageFiles;
  /** The build under way (or last), and the last one finished. */
  private build = 0;
  private finished = 0;
  private awaiting = new Set<string>();
  private sizes = new Map<string, number>();
  private bytesTotal = 0;
  private bytesDone = 0;
  private started = 0;
  private tokenized = 0;
  private saved?: PriorIndex;
  private triedSaved = false;
  private done?: { promise: Promise<void>; resolve: () => void };
  private readonly reports = new Map<string, { report: DraftReport; gen: number }>();
  private readonly places = new Places((path) => this.exact(path));
  private speakerList?: { gen: number; answer: SpeakersAnswer };
  private factsTimer?: NodeJS.Timeout;
  private lastProgress = 0;
  private decoding: Promise<void> = Promise.resolve();
  private notes: string[] = [];

  constructor(
    readonly folder: string,
    private readonly emit: (e: WorkerEvent) => void,
    private readonly threadId: number,
  ) {}

  /** A new build: returns the files whose bytes are needed; finishes at once if none are. */
  begin(m: BuildMessage): BuildNeeds {
    this.build = m.build;
    this.options = m.options;
    this.storage = m.storage;
    this.wanted = m.files;
    const stamps = new Map(m.files.map((f) => [f.path, f.stamp]));
    for (const path of [...this.entries.keys()]) if (!stamps.has(path)) this.entries.delete(path);
    const need = m.files.filter((f) => this.entries.get(f.path)?.stamp !== f.stamp);
    this.awaiting = new Set(need.map((f) => f.path));
    this.sizes = new Map(need.map((f) => [f.path, f.size]));
    this.bytesTotal = need.reduce((n, f) => n + f.size, 0);
    this.bytesDone = 0;
    this.started = Date.now();
    this.tokenized = 0;
    this.notes = [];
    if (!this.done) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.done = { promise, resolve };
    }
    const build = m.build;
    if (need.length === 0) setImmediate(() => this.finish(build));
    return { need: need.map((f) => f.path), threadId: this.threadId };
  }

  /** Decodes one file; files are decoded one after another (it is CPU work), checks go between them. */
  file(m: FileMessage, delayMs: number): Promise<void> {
    const next = this.decoding.then(() => this.decode(m, delayMs));
    this.decoding = next.catch(() => undefined);
    return next;
  }

  private async decode(m: FileMessage, delayMs: number): Promise<void> {
    if (m.build !== this.build || !this.awaiting.has(m.path)) return;
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    const decoded = m.bytes ? await decodeSource(m.path, m.stamp, m.bytes) : { skipped: m.error ?? "could not be read" };
    if (m.build !== this.build || !this.awaiting.delete(m.path)) return;
    this.entries.set(m.path, { ...decoded, stamp: m.stamp });
    if ("notes" in decoded) for (const note of decoded.notes) this.notes.push(`${m.path}: ${note}`);
    this.bytesDone += this.sizes.get(m.path) ?? 0;
    const total = this.sizes.size;
    const doneFiles = total - this.awaiting.size;
    if (this.awaiting.size === 0) this.finish(m.build);
    else if (Date.now() - this.lastProgress >= PROGRESS_MS) {
      this.lastProgress = Date.now();
      this.emit({ type: "progress", folder: this.folder, build: m.build, done: doneFiles, total, percent: buildPercent(this.bytesDone, this.bytesTotal, false) });
    }
  }

  private finish(build: number): void {
    if (build !== this.build || this.awaiting.size > 0) return;
    this.emit({ type: "progress", folder: this.folder, build, done: this.sizes.size, total: this.sizes.size, percent: buildPercent(1, 1, false) });
    const prior = this.freshPrior();
    const loadedSaved = !this.checker && !!this.saved;
    this.index(this.ready(), prior);
    this.finished = build;
    const checker = this.checker!;
    let saved = false;
    if (this.storage) {
      try {
        saveIndex(this.storage, checker, !checker.corpus.reusedIndex);
        saved = true;
      } catch (e) {
        this.emit({ type: "log", message: `could not save the index of ${this.folder}: ${(e as Error).message}` });
      }
    }
    const skipped = this.wanted.flatMap((f) => {
      const e = this.entries.get(f.path);
      return e && "skipped" in e ? [{ path: f.path, why: e.skipped }] : [];
    });
    const files = this.held.size;
    const stats: BuildStats = { folder: this.folder, build, files, tokenized: this.tokenized, reused: files - this.tokenized, reusedIndex: checker.corpus.reusedIndex, loadedSaved, saved, skipped, notes: this.notes, ms: Date.now() - this.started, threadId: this.threadId };
    this.emit({ type: "progress", folder: this.folder, build, done: this.sizes.size, total: this.sizes.size, percent: 100 });
    this.emit({ type: "built", stats });
    this.saved = undefined; // its words live on in the checker
    this.done?.resolve();
    this.done = undefined;
  }

  /** The saved index, on the folder's first index only. */
  private freshPrior(): PriorIndex | undefined {
    if (this.checker) return undefined;
    if (!this.triedSaved && this.storage) {
      this.triedSaved = true;
      this.saved = loadSaved(this.storage, (message) => this.emit({ type: "log", message }));
    }
    return this.saved;
  }

  /** Indexes `sources`: updating the checker in place when the options are the same. */
  private index(sources: { path: string; stamp: string; source: SourceText }[], savedPrior?: PriorIndex): void {
    const key = JSON.stringify(this.options);
    const list = sources.map((s) => s.source);
    if (this.checker && key === this.checkerOptions && this.finished === 0 && savedPrior === undefined && this.saved) {
      // A partial index of a first build over a saved one: both know words; neither has them all.
      this.checker = new QuoteChecker(list, { ...this.options, prior: mergePriors(this.saved, priorFromCorpus(this.checker.corpus)) });
    } else if (this.checker && key === this.checkerOptions) this.checker.updateSources(list);
    else this.checker = new QuoteChecker(list, { ...this.options, prior: this.checker ? priorFromCorpus(this.checker.corpus) : savedPrior });
    this.checkerOptions = key;
    this.tokenized += this.checker.corpus.tokenized;
    this.checkerGen++;
    this.held = new Map(sources.map((s) => [s.path, s.stamp]));
  }

  /** Decoded sources of the current file list, in its order. */
  private ready(): { path: string; stamp: string; source: SourceText }[] {
    return this.wanted.flatMap((f) => {
      const e = this.entries.get(f.path);
      return e && "source" in e && e.stamp === f.stamp ? [{ path: f.path, stamp: f.stamp, source: e.source }] : [];
    });
  }

  private get building(): boolean {
    return this.build !== this.finished;
  }

  private readiness(): Readiness | undefined {
    if (!this.building) return undefined;
    let ready = 0;
    for (const f of this.wanted) {
      const e = this.entries.get(f.path);
      if (this.held.get(f.path) === f.stamp || (e && "skipped" in e && e.stamp === f.stamp)) ready++;
    }
    return { ready, total: this.wanted.length };
  }

  /** The checker to answer with now: the last one, or during a first build one over what is ready. */
  private async usable(): Promise<QuoteChecker | undefined> {
    if (this.building && this.finished === 0) {
      const ready = this.ready();
      const grown = !this.checker || ready.length >= PARTIAL_GROWTH * this.held.size;
      if (ready.length > 0 && grown) this.index(ready, this.checker ? undefined : this.freshPrior());
      else if (!this.checker) await this.done?.promise;
    }
    return this.checker;
  }

  async check(m: Extract<Request, { type: "check" }>): Promise<CheckAnswer> {
    const checker = await this.usable();
    const partial = this.readiness();
    const build = partial ? 0 : this.finished;
    if (!checker) return { checks: [], build, partial };
    const previous = this.reports.get(m.path);
    let report: DraftReport;
    if (m.incremental && previous && previous.gen === this.checkerGen && previous.report.path === m.path) report = checker.checkIncremental(previous.report, m.text);
    else report = checker.check([{ path: m.path, text: m.text }])[0];
    this.reports.set(m.path, { report, gen: this.checkerGen });
    const checks = markIgnoredQuotes(report.checks, m.ignoredQuotes).map((c) => toPlainCheck(c, (p) => this.places.of(p.document, p.start, p.end)));
    this.scheduleFactsSave();
    return { checks, build, partial };
  }

  forget(path: string): void {
    this.reports.delete(path);
  }

  async speakers(): Promise<SpeakersAnswer> {
    const checker = await this.usable();
    if (!checker) return { build: this.finished, speakers: [] };
    if (this.speakerList?.gen === this.checkerGen) return this.speakerList.answer;
    const docs = checker.corpus.documents;
    const places = new Places((path) => this.exact(path), docs.length);
    const speakers = listSourceSpeakers(checker).map((s) => ({
      name: s.name,
      kind: s.kind,
      role: s.role,
      organization: s.organization,
      aliases: s.aliases,
      quotes: s.quotes.map((q) => ({ path: q.path, start: q.start, end: q.end, text: q.text, wordCount: q.wordCount, place: places.of(docs[q.documentIndex], q.start, q.end) })),
    }));
    const answer = { build: this.building ? 0 : this.finished, speakers };
    this.speakerList = { gen: this.checkerGen, answer };
    return answer;
  }

  async complete(typed: string): Promise<PlainCompletion[]> {
    const checker = await this.usable();
    if (!checker) return [];
    const state = sourceSpeakerState(checker);
    return completeQuote(checker.corpus, typed, { quotesOf: (d) => state.quotesOf(d) }).map((c) => {
      const doc = checker.corpus.documents[c.documentIndex];
      const speaker = c.sourceQuote?.speaker;
      return { path: c.path, text: c.text, replaceFrom: c.replaceFrom, passage: doc.text.slice(c.matchStart, c.end), speaker: speaker && summarize(speaker), place: this.places.of(doc, c.matchStart, c.end) };
    });
  }

  /** The checked text of a source (for PDF, Word, HTML: the extracted text). */
  text(path: string): string | undefined {
    const e = this.entries.get(path);
    return e && "source" in e ? e.source.text : undefined;
  }

  private exact(path: string): boolean {
    const e = this.entries.get(path);
    return !!e && "exact" in e && e.exact;
  }

  private scheduleFactsSave(): void {
    if (!this.storage || this.building || this.factsTimer) return;
    this.factsTimer = setTimeout(() => {
      this.factsTimer = undefined;
      try {
        if (this.checker && this.storage && !this.building) saveFacts(this.storage, this.checker);
      } catch (e) {
        this.emit({ type: "log", message: `could not save what ${this.folder}'s sources teach: ${(e as Error).message}` });
      }
    }, FACTS_SAVE_MS);
    this.factsTimer.unref?.();
  }

  close(): void {
    clearTimeout(this.factsTimer);
    this.done?.resolve();
  }
}
