/**
 * `verbatim archive init|add|remove|status --db URL`: sets up and fills the newsroom archive.
 * The password comes from PGPASSWORD or ~/.pgpass, never from a file of the project.
 */
import { parseArgs } from "node:util";
import { ArchiveConfigError, checkArchiveUrl, describePgError, openPool } from "./connection";
import { ARCHIVE_LIMITS, ingest, type IngestProgress, removeDocuments, restoreAutovacuum } from "./ingest";
import { DEFAULT_READER_ROLE, ensureReaderRole, migrate } from "./schema";
import { archiveStatus, formatStatus, size } from "./status";

export const ARCHIVE_USAGE = `Usage: verbatim archive COMMAND --db URL [options]

Keeps the newsroom archive: every story and wire item, in PostgreSQL, shared by the desk.

Commands:
  init               create or upgrade the archive's schema, and the read-only role for checkers
  add PATH...        add source files and folders (every format "check" reads); unchanged
                     files are skipped, changed ones replaced; re-run an interrupted add to finish it
  remove PATH...     remove the documents added under these paths (a folder: all under it)
  status             documents, text size, index size and the last ingest

Options:
  --db URL           postgres://user@host:port/database[?sslmode=require] (or VERBATIM_ARCHIVE);
                     the password comes from PGPASSWORD or ~/.pgpass
  --reader-role NAME the read-only role init creates (default: ${DEFAULT_READER_ROLE})
  --reader-login     let that role log in itself (otherwise grant it to login roles)
  --max-file-mb N    skip files larger than N MB (default: 50)
  --batch N          files per transaction (default: 200)
  --quiet            no progress
  -h, --help         this help`;

export class ArchiveUsageError extends Error {}

