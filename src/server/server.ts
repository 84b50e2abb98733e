/**
 * The Verbatim language server (`verbatim lsp --stdio`): the engine service behind the Language
 * Server Protocol, for VS Code (through the thin client in src/extension) and any other LSP
 * editor. Diagnostics while typing (debounced, but at least every two seconds of continuous
 * typing; a newer edit cancels an outdated check), hovers with the source passage, quick fixes,
 * quote completion, `$/progress` while sources are indexed, and Verbatim's own requests for the
 * Quotes and Speakers views (protocol.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type CancellationToken,
  CodeActionKind,
  createConnection,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  type InitializeParams,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkDoneProgressServerReporter,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { type PlainQuoteCheck, toPlainCheck } from "../core/plain/plainCheck";
import { plainReportJson } from "../core/report/json";
import { reviewCsv, reviewMarkdown } from "../core/report/review";
import { CancelledError, type Logger } from "../core/service";
import { codeActions, fixesFor } from "./codeActions";
import { completions, COMPLETION_TRIGGERS } from "./completion";
import { toDiagnostics } from "./diagnostics";
import { hover } from "./hover";
import { loadTranslation } from "./l10n";
import { isArchivePath, ServerArchives } from "./archive";
import { type ProjectEntry, Projects } from "./projects";
import * as P from "./protocol";
import { type DraftResult, Results } from "./results";

const isFolder = (p: string) => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/**
 * However fast the user types, a check starts at most this long after the first unchecked edit,
 * so that with the check's own time a user sees one at least every 2 seconds.
 */
