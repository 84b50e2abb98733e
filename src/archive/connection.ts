/**
 * Archive connection strings: `postgres://user@host:port/db?sslmode=…`. A password never lives
 * in a project file or a setting — it comes from `PGPASSWORD` or `~/.pgpass` (which `pg` reads)
 * on the command line, and from VS Code's secret storage in the editor. TLS settings (`sslmode`,
 * `sslrootcert`, …) pass through to the driver unchanged.
 */
import { parse } from "pg-connection-string";
import pg from "pg";

export class ArchiveConfigError extends Error {}

/** Where a connection string came from: a password is refused in files and settings. */
export type UrlOrigin = "command line" | ".verbatim.json" | "settings" | "environment";

export interface ArchiveUrl {
  /** The string as given (no password in it, unless the command line gave one). */
  url: string;
  /** `user@host:port/db`, for messages and status lines: never the password. */
  display: string;
  hasPassword: boolean;
}

/** Checks an archive connection string; throws `ArchiveConfigError` with the message users see. */
export function checkArchiveUrl(url: string, origin: UrlOrigin): ArchiveUrl {
  const trimmed = url.trim();
  if (!/^postgres(?:ql)?:\/\//i.test(trimmed)) {
    throw new ArchiveConfigError(`archive: "${redact(trimmed)}" is not a PostgreSQL connection string (expected postgres://user@host:port/database)`);
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(libpqSsl(trimmed));
  } catch (e) {
    throw new ArchiveConfigError(`archive: cannot read the connection string "${redact(trimmed)}": ${(e as Error).message}`);
  }
  const hasPassword = !!parsed.password;
  if (hasPassword && origin !== "command line") {
    throw new ArchiveConfigError(
      `archive: the connection string in ${origin} contains a password; remove it (${redact(trimmed)}) and give the password through PGPASSWORD or ~/.pgpass` +
        (origin === "settings" ? `, or the command "Verbatim: Set archive password"` : ""),
    );
  }
  const user = parsed.user ?? process.env.PGUSER ?? "";
  const display = `${user ? `${user}@` : ""}${parsed.host ?? "localhost"}${parsed.port ? `:${parsed.port}` : ""}/${parsed.database ?? ""}`;
  return { url: libpqSsl(trimmed), display, hasPassword };
}

/**
 * `sslmode` as libpq (psql, every PostgreSQL tool) reads it: `require` encrypts without checking
 * the certificate, `verify-ca`/`verify-full` check it against `sslrootcert`. The `pg` driver
 * reads these modes more strictly unless told to be libpq-compatible.
 */
function libpqSsl(url: string): string {
  if (!/[?&]sslmode=/i.test(url) || /[?&]uselibpqcompat=/i.test(url)) return url;
  return `${url}${url.includes("?") ? "&" : "?"}uselibpqcompat=true`;
}

/** The connection string with any password replaced by `***`. */
export function redact(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, "$1:***@").replace(/([?&]password=)[^&]*/gi, "$1***");
}

export interface PoolOptions {
  /** Connections at most (default 4). */
  max?: number;
  /** Server-side limit for one statement, ms (0 = none). */
  statementTimeoutMs?: number;
  /** How long to wait for a connection, ms (default 5,000). */
  connectTimeoutMs?: number;
  /** A password from elsewhere (the editor's secret storage). */
  password?: string;
  applicationName?: string;
}

export function openPool(url: ArchiveUrl, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url.url,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? "verbatim",
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs, query_timeout: options.statementTimeoutMs + 2000 } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
  });
  // An idle connection dropped by the server (restart, network) must not crash the host.
  pool.on("error", () => {});
  return pool;
}

/** Is this error the server (or the network to it) being gone, as opposed to a mistake in a query? */
export function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? "";
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE", "EAI_AGAIN"].includes(code)) return true;
  // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, connection_exception class
  if (["57P01", "57P02", "57P03", "53300"].includes(code) || code.startsWith("08")) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection.*closed/i.test(err?.message ?? "");
}

/** Is this error a statement cancelled for running over its budget? */
export function isOverBudget(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === "57014" || /Query read timeout/i.test(err?.message ?? "");
}

/** A message for an error reaching the archive, never with a password in it. */
export function describePgError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err?.code === "28P01" || err?.code === "28000") return `authentication failed (${err.message}); set PGPASSWORD or ~/.pgpass`;
  if (err?.code === "3D000") return err.message ?? "no such database";
  return redact(err?.message ?? String(e));
}
