/** Helpers for the archive tests: a fresh database per test file on the shared throw-away cluster. */
import * as fs from "node:fs";
import * as path from "node:path";
import type pg from "pg";
import { QuoteChecker } from "../../../src/core/check";
import type { SourceText } from "../../../src/core/corpus/corpus";
import { readSource } from "../../../src/core/formats";
import { checkArchiveUrl, openPool } from "../../../src/archive/connection";
import { migrate, ensureReaderRole } from "../../../src/archive/schema";
import { type PgCluster, sharedCluster } from "./pgCluster";

export const ROOT = path.resolve(__dirname, "..", "..", "..", "..");

let databases = 0;

export interface TestArchive {
  cluster: PgCluster;
  url: string;
  pool: pg.Pool;
  database: string;
}

/** A new, empty database with the archive schema on the shared cluster. */
export async function freshArchive(name: string): Promise<TestArchive> {
  const cluster = await sharedCluster();
  const database = `verbatim_${name}_${process.pid}_${databases++}`;
  cluster.psql(`CREATE DATABASE ${database}`);
  const url = cluster.url(database);
  const pool = openPool(checkArchiveUrl(url, "command line"), { max: 4 });
  const client = await pool.connect();
  try {
    await migrate(client);
    await ensureReaderRole(client);
  } finally {
    client.release();
  }
  return { cluster, url, pool, database };
}

/** The sources of a folder, read as the CLI reads them. */
export async function readFolder(dir: string, pathOf = (f: string) => f): Promise<SourceText[]> {
  const out: SourceText[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile() || name.endsWith(".meta.json")) continue;
    const r = await readSource(file, fs.readFileSync(file));
    if ("source" in r) out.push({ ...r.source, path: pathOf(file) });
  }
  return out;
}

/** A checker over no local sources: the archive alone. */
export const noLocalSources = () => new QuoteChecker([]);
