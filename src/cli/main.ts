/**
 * The `verbatim` command: argument parsing (node:util parseArgs), then the engine service
 * (core/service.ts) over the local file system (node/), exactly as the language server uses it.
 *
 *   verbatim check [--sources PATH]... [--archive URL] [--format text|json|sarif|csv|markdown] [--fail-on KINDS] [--verbose] DRAFT...
 *   verbatim quotes [--format text|json] FILE... (see quotes.ts)
 *   verbatim archive init|add|remove|status --db URL (see src/archive/cli.ts)
 *   verbatim lsp --stdio
 *
 * Exit status of check: 0 no findings, 1 findings, 2 the check could not be done.
 */
// First: sets how eagerly V8 optimises before the rest of the engine loads (see jitBudget.ts).
import "./jitBudget";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
// Only the pg-free part of the archive client: the rest (and PostgreSQL's) loads when used.
import { ArchiveConfigError, checkArchiveUrl } from "../archive/url";
import { DEFAULT_FAIL_ON, FINDING_KINDS, type FindingKind, isFindingKind, sarifLevel, severityOf } from "../core/findings";
import { reportJson } from "../core/report/json";
import { reportSarif } from "../core/report/sarif";
import { type BuildStats, createVerbatim, type IndexStore, type Logger } from "../core/service";
import { DEFAULT_LIMITS, type LoadLimits, readDraft, UserError } from "../node/files";
import { projectOf, settingsOf } from "../node/project";
import { FileStore, storeFolder } from "../node/store";
import { NodeWorkspace } from "../node/workspace";
import { runQuotes } from "./quotes";
import { dropSilencedFindings } from "./severity";
import { formatText } from "./textFormat";
import { oneLine, showInvisible } from "../core/text/visible";
import { reviewCsv, reviewMarkdown } from "../core/report/review";
import packageJson from "../../package.json";

const USAGE = `Usage: verbatim check [options] DRAFT...
       verbatim quotes [--format text|json] FILE...
       verbatim archive init|add|remove|status --db URL
       verbatim lsp --stdio

check: checks the quotations in each DRAFT against source documents.

Options:
  --sources PATH     a source file, folder or glob (repeatable; default: the "sources" of
                     .verbatim.json, else the nearest sources/ folder beside or above the draft)
  --archive URL      also check against the newsroom archive in PostgreSQL
                     (postgres://user@host:port/db; default: "archive" of .verbatim.json;
                     the password comes from PGPASSWORD or ~/.pgpass, never the URL)
  --archive-budget-ms N  cancel an archive look-up slower than N ms (default: 2000)
  --format FORMAT    text (default), json, sarif (SARIF 2.1.0 for code scanning),
                     or csv / markdown (a review sheet: every quote with its verdict,
                     speakers, source, similarity and changed words)
  --fail-on KINDS    comma-separated finding kinds that make the exit status 1
                     (default: misattributed,misquoted,unsourced)
  --verbose          also list verified quotes
  --max-file-mb N    skip source files larger than N MB (default: 50)
  --max-files N      read at most N source files (default: 20000)
  --follow-links     follow links that lead out of a source folder (by default they are
                     skipped with a warning, so a link to .. cannot make the whole disk sources)
  --no-color         plain output
  -h, --help         this help

quotes: lists every quotation of each FILE with its speaker, cue and confidence (verbatim quotes --help).
archive: manages the newsroom archive (verbatim archive --help).
lsp: runs the language server on standard input and output (for any LSP editor).

Exit status of check: 0 no findings, 1 findings, 2 the check could not be done.`;

/** Source sets smaller than this are not saved: they index faster than a saved index loads. */
const MIN_CACHED_BYTES = 256 * 1024;

const FORMATS = ["text", "json", "sarif", "csv", "markdown"] as const;
const isFormat = (f: string): f is (typeof FORMATS)[number] => (FORMATS as readonly string[]).includes(f);

interface CheckArgs {
  sources: string[];
  format: (typeof FORMATS)[number];
  failOn: Set<FindingKind>;
  verbose: boolean;
  color: boolean;
  drafts: string[];
  limits: LoadLimits;
  archive?: string;
  archiveBudgetMs: number;
  followLinks: boolean;
}