/** Runs `verbatim archive …`; returns the exit status. */
export async function archiveCommand(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; isTTY: boolean } = defaultIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        "reader-role": { type: "string" },
        "reader-login": { type: "boolean" },
        "max-file-mb": { type: "string" },
        batch: { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new ArchiveUsageError((e as Error).message);
  }
  const [command, ...paths] = parsed.positionals;
  if (parsed.values.help || !command || command === "help") {
    io.out(ARCHIVE_USAGE + "\n");
    return 0;
  }
  if (!["init", "add", "remove", "status"].includes(command)) throw new ArchiveUsageError(`unknown archive command "${command}" (init, add, remove, status)`);
  const dbUrl = parsed.values.db ?? process.env.VERBATIM_ARCHIVE;
  if (!dbUrl) throw new ArchiveUsageError(`archive ${command} needs --db URL (or VERBATIM_ARCHIVE), e.g. --db postgres://editor@db.example:5432/archive`);
  const url = checkArchiveUrl(dbUrl, parsed.values.db ? "command line" : "environment");
  if (url.hasPassword) io.err(`verbatim: warning: a password on the command line is visible to other users of this machine; prefer PGPASSWORD or ~/.pgpass\n`);
  const limits = { ...ARCHIVE_LIMITS };
  if (parsed.values["max-file-mb"] !== undefined) {
    const mb = Number(parsed.values["max-file-mb"]);
    if (!Number.isFinite(mb) || mb <= 0) throw new ArchiveUsageError(`--max-file-mb needs a positive number, not "${parsed.values["max-file-mb"]}"`);
    limits.maxFileBytes = mb * 1048576;
  }
  let batchFiles: number | undefined;
  if (parsed.values.batch !== undefined) {
    batchFiles = Number(parsed.values.batch);
    if (!Number.isInteger(batchFiles) || batchFiles <= 0) throw new ArchiveUsageError(`--batch needs a positive whole number, not "${parsed.values.batch}"`);
  }
  if ((command === "add" || command === "remove") && paths.length === 0) throw new ArchiveUsageError(`archive ${command} needs at least one PATH`);

  const pool = openPool(url, { max: 3, applicationName: `verbatim archive ${command}` });
  try {
    if (command === "init") {
      const client = await pool.connect();
      try {
        const result = await migrate(client);
        const role = parsed.values["reader-role"] ?? DEFAULT_READER_ROLE;
        await ensureReaderRole(client, role, !!parsed.values["reader-login"]);
        const restored = await restoreAutovacuum(client);
        if (restored.length) io.out(`autovacuum back on for ${restored.join(", ")} (left off by an interrupted add of an earlier version)\n`);
        if (result.applied.length === 0) io.out(`archive ${url.display}: schema is up to date (version ${result.to})\n`);
        else io.out(`archive ${url.display}: schema version ${result.from} → ${result.to}\n${result.applied.map((a) => `  applied ${a}\n`).join("")}`);
        io.out(`read-only role for checkers: ${role} (grant it to each checker's login: GRANT ${role} TO name)\n`);
      } finally {
        client.release();
      }
    } else if (command === "add") {
      const progress = parsed.values.quiet ? undefined : progressPrinter(io);
      const s = await ingest(pool, paths, { limits, warn: (m) => io.err(`verbatim: warning: ${m}\n`), progress: progress?.update, batchFiles });
      progress?.done();
      const mbps = s.textBytes / 1e6 / Math.max(s.seconds, 1e-3);
      io.out(`archive ${url.display}: ${s.filesTotal} files — ${s.added} added, ${s.replaced} replaced, ${s.unchanged} unchanged, ${s.skipped} skipped (${size(s.textBytes)} of text in ${s.seconds.toFixed(1)} s, ${mbps.toFixed(1)} MB/s)\n`);
    } else if (command === "remove") {
      const n = await removeDocuments(pool, paths);
      io.out(`archive ${url.display}: ${n} document${n === 1 ? "" : "s"} removed\n`);
    } else {
      io.out(formatStatus(await archiveStatus(pool), url.display) + "\n");
    }
    return 0;
  } catch (e) {
    if (e instanceof ArchiveConfigError || e instanceof ArchiveUsageError) throw e;
    const code = (e as { code?: string }).code;
    // A database error (or the server unreachable) is the user's to fix, not a crash.
    if (code || e instanceof Error) {
      io.err(`verbatim: error: archive ${url.display}: ${describePgError(e)}\n`);
      return 2;
    }
    throw e;
  } finally {
    await pool.end().catch(() => {});
  }
}

function defaultIo() {
  return { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s), isTTY: process.stderr.isTTY === true };
}

/** A progress bar on a terminal; elsewhere (CI logs) a line every ten seconds. */
function progressPrinter(io: { err: (s: string) => void; isTTY: boolean }) {
  const started = performance.now();
  let lastLine = 0;
  let shown = false;
  const render = (p: IngestProgress) => {
    const share = p.bytesTotal ? p.bytesDone / p.bytesTotal : p.filesTotal ? p.filesDone / p.filesTotal : 1;
    const seconds = (performance.now() - started) / 1000;
    const rate = p.bytesDone / 1e6 / Math.max(seconds, 1e-3);
    const left = share > 0 && share < 1 ? ` ~${Math.ceil((seconds / share) * (1 - share))} s left` : "";
    const width = 24;
    const bar = "#".repeat(Math.round(share * width)).padEnd(width, "-");
    return `[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${p.filesDone.toLocaleString("en")}/${p.filesTotal.toLocaleString("en")} files, ${rate.toFixed(1)} MB/s${left}`;
  };
  return {
    update(p: IngestProgress) {
      const now = performance.now();
      if (io.isTTY) {
        io.err(`\r${render(p)}\x1b[K`);
        shown = true;
      } else if (now - lastLine > 10_000 || p.filesDone === p.filesTotal) {
        if (p.filesDone > 0 || p.filesTotal === 0) io.err(`verbatim: ${render(p)}\n`);
        lastLine = now;
      }
    },
    done() {
      if (shown) io.err("\n");
    },
  };
}