const MAX_WAIT_MS = 1500;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const results = new Results();
  let folders: string[] = [];
  let options: P.InitializationOptions = {};
  let canConfigure = false;
  let canProgress = false;
  let t = loadTranslation(undefined);
  // VERBATIM_SERVER_LOG=FILE also appends the log to a file (for debugging a client's session).
  const mirror = process.env.VERBATIM_SERVER_LOG;
  const out = (level: string, m: string) => {
    if (mirror) fs.appendFileSync(mirror, `[${new Date().toISOString().slice(11, 23)}] ${level} ${m}\n`);
  };
  const log: Logger = {
    info: (m) => (connection.console.log(m), out("info", m)),
    warn: (m) => (connection.console.warn(m), out("warn", m)),
    error: (m, e) => {
      const text = `${m}${e ? `: ${(e as Error).stack ?? e}` : ""}`;
      connection.console.error(text);
      out("error", text);
    },
  };

  const clientSettings = async (folder: string) => {
    if (canConfigure) {
      try {
        const [value] = await connection.workspace.getConfiguration([{ scopeUri: pathToFileURL(folder).toString(), section: "verbatim" }]);
        if (value && typeof value === "object") return value;
      } catch (e) {
        log.warn(`workspace/configuration failed: ${(e as Error).message}`);
      }
    }
    return (options.settings ?? {}) as object;
  };
  // The newsroom archive: looked up before each check of a project that names one.
  const archives = new ServerArchives(
    async (display) => {
      const password = await connection.sendRequest<string | null | undefined>(P.ARCHIVE_PASSWORD, { display } satisfies P.ArchivePasswordParams);
      return typeof password === "string" ? password : undefined;
    },
    log,
    (m) => void connection.window.showWarningMessage(m),
  );
  const archivePassages = (entry: ProjectEntry, draft: { path: string; text: string }) => archives.passagesFor(entry.archive, draft).catch((e) => (log.error("archive look-up", e), undefined));
  let delayMs = 0;
  const projects = new Projects(() => folders, clientSettings, log, () => options.storagePath, (entry) => {
    entry.service?.setDelay(delayMs);
    watchProject(entry);
  });

  // ---- progress ------------------------------------------------------------------------------
  const reporters = new Map<string, Promise<WorkDoneProgressServerReporter | undefined>>();
  function watchProject(entry: ProjectEntry): void {
    void connection.sendNotification(P.SETTINGS, entry.effective);
    if (entry.configError) {
      void connection.window.showErrorMessage(`Verbatim: ${entry.configError}`);
      publishConfigError(entry);
    }
    const service = entry.service;
    if (!service) return;
    service.onProgress((p) => {
      void connection.sendNotification(P.INDEX_PROGRESS, { project: entry.root, building: p.percent < 100, percent: p.percent } satisfies P.IndexProgressParams);
      if (!canProgress) return;
      let reporter = reporters.get(entry.root);
      if (!reporter && p.percent < 100) {
        reporter = connection.window.createWorkDoneProgress().then(
          (r) => {
            r.begin("Verbatim: indexing sources", 0, p.message, false);
            return r;
          },
          () => undefined,
        );
        reporters.set(entry.root, reporter);
      }
      void reporter?.then((r) => {
        if (!r) return;
        if (p.percent >= 100) r.done();
        else r.report(p.percent, p.message);
      });
      if (p.percent >= 100) reporters.delete(entry.root);
    });
    service.onBuilt((stats) => {
      void connection.sendNotification(P.INDEX_PROGRESS, { project: entry.root, building: false, percent: 100, stats: { ...stats, pid: process.pid } } satisfies P.IndexProgressParams);
      // The sources changed (or a first build finished): every open draft of the project is checked again.
      for (const doc of documents.all()) if (results.get(doc.uri)?.entry === entry || projectRootOf(doc) === entry.root) void check(doc, false);
    });
  }

  function publishConfigError(entry: ProjectEntry): void {
    const file = /^(.*\.verbatim\.json):/.exec(entry.configError ?? "")?.[1];
    if (!file) return;
    void connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: entry.configError!, severity: 1, source: "Verbatim" }] });
  }

  const rootOfDoc = new Map<string, string>();
  const projectRootOf = (doc: TextDocument) => rootOfDoc.get(doc.uri);

  // ---- checking ------------------------------------------------------------------------------
  const timers = new Map<string, { timer: NodeJS.Timeout; since: number }>();
  const running = new Map<string, { cancel: () => void }>();
  const fromDisk = new Set<string>();

  function fileOf(uri: string): string | undefined {
    return uri.startsWith("file:") ? fileURLToPath(uri) : undefined;
  }

  async function entryOf(uri: string): Promise<ProjectEntry | undefined> {
    let file = fileOf(uri) ?? (folders[0] ? path.join(folders[0], "untitled") : undefined);
    if (!file) return undefined;
    // A folder (the views and the index state ask by workspace folder): its project is that of a file in it.
    if (isFolder(file)) file = path.join(file, "_");
    const entry = await projects.of(file);
    rootOfDoc.set(uri, entry.root);
    return entry;
  }

  function isDraft(doc: TextDocument, entry: ProjectEntry): boolean {
    if (!entry.effective.languages.includes(doc.languageId)) return false;
    const file = fileOf(doc.uri);
    if (!file || !entry.workspace || !entry.service) return true;
    return !entry.service.sourceFiles().has(entry.workspace.nameOf(file));
  }

  function schedule(doc: TextDocument, debounceMs: number): void {
    const pending = timers.get(doc.uri);
    const since = pending?.since ?? Date.now();
    clearTimeout(pending?.timer);
    // Debounced, but never longer than MAX_WAIT_MS after the first unchecked edit.
    const delay = Math.max(0, Math.min(debounceMs, since + MAX_WAIT_MS - Date.now()));
    timers.set(doc.uri, {
      since,
      timer: setTimeout(() => {
        timers.delete(doc.uri);
        void check(doc, true);
      }, delay),
    });
  }

  async function check(doc: TextDocument, incremental: boolean): Promise<P.CheckResultSummary | undefined> {
    running.get(doc.uri)?.cancel();
    let cancelled = false;
    const token = { get isCancellationRequested() { return cancelled; } };
    const mine = { cancel: () => (cancelled = true) };
    running.set(doc.uri, mine);
    const version = doc.version;
    const outdated = () => cancelled || documents.get(doc.uri)?.version !== version;
    try {
      const entry = await entryOf(doc.uri);
      if (outdated() || !entry) return undefined;
      if (!entry.service || !isDraft(doc, entry)) {
        // Not a draft (or no valid project): nothing to show, unless the service is not ready to say.
        if (entry.service && !entry.service.state().stats && !entry.service.state().building) await entry.service.built();
        if (outdated()) return undefined;
        if (entry.service && !isDraft(doc, entry)) return forgetResult(doc.uri, false, version);
        if (!entry.service) return forgetResult(doc.uri, false, version);
      }
      const started = Date.now();
      const previous = results.get(doc.uri);
      const text = doc.getText();
      const foreignPassages = await archivePassages(entry, { path: doc.uri, text });
      if (outdated()) return undefined;
      const answer = await entry.service!.check({ path: doc.uri, text }, { incremental: incremental && previous?.entry === entry, token, foreignPassages });
      if (outdated()) return undefined;
      const checks: PlainQuoteCheck[] = answer.report.checks.map((c) => toPlainCheck(c, (p) => entry.service!.placeOf(p.document, p.start, p.end)));
      const result: DraftResult = { uri: doc.uri, version, checks, entry, build: answer.build, partial: answer.partial, markdown: doc.languageId === "markdown" };
      results.set(result);
      publish(doc.uri);
      const summary = summarize(result, true);
      void connection.sendNotification(P.CHECKED, summary);
      log.info(`checked ${doc.uri} v${version}: ${checks.length} quote(s) in ${Date.now() - started} ms${answer.partial ? ` (index still building: ${answer.partial.ready} of ${answer.partial.total} sources ready)` : ""}`);
      return summary;
    } catch (e) {
      if (!(e instanceof CancelledError)) log.error(`checking ${doc.uri}`, e);
      return undefined;
    } finally {
      if (running.get(doc.uri) === mine) running.delete(doc.uri);
    }
  }

  function forgetResult(uri: string, draft: boolean, version: number): P.CheckResultSummary {
    results.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    const summary: P.CheckResultSummary = { uri, draft, version, quotes: 0, problems: 0, build: 0 };
    void connection.sendNotification(P.CHECKED, summary);
    return summary;
  }

  function summarize(r: DraftResult, draft: boolean): P.CheckResultSummary {
    const counted = r.checks.filter((c) => c.verdict !== "ignored" && c.verdict !== "unchecked").length;
    const severity = r.entry.effective.severity;
    const problems = r.checks.filter((c) => c.findings.some((f) => severity[f.kind] !== "off")).length;
    return { uri: r.uri, draft, version: r.version, quotes: counted, problems, build: r.build, partial: r.partial };
  }

  function publish(uri: string): void {
    const r = results.get(uri);
    const doc = documents.get(uri);
    if (!r) return;
    const text = doc && doc.version === r.version ? doc : TextDocument.create(uri, "markdown", r.version, r.text ?? "");
    const diagnostics: Diagnostic[] = toDiagnostics(text, r, t, options.extractedText === true);
    void connection.sendDiagnostics({ uri, version: r.version >= 0 ? r.version : undefined, diagnostics });
  }

  async function recheckAll(): Promise<void> {
    await Promise.all(documents.all().map((d) => check(d, false)));
  }

  // ---- the protocol --------------------------------------------------------------------------
  connection.onInitialize((params: InitializeParams) => {
    out("info", `initialize from ${params.clientInfo?.name ?? "a client"} (pid ${process.pid})`);
    options = (params.initializationOptions ?? {}) as P.InitializationOptions;
    folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders = [fileURLToPath(params.rootUri)];
    canConfigure = params.capabilities.workspace?.configuration === true;
    canProgress = params.capabilities.window?.workDoneProgress === true;
    t = loadTranslation(params.locale);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        executeCommandProvider: { commands: [P.REBUILD_COMMAND, P.EXPORT_REVIEW_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "verbatim", version: "0.1.0" },
    };
  });

  connection.onInitialized(() => {
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: "verbatim" }).catch(() => undefined);
    connection.workspace.onDidChangeWorkspaceFolders?.((e) => {
      const removed = new Set(e.removed.map((f) => fileURLToPath(f.uri)));
      folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => fileURLToPath(f.uri))];
      projects.clear();
      void recheckAll();
    });
  });

  connection.onDidChangeConfiguration(async () => {
    for (const entry of await projects.reload()) {
      void connection.sendNotification(P.SETTINGS, entry.effective);
    }
    await recheckAll();
    for (const entry of projects.all()) void connection.sendNotification(P.SETTINGS, entry.effective);
  });

  // Source and project files changed on disk (the client watches the workspace).
  let watchTimer: NodeJS.Timeout | undefined;
  let configChanged = false;
  const pendingRefresh = new Set<ProjectEntry>();
  connection.onDidChangeWatchedFiles((e) => {
    const files = e.changes.flatMap((c) => fileOf(c.uri) ?? []);
    if (files.some((f) => f.endsWith(".verbatim.json") || projects.all().some((p) => p.effective.aliasFile && path.resolve(p.folder, p.effective.aliasFile) === f))) configChanged = true;
    const touched = projects.all().filter((p) => files.some((f) => projects.isSource(p, f)));
    if (!configChanged && touched.length === 0) return;
    for (const p of touched) pendingRefresh.add(p);
    clearTimeout(watchTimer);
    watchTimer = setTimeout(async () => {
      const reload = configChanged;
      configChanged = false;
      if (reload) {
        await projects.reload();
        for (const entry of projects.all()) void connection.sendNotification(P.SETTINGS, entry.effective);
        await recheckAll();
      }
      const refresh = [...pendingRefresh];
      pendingRefresh.clear();
      for (const entry of refresh) if (projects.all().includes(entry)) void entry.service?.refresh();
    }, 250);
  });

  documents.onDidOpen((e) => void check(e.document, false));
  documents.onDidChangeContent(async (e) => {
    const entry = await entryOf(e.document.uri);
    schedule(e.document, entry?.effective.debounceMs ?? 400);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri)?.timer);
    timers.delete(uri);
    running.get(uri)?.cancel();
    const r = results.get(uri);
    r?.entry.service?.forget(uri);
    // A draft checked from disk (a workspace check) keeps its findings in Problems; others go with the editor.
    if (r && fromDisk.has(uri)) r.version = -1;
    else {
      results.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  });

  connection.onHover((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const r = results.get(params.textDocument.uri);
    if (!doc || !r || r.version !== doc.version || token.isCancellationRequested) return null;
    try {
      return hover(doc, r, params.position, t);
    } catch (e) {
      log.error("hover", e);
      return null;
    }
  });

  connection.onCodeAction((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const r = results.get(params.textDocument.uri);
    if (!doc || !r || r.version !== doc.version || token.isCancellationRequested) return [];
    if (params.context.only && !params.context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) return [];
    try {
      return codeActions(doc, r, params.range, params.context.diagnostics, t);
    } catch (e) {
      log.error("code actions", e);
      return [];
    }
  });

  connection.onCompletion(async (params, token: CancellationToken) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    try {
      const entry = await entryOf(doc.uri);
      if (!entry?.service || !isDraft(doc, entry) || token.isCancellationRequested) return null;
      return await completions(doc, params.position, entry, t, token);
    } catch (e) {
      if (!(e instanceof CancelledError)) log.error("quote completion", e);
      return null;
    }
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command === P.REBUILD_COMMAND) {
      projects.clear();
      await recheckAll();
      return true;
    }
    if (params.command === P.EXPORT_REVIEW_COMMAND) return exportReview(params.arguments?.[0] as P.ExportReviewArgs | undefined);
    return undefined;
  });

  /** A draft's review sheet from its check (made now if the draft has none for this version). */
  async function exportReview(args: P.ExportReviewArgs | undefined): Promise<{ text: string } | null> {
    if (!args || typeof args.uri !== "string") return null;
    const doc = documents.get(args.uri);
    let r = results.get(args.uri);
    if (!r || (doc && r.version !== doc.version)) {
      if (doc) await check(doc, false);
      r = results.get(args.uri);
    }
    if (!r) return null;
    const text = doc?.getText() ?? r.text ?? "";
    const file = fileOf(args.uri);
    const shown = file ? path.relative(r.entry.folder, file).split(path.sep).join("/") : args.uri;
    const report = plainReportJson([{ path: shown, text, checks: r.checks }]);
    return { text: args.format === "csv" ? reviewCsv(report) : reviewMarkdown(report) };
  }

  // ---- Verbatim's own requests -----------------------------------------------------------------
  connection.onRequest(P.QUOTES, (params: P.QuotesParams): P.QuotesResult | null => {
    const r = results.get(params.uri);
    if (!r) return null;
    const sources: Record<string, string> = {};
    for (const c of r.checks) {
      for (const p of [c.source, ...c.corroboration]) {
        if (!p || !r.entry.workspace) continue;
        // An archive document opens at its original address, when it has one.
        if (isArchivePath(p.document.path)) {
          if (p.document.metadata?.url) sources[p.document.path] = p.document.metadata.url;
        } else sources[p.document.path] = pathToFileURL(r.entry.workspace.fileOf(p.document.path)).toString();
      }
    }
    return { uri: r.uri, version: r.version, checks: r.checks, sources, ignoreMarker: r.entry.effective.ignoreMarker ?? "verbatim-ignore", build: r.build, partial: r.partial };
  });

  connection.onRequest(P.FIXES, (params: P.FixesParams) => {
    const doc = documents.get(params.uri);
    const r = results.get(params.uri);
    if (!doc || !r || r.version !== doc.version) return null;
    const check = r.checks.find((c) => c.quote.start === params.start && c.text === params.text);
    return check ? fixesFor(doc, r, check, t) : null;
  });

  connection.onRequest(P.SPEAKERS, async (params: P.SpeakersParams, token: CancellationToken): Promise<P.SpeakersResult | null> => {
    const entry = await entryOf(params.uri);
    if (!entry?.service || !entry.workspace) return null;
    const workspace = entry.workspace;
    const answer = await entry.service.speakers(token);
    return {
      project: entry.root,
      build: answer.build,
      speakers: answer.speakers.map((s) => ({
        name: s.name,
        kind: s.kind,
        role: s.role,
        organization: s.organization,
        aliases: s.aliases,
        quotes: s.quotes.map((q) => ({ path: q.path, uri: pathToFileURL(workspace.fileOf(q.path)).toString(), start: q.start, end: q.end, text: q.text, wordCount: q.wordCount, place: q.place, metadata: entry.service!.sourceMetadata(q.path) })),
      })),
    };
  });

  connection.onRequest(P.SOURCE_TEXT, async (params: P.SourceTextParams): Promise<string | null> => {
    const file = fileOf(params.uri);
    if (!file) return null;
    const entry = await entryOf(params.uri);
    if (!entry?.service || !entry.workspace) return null;
    await entry.service.built();
    return entry.service.sourceText(entry.workspace.nameOf(file)) ?? null;
  });

  connection.onRequest(P.CHECK, async (params: P.CheckParams): Promise<P.CheckResultSummary | null> => {
    let doc = documents.get(params.uri);
    if (!doc) {
      const file = fileOf(params.uri);
      if (!file) return null;
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch {
        return null;
      }
      const languageId = /\.(md|markdown)$/i.test(file) ? "markdown" : "plaintext";
      doc = TextDocument.create(params.uri, languageId, 0, text);
      fromDisk.add(params.uri);
      const entry = await entryOf(params.uri);
      if (!entry?.service || !isDraft(doc, entry)) return { uri: params.uri, draft: false, version: 0, quotes: 0, problems: 0, build: 0 };
      const answer = await entry.service.check({ path: doc.uri, text }, { foreignPassages: await archivePassages(entry, { path: doc.uri, text }) });
      const checks = answer.report.checks.map((c) => toPlainCheck(c, (p) => entry.service!.placeOf(p.document, p.start, p.end)));
      const result: DraftResult = { uri: doc.uri, version: -1, checks, entry, build: answer.build, partial: answer.partial, markdown: languageId === "markdown", text };
      results.set(result);
      publish(doc.uri);
      return summarize(result, true);
    }
    if (params.fromDisk) fromDisk.add(params.uri);
    const summary = await check(doc, false);
    return summary ?? null;
  });

  connection.onRequest(P.INDEX_STATE, async (params: P.IndexStateParams): Promise<P.IndexStateResult> => {
    const entry = await entryOf(params.uri);
    if (!entry?.service) return { building: false, percent: 0, progress: [] };
    const state = params.wait ? await entry.service.built() : entry.service.state();
    return { project: entry.root, building: state.building, percent: state.percent, progress: state.progress, stats: state.stats && { ...state.stats, pid: process.pid } };
  });

  connection.onRequest(P.RESTART, async (params: { fresh?: boolean }) => {
    if (params?.fresh) for (const e of projects.all()) e.store?.clear();
    projects.clear();
    results.clear();
    return true;
  });

  connection.onRequest(P.SET_DELAY, (params: { ms: number }) => {
    delayMs = params.ms;
    for (const e of projects.all()) e.service?.setDelay(delayMs);
    return true;
  });

  connection.onNotification(P.ARCHIVE_PASSWORD_CHANGED, async (params: P.ArchivePasswordParams) => {
    await archives.passwordChanged(params.display);
    await recheckAll();
  });
  connection.onShutdown(() => archives.dispose());

  documents.listen(connection);
  connection.listen();
}
