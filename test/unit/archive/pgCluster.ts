/**
 * Throw-away PostgreSQL clusters for the archive tests and benchmark: a temporary data folder, a
 * free loopback port, stopped (and deleted) at the end. As root, the server runs as the
 * `postgres` user (initdb refuses root). Needs Debian's `postgresql` (scripts/postgres/install.sh).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

export function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))) : [];
  if (versions.length === 0) throw new Error("PostgreSQL is not installed: run scripts/postgres/install.sh (apt-get install postgresql postgresql-contrib postgresql-15-rum)");
  versions.sort((a, b) => Number(b) - Number(a));
  return path.join(root, versions[0], "bin");
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program, as `postgres` when we are root. */
function pgRun(program: string, args: string[], options: { allowFail?: boolean } = {}): string {
  const bin = path.join(postgresBin(), program);
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const run = spawnSync(cmd, argv, { encoding: "utf8", cwd: os.tmpdir() });
  if (run.status !== 0 && !options.allowFail) throw new Error(`${program} ${args.join(" ")} failed: ${run.stderr || run.stdout}`);
  return run.stdout;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface ClusterOptions {
  /** Extra `postgresql.conf` lines. */
  settings?: Record<string, string | number>;
  /** Allow streaming replication connections from loopback (for a replica). */
  replication?: boolean;
  /** Durability off: faster, fine for a throw-away test cluster. */
  fast?: boolean;
  /** Where the temporary folder goes (default: the system's temp folder). */
  under?: string;
  /** TLS on, with a self-signed certificate for 127.0.0.1 (its file: `PgCluster.certificate`). */
  ssl?: boolean;
  /** Roles that must give a password over TCP (SCRAM); every other role is trusted on loopback. */
  passwordRoles?: string[];
}

export class PgCluster {
  private constructor(
    readonly dir: string,
    readonly dataDir: string,
    public port: number,
  ) {}

  /** The server's certificate, for `sslrootcert` (a cluster created with `ssl`). */
  get certificate(): string {
    return path.join(this.dir, "root.crt");
  }

  /** `postgres://postgres@127.0.0.1:PORT/DB` (trust authentication on loopback, no password). */
  url(database = "postgres", user = "postgres"): string {
    return `postgres://${user}@127.0.0.1:${this.port}/${database}`;
  }

  static async create(options: ClusterOptions = {}): Promise<PgCluster> {
    const dir = fs.mkdtempSync(path.join(options.under ?? os.tmpdir(), "verbatim-pg-"));
    fs.chmodSync(dir, 0o777);
    const cluster = new PgCluster(dir, path.join(dir, "data"), await freePort());
    pgRun("initdb", ["-D", cluster.dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]);
    const settings: Record<string, string | number> = {
      listen_addresses: "'127.0.0.1'",
      max_connections: 60,
      wal_level: "replica",
      max_wal_senders: 4,
      shared_buffers: "128MB",
      ...(options.fast ? { fsync: "off", synchronous_commit: "off", full_page_writes: "off" } : {}),
      ...options.settings,
    };
    if (options.ssl) {
      execFileSync("openssl", ["req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", path.join(cluster.dataDir, "server.key"), "-out", path.join(cluster.dataDir, "server.crt")], { stdio: "ignore" });
      fs.chmodSync(path.join(cluster.dataDir, "server.key"), 0o600);
      if (isRoot()) execFileSync("chown", ["postgres:postgres", path.join(cluster.dataDir, "server.key"), path.join(cluster.dataDir, "server.crt")]);
      fs.copyFileSync(path.join(cluster.dataDir, "server.crt"), cluster.certificate);
      settings.ssl = "on";
    }
    fs.appendFileSync(path.join(cluster.dataDir, "postgresql.conf"), Object.entries(settings).map(([k, v]) => `${k} = ${v}\n`).join(""));
    if (options.replication) fs.appendFileSync(path.join(cluster.dataDir, "pg_hba.conf"), "host replication postgres 127.0.0.1/32 trust\n");
    if (options.passwordRoles?.length) {
      // The first matching line wins: these go before initdb's trust lines.
      const hba = path.join(cluster.dataDir, "pg_hba.conf");
      fs.writeFileSync(hba, options.passwordRoles.map((r) => `host all ${r} 127.0.0.1/32 scram-sha-256\n`).join("") + fs.readFileSync(hba, "utf8"));
    }
    cluster.start();
    return cluster;
  }

  /** A streaming replica of this cluster (which must have been created with `replication`). */
  async replica(): Promise<PgCluster> {
    const dir = fs.mkdtempSync(path.join(path.dirname(this.dir), "verbatim-pg-replica-"));
    fs.chmodSync(dir, 0o777);
    const replica = new PgCluster(dir, path.join(dir, "data"), await freePort());
    pgRun("pg_basebackup", ["-h", "127.0.0.1", "-p", String(this.port), "-U", "postgres", "-D", replica.dataDir, "-R", "-X", "stream"]);
    replica.start();
    return replica;
  }

  start(): void {
    const opts = `-p ${this.port} -k ${this.dir}`;
    pgRun("pg_ctl", ["-D", this.dataDir, "-o", opts, "-l", path.join(this.dir, "log"), "-w", "-t", "60", "start"]);
  }

  stop(mode: "fast" | "immediate" = "fast"): void {
    pgRun("pg_ctl", ["-D", this.dataDir, "-m", mode, "-w", "stop"], { allowFail: true });
  }

  restart(): void {
    this.stop();
    this.start();
  }

  running(): boolean {
    return pgRun("pg_ctl", ["-D", this.dataDir, "status"], { allowFail: true }).includes("server is running");
  }

  /** Stops the server and deletes its folder. */
  destroy(): void {
    if (!fs.existsSync(this.dataDir)) return;
    this.stop("immediate");
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Runs SQL with psql (for set-up that must not go through the code under test). */
  psql(sql: string, database = "postgres", user = "postgres"): string {
    return execFileSync("psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(this.port), "-U", user, "-d", database, "-c", sql], { encoding: "utf8" }).trim();
  }
}

let shared: Promise<PgCluster> | undefined;
const live: PgCluster[] = [];

/** One cluster for all archive tests of a run, stopped when the process exits. */
export function sharedCluster(): Promise<PgCluster> {
  shared ??= PgCluster.create({ fast: true, replication: true }).then((c) => {
    live.push(c);
    return c;
  });
  return shared;
}

/** A cluster of the caller's own (for tests that stop or restart the server), stopped on exit. */
export async function ownCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const c = await PgCluster.create({ fast: true, ...options });
  live.push(c);
  return c;
}

export function destroyAll(): void {
  while (live.length) live.pop()!.destroy();
}

process.on("exit", destroyAll);
// A benchmark stopped with Ctrl-C or kill leaves no server running.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    destroyAll();
    process.exit(130);
  });
}