function parseCheck(argv: string[]): CheckArgs | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sources: { type: "string", short: "s", multiple: true },
        archive: { type: "string" },
        "archive-budget-ms": { type: "string" },
        format: { type: "string", short: "f" },
        "fail-on": { type: "string" },
        verbose: { type: "boolean", short: "v" },
        "max-file-mb": { type: "string" },
        "max-files": { type: "string" },
        "follow-links": { type: "boolean" },
        "no-color": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UserError(((e as Error).message.split("\n")[0] ?? "bad option").replace(/^Unknown option '(.*)'.*$/, "unknown option $1"));
  }
  const v = parsed.values;
  if (v.help) return "help";
  const format = v.format ?? "text";
  if (!isFormat(format)) throw new UserError(`--format must be text, json, sarif, csv or markdown, not "${format}"`);
  let failOn = new Set<FindingKind>(DEFAULT_FAIL_ON);
  if (v["fail-on"] !== undefined) {
    const kinds = v["fail-on"].split(",").map((k) => k.trim()).filter(Boolean);
    for (const k of kinds) if (!isFindingKind(k)) throw new UserError(`--fail-on: unknown kind "${k}" (kinds: ${FINDING_KINDS.join(", ")})`);
    failOn = new Set(kinds as FindingKind[]);
  }
  const limits = { ...DEFAULT_LIMITS };
  if (v["max-file-mb"] !== undefined) limits.maxFileBytes = positive("--max-file-mb", v["max-file-mb"]) * 1048576;
  if (v["max-files"] !== undefined) limits.maxFiles = Math.floor(positive("--max-files", v["max-files"]));
  const drafts = parsed.positionals;
  if (drafts.length === 0) throw new UserError("no draft given (usage: verbatim check [--sources PATH] DRAFT...)");
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR && !v["no-color"];
  const archiveBudgetMs = v["archive-budget-ms"] !== undefined ? positive("--archive-budget-ms", v["archive-budget-ms"]) : 2000;
  return { sources: v.sources ?? [], format, failOn, verbose: v.verbose === true, color, drafts, limits, archive: v.archive, archiveBudgetMs, followLinks: v["follow-links"] === true };
}

function positive(option: string, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`${option} needs a positive number, not "${v}"`);
  return n;
}

