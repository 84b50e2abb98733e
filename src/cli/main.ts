/**
 * The `verbatim` command.
 *
 *   verbatim check [--sources PATH]... [--archive URL] [--format text|json|sarif] [--fail-on KINDS] [--verbose] DRAFT...
 *   verbatim archive init|add|remove|status --db URL (see src/archive/cli.ts)
 *
 * Exit status: 0 no findings, 1 findings, 2 the check could not be done.
 */
import * as path from "node:path";
import * as fs from "node:fs";
import { openCachedChecker } from "./cache";
import { reportJson } from "../core/report/json";
import { findConfig } from "./config";
import { DEFAULT_LIMITS, type LoadLimits, listSources, loadSources, readDraft, UserError } from "./files";
import { formatText } from "./textFormat";
import { pairSidecars, sidecarPaths } from "../core/formats/sidecar";
import { dropSilencedFindings, sarifLevel, severityOf } from "./severity";
import { markIgnoredQuotes } from "../core/verdict/ignoredQuotes";
import { reportSarif } from "../core/report/sarif";
import packageJson from "../../package.json";
import { ARCHIVE_USAGE, archiveCommand, ArchiveUsageError } from "../archive/cli";
import { lookUpDrafts } from "../archive/check";
import { ArchiveConfigError, checkArchiveUrl } from "../archive/connection";
import { ArchiveStore } from "../archive/store";

const USAGE = `Usage: verbatim check [options] DRAFT...

Checks the quotations in each DRAFT against source documents.

Options:
  --sources PATH     a source file or folder (repeatable; default: the "sources" of
                     .verbatim.json, else the sources/ folder beside the draft)
  --archive URL      also check against the newsroom archive in PostgreSQL
                     (postgres://user@host:port/db; default: "archive" of .verbatim.json;
                     the password from PGPASSWORD or ~/.pgpass)
  --archive-budget-ms N  cancel an archive look-up slower than N ms (default: 2000)
  --format FORMAT    text (default), json, or sarif (SARIF 2.1.0 for code scanning)
  --fail-on KINDS    comma-separated finding kinds that make the exit status 1
                     (default: misattributed,misquoted,unsourced)
  --verbose          also list verified quotes
  --max-file-mb N    skip source files larger than N MB (default: 50)
  --max-files N      read at most N source files (default: 20000)
  --no-color         plain output
  -h, --help         this help

Exit status: 0 no findings, 1 findings, 2 the check could not be done.

Also: verbatim archive init|add|remove|status --db URL (verbatim archive --help)`;

const KINDS = ["misattributed", "misquoted", "unsourced"];

interface Args {
  sources: string[];
  format: "text" | "json" | "sarif";
  failOn: Set<string>;
  verbose: boolean;
  color: boolean;
  drafts: string[];
  limits: LoadLimits;
  archive?: string;
  archiveBudgetMs: number;
}

function parseArgs(argv: string[]): Args | "help" {
  if (argv.length === 0 || argv[0] === "-h" || argv[0] === "--help" || argv[0] === "help") return "help";
  if (argv[0] !== "check") throw new UserError(`unknown command "${argv[0]}" (try: verbatim check DRAFT)`);
  const args: Args = { sources: [], format: "text", failOn: new Set(KINDS), verbose: false, color: process.stdout.isTTY === true && !process.env.NO_COLOR, drafts: [], limits: { ...DEFAULT_LIMITS }, archiveBudgetMs: 2000 };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UserError(`${a} needs a value`);
      return v;
    };
    if (a === "--sources" || a === "-s") args.sources.push(value());
    else if (a.startsWith("--sources=")) args.sources.push(a.slice(10));
    else if (a === "--archive") args.archive = value();
    else if (a.startsWith("--archive=")) args.archive = a.slice(10);
    else if (a === "--archive-budget-ms") args.archiveBudgetMs = positive(a, value());
    else if (a === "--format" || a === "-f") {
      const f = value();
      if (f !== "text" && f !== "json" && f !== "sarif") throw new UserError(`--format must be text, json or sarif, not "${f}"`);
      args.format = f;
    } else if (a === "--fail-on") {
      const kinds = value().split(",").map((k) => k.trim()).filter(Boolean);
      for (const k of kinds) if (!KINDS.includes(k)) throw new UserError(`--fail-on: unknown kind "${k}" (kinds: ${KINDS.join(", ")})`);
      args.failOn = new Set(kinds);
    } else if (a === "--max-file-mb") args.limits.maxFileBytes = positive(a, value()) * 1048576;
    else if (a === "--max-files") args.limits.maxFiles = Math.floor(positive(a, value()));
    else if (a === "--verbose" || a === "-v") args.verbose = true;
    else if (a === "--no-color") args.color = false;
    else if (a === "-h" || a === "--help") return "help";
    else if (a.startsWith("-") && a !== "-") throw new UserError(`unknown option ${a}`);
    else args.drafts.push(a);
  }
  if (args.drafts.length === 0) throw new UserError("no draft given (usage: verbatim check [--sources PATH] DRAFT...)");
  return args;
}

