/** Connections to the archive: a pool per use, and what its errors mean for a check. */
import pg from "pg";
import { parse } from "pg-connection-string";
import { type ArchiveUrl, redact } from "./url";

export { ArchiveConfigError, type ArchiveUrl, checkArchiveUrl, redact, type UrlOrigin } from "./url";

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
  /** Server settings for every session of the pool (sent at connect time, after the URL's own `options`). */
  sessionSettings?: Record<string, string>;
  /** How long an unused connection stays open, ms (default 30,000). */
  idleMs?: number;
}

/**
 * How long a checker keeps an unused connection: a new one costs the server about 20 ms of CPU
 * to start and 50 ms more for the look-up's first statement (its plan and the catalog caches),
 * 160–210 ms of wall time in all on a loaded 2-core server, where a look-up on an open connection
 * takes a few. An editor checks now and again, with pauses longer than a minute; each check after
 * one paid that. Ten minutes keeps one idle backend per editor (its pool opens more only for
 * look-ups at once).
 */
export const CHECK_IDLE_MS = 600_000;

/**
 * What a checker's sessions set: its statements are short index look-ups, for which JIT
 * compilation (tens of milliseconds, chosen by cost estimates that a GIN look-up inflates) and
 * parallel workers (a start-up cost per statement, and cores the other checkers need) only add
 * time; and the look-up's plan does not depend on its parameters (arrays of keys, whose
 * selectivity the planner cannot see), so it is planned once per connection, not per statement.
 */
export const CHECK_SESSION: Record<string, string> = { jit: "off", max_parallel_workers_per_gather: "0", plan_cache_mode: "force_generic_plan" };

export function openPool(url: ArchiveUrl, options: PoolOptions = {}): pg.Pool {
  // The parsed string, not `connectionString`: pg lets the string's (absent) password override a given one.
  const parsed: Record<string, unknown> = Object.fromEntries(Object.entries(parse(url.url)).filter(([, v]) => v !== undefined && v !== null));
  const settings = Object.entries(options.sessionSettings ?? {}).map(([k, v]) => `-c ${k}=${v}`);
  if (settings.length) parsed.options = [parsed.options, ...settings].filter(Boolean).join(" ");
  const pool = new pg.Pool({
    ...(parsed as pg.PoolConfig),
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: options.idleMs ?? 30_000,
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
