import { strict as assert } from "node:assert";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { QuoteChecker } from "../../../src/core/check";
import { checkArchiveUrl } from "../../../src/archive/connection";
import { checkWithArchive } from "../../../src/archive/check";
import { ingest } from "../../../src/archive/ingest";
import { archiveStatus } from "../../../src/archive/status";
import { ArchiveStore } from "../../../src/archive/store";
import { freshArchive, ROOT, type TestArchive } from "./archiveHelpers";
import { type GeneratedArticle, NewsGenerator } from "./newsGenerator";

const CLI = path.join(ROOT, "dist", "cli.js");

/** A folder of generated articles. */
function writeArticles(dir: string, count: number, seed: number): GeneratedArticle[] {
  const gen = new NewsGenerator(seed, 20000, 600);
  const out: GeneratedArticle[] = [];
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const a = gen.article(2500 + ((i * 97) % 3000), 2 + (i % 3));
    fs.writeFileSync(path.join(dir, `${a.name}.txt`), a.text);
    out.push(a);
  }
  return out;
}

describe("archive: a few hundred generated documents", function () {
  this.timeout(300000);
  let db: TestArchive;
  let dir: string;
  let articles: GeneratedArticle[];

  before(async () => {
    db = await freshArchive("generated");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-generated-"));
    articles = writeArticles(path.join(dir, "wire"), 400, 5);
  });
  after(async () => {
    await db?.pool.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a killed ingest, run again, finishes with every document once and nothing lost; it leaves autovacuum on", async () => {
    const autovacuum = async () => (await db.pool.query(`SELECT relname, reloptions FROM pg_class WHERE relnamespace = 'verbatim'::regnamespace AND relname IN ('document', 'quotation', 'passage') ORDER BY relname`)).rows.map((r) => `${r.relname} ${r.reloptions ?? "default"}`);
    // What an add of an earlier version, killed, left behind: autovacuum off in the tables' options.
    await db.pool.query(`ALTER TABLE verbatim.passage SET (autovacuum_enabled = off, toast.autovacuum_enabled = off)`);
    // The session keeping autovacuum away (holding the lock a vacuum takes), if any.
    const holders = async () =>
      (
        await db.pool.query(
          `SELECT a.state, a.backend_xmin IS NULL AS no_xmin, a.backend_xid IS NULL AS no_xid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.relation = 'verbatim.passage'::regclass AND l.mode = 'ShareUpdateExclusiveLock' AND l.granted`,
        )
      ).rows;
    // Could autovacuum (which takes that lock, and skips a table it cannot lock) vacuum the table now?
    const vacuumable = async () => {
      const c = await db.pool.connect();
      try {
        await c.query("BEGIN");
        await c.query("SET LOCAL lock_timeout = '200ms'");
        await c.query("LOCK TABLE verbatim.document, verbatim.quotation, verbatim.passage IN SHARE UPDATE EXCLUSIVE MODE");
        return true;
      } catch (e) {
        if ((e as { code?: string }).code === "55P03") return false;
        throw e;
      } finally {
        await c.query("ROLLBACK").catch(() => {});
        c.release();
      }
    };
    // Small transactions, so the kill lands after some batches were committed and before the last.
    const child = spawn(process.execPath, [CLI, "archive", "add", "wire", "--db", db.url, "--batch", "20", "--quiet"], { cwd: dir, stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    for (let tries = 0; tries < 600; tries++) {
      const n = (await db.pool.query(`SELECT count(*)::int AS n FROM verbatim.document`)).rows[0].n;
      if (n >= 40) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // While it writes, autovacuum is kept off by a lock held in an otherwise idle transaction,
    // which holds back no clean-up (no snapshot, no transaction id) …
    assert.deepEqual(await holders(), [{ state: "idle in transaction", no_xmin: true, no_xid: true }]);
    assert.equal(await vacuumable(), false);
    // … and the options an earlier version left were reset when it started.
    assert.deepEqual(await autovacuum(), ["document default", "passage default", "quotation default"]);
    child.kill("SIGKILL");
    await exited;
    const partial = (await db.pool.query(`SELECT count(*)::int AS n FROM verbatim.document`)).rows[0].n;
    assert.ok(partial >= 40 && partial < 400, `killed after ${partial} documents`);
    // Whole documents only: every stored document has its passages.
    const orphans = await db.pool.query(`SELECT count(*)::int AS n FROM verbatim.document d WHERE NOT EXISTS (SELECT 1 FROM verbatim.passage p WHERE p.document_id = d.id)`);
    assert.equal(orphans.rows[0].n, 0);
    // The killed add's lock went with its connection (once the server has noticed it gone):
    // autovacuum is not left off.
    for (let tries = 0; tries < 100 && (await holders()).length; tries++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await holders(), []);
    assert.equal(await vacuumable(), true);
    assert.deepEqual(await autovacuum(), ["document default", "passage default", "quotation default"]);

    const again = spawnSync(process.execPath, [CLI, "archive", "add", "wire", "--db", db.url, "--quiet"], { cwd: dir, encoding: "utf8" });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`400 files — ${400 - partial} added, 0 replaced, ${partial} unchanged, 0 skipped`));
    const rows = await db.pool.query(`SELECT key, count(*)::int AS n FROM verbatim.document GROUP BY key`);
    assert.equal(rows.rowCount, 400);
    assert.ok(rows.rows.every((r) => r.n === 1));
    const quotations = (await db.pool.query(`SELECT count(*)::int AS n FROM verbatim.quotation WHERE speaker_name IS NOT NULL`)).rows[0].n;
    assert.equal(quotations, articles.reduce((n, a) => n + a.quotes.length, 0));
    const history = (await db.pool.query(`SELECT status FROM verbatim.ingest ORDER BY id`)).rows.map((r) => r.status);
    assert.deepEqual(history, ["interrupted", "finished"]);
    // … nor by one that ends.
    assert.deepEqual(await holders(), []);
    assert.equal(await vacuumable(), true);
    assert.deepEqual(await autovacuum(), ["document default", "passage default", "quotation default"]);
    // `init` also puts back what an earlier version's killed add left.
    await db.pool.query(`ALTER TABLE verbatim.document SET (autovacuum_enabled = off, toast.autovacuum_enabled = off)`);
    const init = spawnSync(process.execPath, [CLI, "archive", "init", "--db", db.url], { encoding: "utf8" });
    assert.equal(init.status, 0, init.stderr);
    assert.match(init.stdout, /autovacuum back on for verbatim\.document \(/);
    assert.deepEqual(await autovacuum(), ["document default", "passage default", "quotation default"]);
    const status = spawnSync(process.execPath, [CLI, "archive", "status", "--db", db.url], { encoding: "utf8" });
    assert.match(status.stdout, /documents {4}400 /);
  });

  it("checks a draft's quotations against the archive alone: verified, misattributed, misquoted, unsourced", async () => {
    const store = new ArchiveStore(checkArchiveUrl(db.url, "command line"));
    try {
      const a = articles[123].quotes[0];
      const b = articles[321].quotes[1];
      const c = articles[7].quotes[0];
      const other = articles[8].quotes[0].speaker === c.speaker ? articles[9].quotes[0].speaker : articles[8].quotes[0].speaker;
      const changed = c.text.split(" ");
      const d = articles[250].quotes[0];
      const words = d.text.split(" ");
      words[Math.floor(words.length / 2)] = "completely";
      const text = [
        `"${a.text}," said ${a.speaker}.`,
        `"${b.text}," said ${other}.`,
        `"${words.join(" ")}," said ${d.speaker}.`,
        `"Nobody in this archive ever said these particular words about the harbour," said ${a.speaker}.`,
      ].join("\n\n");
      const [report] = await checkWithArchive(new QuoteChecker([]), [{ path: "draft.md", text }], store);
      assert.deepEqual(
        report.checks.map((x) => [x.verdict, x.source?.document.path ?? null, x.source?.sourceQuote?.speaker?.name ?? null]),
        [
          ["verified", `archive:wire/${articles[123].name}.txt`, a.speaker],
          ["misattributed", `archive:wire/${articles[321].name}.txt`, b.speaker],
          ["misquoted", `archive:wire/${articles[250].name}.txt`, d.speaker],
          ["unsourced", null, null],
        ],
      );
      assert.equal(report.checks[0].source!.start, a.start);
      assert.equal(report.checks[0].source!.end, a.end);
      assert.ok(changed.length > 0);
    } finally {
      await store.close();
    }
  });

  it("archive + local sources: local passages are preferred, the archive fills the gaps", async () => {
    const store = new ArchiveStore(checkArchiveUrl(db.url, "command line"));
    try {
      const a = articles[40];
      const b = articles[41];
      const local = new QuoteChecker([{ path: "sources/local-copy.txt", text: a.text }]);
      const text = `"${a.quotes[0].text}," said ${a.quotes[0].speaker}.\n\n"${b.quotes[0].text}," said ${b.quotes[0].speaker}.`;
      const [report] = await checkWithArchive(local, [{ path: "draft.md", text }], store);
      assert.deepEqual(
        report.checks.map((x) => [x.verdict, x.source?.document.path]),
        [
          ["verified", "sources/local-copy.txt"],
          ["verified", `archive:wire/${b.name}.txt`],
        ],
      );
    } finally {
      await store.close();
    }
  });

  it("ingests through the library with progress, and status adds up", async () => {
    const more = writeArticles(path.join(dir, "more"), 30, 99);
    const seen: number[] = [];
    const s = await ingest(db.pool, [path.join(dir, "more")], { base: dir, batchFiles: 10, progress: (p) => seen.push(p.filesDone) });
    assert.deepEqual(seen, [0, 10, 20, 30]);
    assert.equal(s.added, 30);
    const status = await archiveStatus(db.pool);
    assert.equal(status.documents, 430);
    assert.equal(status.attributedQuotations, [...articles, ...more].reduce((n, a) => n + a.quotes.length, 0));
  });
});