function positive(option: string, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`${option} needs a positive number, not "${v}"`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "archive") return archiveCommand(argv.slice(1));
  const args = parseArgs(argv);
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }
  const warn = (msg: string) => process.stderr.write(`verbatim: warning: ${msg}\n`);
  const drafts = args.drafts.map((d) => readDraft(d, args.limits, warn));
  const config = findConfig(path.dirname(path.resolve(args.drafts[0])));
  // The archive: --archive, else .verbatim.json's "archive" (never with a password in the file).
  const archiveUrl = args.archive ? checkArchiveUrl(args.archive, "command line") : config?.config.archive ? checkArchiveUrl(config.config.archive, ".verbatim.json") : undefined;
  let roots = args.sources;
  if (roots.length === 0 && config?.config.sources) roots = config.config.sources.map((s) => path.resolve(path.dirname(config.file), s));
  if (roots.length === 0) {
    roots = [...new Set(args.drafts.map((d) => path.join(path.dirname(d), "sources")))].filter((d) => fs.existsSync(d));
    if (roots.length === 0 && !archiveUrl) throw new UserError("no sources: pass --sources PATH or --archive URL, list them in .verbatim.json, or put them in a sources/ folder beside the draft");
  }
  for (const r of roots) if (!fs.existsSync(r)) throw new UserError(`source path ${r} does not exist`);
  const draftPaths = new Set(drafts.map((d) => path.resolve(d.path)));
  const listed = listSources(roots, args.limits, warn).filter((f) => !draftPaths.has(path.resolve(f)));
  // A source named on its own may still have a sidecar beside it.
  const besideNamed = listed.filter((f) => roots.includes(f)).flatMap(sidecarPaths).filter((p) => fs.existsSync(p));
  const { sources: files, sidecarOf } = pairSidecars(listed, besideNamed);
  const entries = config?.config.sourceEntries?.map((e) => ({ ...e, path: path.resolve(path.dirname(config.file), e.path) }));
  let sources = await loadSources(files, args.limits, warn, { sidecarOf, entries });
  if (sources.length === 0 && !archiveUrl) throw new UserError(`no readable source files in ${roots.join(", ")}`);
  const { checker, save } = openCachedChecker(sources, roots, {
    aliases: config?.config.aliases,
    ignoreMarker: config?.config.ignoreMarker,
    thresholds: config?.config.thresholds,
  }, warn);
  // The checker re-reads text sources when it needs them: do not hold them all here.
  sources = [];
  // Report paths as the user would type them: relative to where the command runs.
  const display = (p: string) => {
    const rel = path.relative(process.cwd(), path.resolve(p));
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
  };
  const ignored = config?.config.ignoredQuotes ?? [];
  if (archiveUrl) {
    // Looked up before the check (the engine itself is synchronous); an unreachable archive is one warning, and the check goes on.
    const store = new ArchiveStore(archiveUrl, { warn, budgetMs: args.archiveBudgetMs });
    try {
      checker.foreignPassages = (await lookUpDrafts(store, drafts)).passagesFor;
    } finally {
      await store.close();
    }
  }
  const checked = checker.check(drafts).map((r) => ({ ...r, checks: markIgnoredQuotes(r.checks, ignored) }));
  const report = dropSilencedFindings(reportJson(checked, display), config?.config.severities ?? {});
  save();
  if (args.format === "json") process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else if (args.format === "sarif") process.stdout.write(JSON.stringify(reportSarif(report, { toolVersion: packageJson.version, levelOf: (kind) => sarifLevel(severityOf(kind, config?.config.severities ?? {})) }), null, 2) + "\n");
  else process.stdout.write(formatText(report, { verbose: args.verbose, color: args.color, severities: config?.config.severities ?? {} }) + "\n");
  const failing = report.files.some((f) => f.quotes.some((q) => q.findings.some((x) => args.failOn.has(x.kind))));
  return failing ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    if (e instanceof ArchiveUsageError) process.stderr.write(`verbatim: error: ${e.message}\n\n${ARCHIVE_USAGE}\n`);
    else if (e instanceof UserError || e instanceof ArchiveConfigError) process.stderr.write(`verbatim: error: ${e.message}\n`);
    else process.stderr.write(`verbatim: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
