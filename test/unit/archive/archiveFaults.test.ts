import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import pg from "pg";
import { QuoteChecker } from "../../../src/core/check";
import { checkArchiveUrl, openPool } from "../../../src/archive/connection";
import { checkWithArchive } from "../../../src/archive/check";
import { ingest } from "../../../src/archive/ingest";
import { ensureReaderRole, migrate } from "../../../src/archive/schema";
import { ArchiveStore } from "../../../src/archive/store";
import { readFolder, ROOT } from "./archiveHelpers";
import { ownCluster, type PgCluster } from "./pgCluster";

const SAMPLE = path.join(ROOT, "sample");
const CLI = path.join(ROOT, "dist", "cli.js");
const draft = () => ({ path: "sample/drafts/harbour-strike.md", text: fs.readFileSync(path.join(SAMPLE, "drafts", "harbour-strike.md"), "utf8") });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setUp(cluster: PgCluster): Promise<void> {
  const pool = openPool(checkArchiveUrl(cluster.url(), "command line"));
  try {
    const client = await pool.connect();
    await migrate(client);
    await ensureReaderRole(client);
    client.release();
    await ingest(pool, [path.join(SAMPLE, "sources")], { base: ROOT });
  } finally {
    await pool.end();
  }
}

describe("archive: faults — server stopped or restarted during a check, slow queries", function () {
  this.timeout(180000);
  let cluster: PgCluster;
  let local: QuoteChecker;

  before(async () => {
    cluster = await ownCluster();
    await setUp(cluster);
    // Local sources without the mayor's briefing: its quote is found only in the archive.
    const sources = (await readFolder(path.join(SAMPLE, "sources"), (f) => path.relative(ROOT, f))).filter((s) => !s.path.endsWith("mayor-briefing.txt"));
    local = new QuoteChecker(sources, { aliases: { HDU: "Harbour and Dockworkers Union" } });
  });
  after(() => cluster?.destroy());

  const mayorQuote = (report: { checks: { text: string; verdict: string; source?: { document: { path: string } } }[] }) => report.checks.find((c) => c.text.startsWith("I am asking both sides"))!;

  it("server stopped: 'archive unavailable' once, local sources still checked, back after a restart (with back-off)", async () => {
    const warnings: string[] = [];
    const store = new ArchiveStore(checkArchiveUrl(cluster.url(), "command line"), { warn: (m) => warnings.push(m), backoffMs: [300, 2000], connectTimeoutMs: 1000, reuseMs: 0 });
    try {
      let [report] = await checkWithArchive(local, [draft()], store);
      assert.equal(mayorQuote(report).verdict, "verified");
      assert.equal(store.state, "up");

      cluster.stop();
      [report] = await checkWithArchive(local, [draft()], store);
      assert.equal(store.state, "down");
      assert.equal(mayorQuote(report).verdict, "unsourced");
      // Everything the local sources have is still checked.
      assert.equal(report.checks.filter((c) => c.verdict === "misattributed").length, 2);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /^archive unavailable \(postgres@127\.0\.0\.1:\d+\/postgres: .+\); checking against local sources only$/);

      // Within the back-off nothing is tried (and nothing waits): no second warning.
      const t = performance.now();
      [report] = await checkWithArchive(local, [draft()], store);
      assert.ok(performance.now() - t < 5000);
      assert.equal(warnings.length, 1);

      cluster.start();
      for (let i = 0; i < 40 && store.state !== "up"; i++) {
        await sleep(250);
        [report] = await checkWithArchive(local, [draft()], store);
      }
      assert.equal(store.state, "up");
      assert.equal(mayorQuote(report).verdict, "verified");
      assert.equal(mayorQuote(report).source?.document.path, "archive:sample/sources/mayor-briefing.txt");
      assert.equal(warnings.length, 2);
      assert.match(warnings[1], /^archive postgres@127\.0\.0\.1:\d+\/postgres is available again$/);
    } finally {
      await store.close();
    }
  });

  it("server stopped while a look-up runs: the check ends with local sources and one warning", async () => {
    const warnings: string[] = [];
    const store = new ArchiveStore(checkArchiveUrl(cluster.url(), "command line"), { warn: (m) => warnings.push(m), budgetMs: 60000 });
    // A writer holding the passages table: the look-up waits on it until the server goes away.
    const blocker = new pg.Client({ connectionString: cluster.url() });
    blocker.on("error", () => {});
    await blocker.connect();
    await blocker.query("BEGIN; LOCK TABLE verbatim.passage IN ACCESS EXCLUSIVE MODE");
    try {
      const checking = checkWithArchive(local, [draft()], store);
      // Wait until the look-up is blocked, then stop the server under it.
      for (let i = 0; i < 100; i++) {
        const waiting = cluster.psql(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'verbatim check'`);
        if (Number(waiting) > 0) break;
        await sleep(100);
      }
      cluster.stop();
      const [report] = await checking;
      assert.equal(mayorQuote(report).verdict, "unsourced");
      assert.equal(report.checks.filter((c) => c.verdict === "misattributed").length, 2);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /^archive unavailable/);
    } finally {
      await blocker.end().catch(() => {});
      await store.close();
      if (!cluster.running()) cluster.start();
    }
  });

  it("a look-up slower than the budget is cancelled; the check goes on without it", async () => {
    const warnings: string[] = [];
    const store = new ArchiveStore(checkArchiveUrl(cluster.url(), "command line"), { warn: (m) => warnings.push(m), budgetMs: 500 });
    const blocker = new pg.Client({ connectionString: cluster.url() });
    await blocker.connect();
    await blocker.query("BEGIN; LOCK TABLE verbatim.passage IN ACCESS EXCLUSIVE MODE");
    try {
      const [report] = await checkWithArchive(local, [draft()], store);
      assert.equal(mayorQuote(report).verdict, "unsourced");
      assert.equal(store.state, "up");
      assert.ok(store.overBudget > 0);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /^archive: \d+ look-up\(s\) ran over the 500 ms budget and were cancelled; those quotes were checked without the archive$/);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
      await store.close();
    }
  });

  it("the CLI: an unreachable archive is one warning on stderr, the local check's findings and exit status stand", () => {
    cluster.stop();
    try {
      const r = spawnSync(process.execPath, [CLI, "check", "--archive", cluster.url(), "sample/drafts/harbour-strike.md"], { cwd: ROOT, encoding: "utf8" });
      assert.equal(r.status, 1, r.stderr);
      assert.equal((r.stderr.match(/archive unavailable/g) ?? []).length, 1, r.stderr);
      assert.match(r.stdout, /14 quotes checked: 8 verified, 3 misattributed, 2 misquoted, 1 unsourced/);
    } finally {
      cluster.start();
    }
  });
});

describe("archive: least privilege, passwords and TLS", function () {
  this.timeout(180000);
  let cluster: PgCluster;

  before(async () => {
    cluster = await ownCluster({ ssl: true });
    await setUp(cluster);
    cluster.psql(`CREATE ROLE checker LOGIN; GRANT verbatim_reader TO checker`);
  });
  after(() => cluster?.destroy());

  it("init creates a read-only role: a checker can read and check, and cannot write", async () => {
    const pool = new pg.Pool({ connectionString: cluster.url("postgres", "checker") });
    try {
      const n = await pool.query(`SELECT count(*)::int AS n FROM verbatim.document`);
      assert.equal(n.rows[0].n, 9);
      for (const sql of [
        `INSERT INTO verbatim.ingest DEFAULT VALUES`,
        `DELETE FROM verbatim.document`,
        `UPDATE verbatim.quotation SET speaker_name = 'Someone Else'`,
        `TRUNCATE verbatim.passage`,
        `CREATE TABLE verbatim.sneaky (x int)`,
        `DROP TABLE verbatim.document`,
      ]) {
        await assert.rejects(pool.query(sql), (e: { code?: string }) => e.code === "42501" || e.code === "25006", sql);
      }
      assert.equal((await pool.query(`SELECT count(*)::int AS n FROM verbatim.document`)).rows[0].n, 9);
      // The CLI as that role: status reads, add is refused with the server's reason.
      const status = spawnSync(process.execPath, [CLI, "archive", "status", "--db", cluster.url("postgres", "checker")], { encoding: "utf8" });
      assert.equal(status.status, 0, status.stderr);
      assert.match(status.stdout, /documents {4}9 /);
      const add = spawnSync(process.execPath, [CLI, "archive", "add", "sample/sources", "--db", cluster.url("postgres", "checker"), "--quiet"], { cwd: ROOT, encoding: "utf8" });
      assert.equal(add.status, 2);
      assert.match(add.stderr, /verbatim: error: archive checker@127\.0\.0\.1:\d+\/postgres: permission denied/);
      const check = spawnSync(process.execPath, [CLI, "check", "--archive", cluster.url("postgres", "checker"), "--format", "json", "sample/drafts/harbour-strike.md"], { cwd: ROOT, encoding: "utf8" });
      assert.equal(check.status, 1, check.stderr);
      assert.equal(check.stderr, "");
    } finally {
      await pool.end();
    }
  });

  it("refuses a password in .verbatim.json or settings, with a message that does not repeat it", () => {
    assert.throws(() => checkArchiveUrl("postgres://editor:hunter2@db.example:5432/news", ".verbatim.json"), (e: Error) => {
      assert.equal(e.message, "archive: the connection string in .verbatim.json contains a password; remove it (postgres://editor:***@db.example:5432/news) and give the password through PGPASSWORD or ~/.pgpass");
      return true;
    });
    assert.throws(() => checkArchiveUrl("postgresql://db.example/news?password=hunter2", "settings"), /settings contains a password; remove it \(postgresql:\/\/db\.example\/news\?password=\*\*\*\) and give the password through PGPASSWORD or ~\/\.pgpass, or the command "Verbatim: Set Archive Password"/);
    assert.throws(() => checkArchiveUrl("mysql://db.example/news", "settings"), /is not a PostgreSQL connection string/);
    assert.equal(checkArchiveUrl("postgres://editor@db.example:5432/news?sslmode=verify-full", "settings").display, "editor@db.example:5432/news");

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-cfg-"));
    try {
      fs.mkdirSync(path.join(dir, "sources"));
      fs.writeFileSync(path.join(dir, "sources", "a.txt"), '"We will build the bridge," said Ada Quill.');
      fs.writeFileSync(path.join(dir, "draft.md"), '"We will build the bridge," said Ada Quill.');
      fs.writeFileSync(path.join(dir, ".verbatim.json"), JSON.stringify({ archive: `postgres://postgres:hunter2@127.0.0.1:${cluster.port}/postgres` }));
      const r = spawnSync(process.execPath, [CLI, "check", "draft.md"], { cwd: dir, encoding: "utf8" });
      assert.equal(r.status, 2);
      assert.ok(!r.stderr.includes("hunter2"), r.stderr);
      assert.match(r.stderr, /verbatim: error: archive: the connection string in \.verbatim\.json contains a password/);
      // Without the password it is used, and the password would come from PGPASSWORD.
      fs.writeFileSync(path.join(dir, ".verbatim.json"), JSON.stringify({ archive: cluster.url() }));
      const ok = spawnSync(process.execPath, [CLI, "check", "--format", "json", "draft.md"], { cwd: dir, encoding: "utf8", env: { ...process.env, PGPASSWORD: "unused-with-trust" } });
      assert.equal(ok.status, 0, ok.stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("passes sslmode through to the connection", async () => {
    const query = async (url: string) => {
      const client = new pg.Client(checkArchiveUrl(url, "settings").url);
      await client.connect();
      try {
        return (await client.query(`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`)).rows[0].ssl as boolean;
      } finally {
        await client.end();
      }
    };
    assert.equal(await query(`${cluster.url()}?sslmode=disable`), false);
    assert.equal(await query(`${cluster.url()}?sslmode=require`), true);
    assert.equal(await query(`${cluster.url()}?sslmode=verify-full&sslrootcert=${encodeURIComponent(cluster.certificate)}`), true);
    // The CLI with TLS required, end to end.
    const r = spawnSync(process.execPath, [CLI, "archive", "status", "--db", `${cluster.url()}?sslmode=require`], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  });
});
