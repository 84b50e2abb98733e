/**
 * Archive connection strings: `postgres://user@host:port/db?sslmode=…`. A password never lives
 * in a project file or a setting — it comes from `PGPASSWORD` or `~/.pgpass` (which `pg` reads)
 * on the command line, and from VS Code's secret storage in the editor. TLS settings (`sslmode`,
 * `sslrootcert`, …) pass through with libpq's meaning. No driver here: the editor's client uses
 * this too.
 */
import { parse } from "pg-connection-string";

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
        (origin === "settings" ? `, or the command "Verbatim: Set Archive Password"` : ""),
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