async function check(argv: string[]): Promise<number> {
  const args = parseCheck(argv);
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }
  const logger: Logger = {
    info: () => {},
    warn: (m) => process.stderr.write(`verbatim: warning: ${oneLine(m)}\n`),
    error: (m, e) => process.stderr.write(`verbatim: error: ${oneLine(`${m}${e ? `: ${(e as Error).message ?? e}` : ""}`)}\n`),
  };
  const drafts = args.drafts.map((d) => ({ ...readDraft(d, args.limits, logger.warn), path: path.resolve(d) }));
  const project = projectOf(drafts[0].path);
  const settings = settingsOf(project);
  const config = project.config;
  // The archive: --archive, else .verbatim.json's "archive" (never with a password in the file).
  const archiveUrl = args.archive ? checkArchiveUrl(args.archive, "command line") : config?.config.archive ? checkArchiveUrl(config.config.archive, ".verbatim.json") : undefined;
  if (args.sources.length) {
    for (const s of args.sources) if (!/[*?[\]{}]/.test(s) && !fs.existsSync(s)) throw new UserError(`source path ${s} does not exist`);
    settings.sources = args.sources.map((s) => path.resolve(s));
  } else if (!config?.config.sources && !isFolder(path.join(project.root, "sources"))) {
    if (!archiveUrl) throw new UserError("no sources: pass --sources PATH or --archive URL, list them in .verbatim.json, or put them in a sources/ folder beside the draft");
    settings.sources = [];
  }
  const entries = config?.config.sourceEntries?.map((e) => ({ ...e, path: path.resolve(path.dirname(config.file), e.path) }));
  // The drafts are never sources, by file identity (whatever path, link or hard link leads to them).
  const workspace = new NodeWorkspace({ root: project.root, limits: args.limits, logger, drafts: drafts.map((d) => d.path), followLinks: args.followLinks, entries });
  const mode = process.env.VERBATIM_CACHE ?? "auto";
  const store = mode === "off" ? undefined : new FileStore(storeFolder(project.root, settings.sources), logger);
  // saveFirst: a new index is written by Node's I/O threads while the drafts are checked here.
  const service = createVerbatim({ workspace, store: store && onlyLarge(store, () => mode === "on" || total(service.sourceFiles()) >= MIN_CACHED_BYTES), logger, settings, saveFirst: true });
  const refreshing = service.refresh();
  // The index is ready (its save under way), or the build ended without one.
  const stats = await new Promise<BuildStats | undefined>((resolve) => {
    const off = service.onBuilt((s) => {
      off();
      resolve(s);
    });
    void refreshing.then((s) => {
      off();
      resolve(s);
    });
  });
  if ((!stats || stats.files === 0) && !archiveUrl) throw new UserError(`no readable source files in ${settings.sources.join(", ")}`);
  let foreignPassages;
  if (archiveUrl) {
    // Looked up before the check (the engine itself is synchronous); an unreachable archive is one warning, and the check goes on.
    // Loaded only when used: a check without the archive does not start up its PostgreSQL client.
    const { ArchiveStore } = await import("../archive/store");
    const { lookUpDrafts } = await import("../archive/check");
    const store = new ArchiveStore(archiveUrl, { warn: logger.warn, budgetMs: args.archiveBudgetMs });
    try {
      foreignPassages = (await lookUpDrafts(store, drafts)).passagesFor;
    } finally {
      await store.close();
    }
  }
  const reports = [];
  for (const d of drafts) reports.push((await service.check(d, { foreignPassages })).report);
  // The index's save finishes before the process ends (a later run finds it).
  await refreshing;
  service.dispose();

  // Report paths as the user would type them: relative to where the command runs.
  const display = (p: string) => {
    const abs = path.resolve(project.root, p);
    const rel = path.relative(process.cwd(), abs);
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
  };
  const severities = settings.severities ?? {};
  const report = dropSilencedFindings(reportJson(reports, display), severities);
  if (args.format === "json") process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else if (args.format === "csv") process.stdout.write(reviewCsv(report));
  else if (args.format === "markdown") process.stdout.write(reviewMarkdown(report));
  else if (args.format === "sarif") {
    const levelOf = (kind: string) => (isFindingKind(kind) ? (sarifLevel(severityOf(kind, severities)) as "error" | "warning" | "note") : undefined);
    process.stdout.write(JSON.stringify(reportSarif(report, { toolVersion: packageJson.version, levelOf }), null, 2) + "\n");
  } else process.stdout.write(formatText(report, { verbose: args.verbose, color: args.color, severities }) + "\n");
  const failing = report.files.some((f) => f.quotes.some((q) => q.findings.some((x) => isFindingKind(x.kind) && args.failOn.has(x.kind))));
  return failing ? 1 : 0;
}

function isFolder(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
}

const total = (files: ReadonlyMap<string, { size: number }>) => {
  let n = 0;
  for (const f of files.values()) n += f.size;
  return n;
};

/** A store that saves only while `worth()` holds (small source sets are not worth a saved index). */
function onlyLarge(store: IndexStore, worth: () => boolean): IndexStore {
  return { load: () => store.load(), save: (parts) => (worth() ? store.save(parts) : undefined), saveAsync: async (parts) => (worth() ? (store.saveAsync ? store.saveAsync(parts) : store.save(parts)) : undefined) };
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    console.log(USAGE);
    return 0;
  }
  if (command === "check") return check(argv.slice(1));
  if (command === "quotes") return runQuotes(argv.slice(1));
  if (command === "archive") {
    const archive = await import("../archive/cli");
    try {
      return await archive.archiveCommand(argv.slice(1));
    } catch (e) {
      if (!(e instanceof archive.ArchiveUsageError)) throw e;
      process.stderr.write(`verbatim: error: ${showInvisible(e.message)}\n\n${archive.ARCHIVE_USAGE}\n`);
      return 2;
    }
  }
  if (command === "lsp") {
    // Clients add their own options (`--clientProcessId=N`); the connection reads what it needs.
    const rest = argv.slice(1).filter((a) => a !== "--stdio" && !a.startsWith("--clientProcessId"));
    if (rest.length) throw new UserError(`lsp: unknown option ${rest[0]} (usage: verbatim lsp --stdio)`);
    (await import("../server/server")).startServer();
    return new Promise<number>(() => {}); // runs until the client says exit
  }
  throw new UserError(`unknown command "${command}" (try: verbatim check DRAFT, or verbatim quotes FILE)`);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    // A message may name a file: its line structure stays, its control characters do not reach the terminal.
    if (e instanceof UserError || e instanceof ArchiveConfigError) process.stderr.write(`verbatim: error: ${showInvisible(e.message)}\n`);
    else process.stderr.write(`verbatim: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
