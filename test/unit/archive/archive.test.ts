import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { QuoteChecker } from "../../../src/core/check";
import { reportJson } from "../../../src/core/report/json";
import { CHECK_IDLE_MS, checkArchiveUrl } from "../../../src/archive/connection";
import { checkWithArchive, draftQuoteWords } from "../../../src/archive/check";
import { documentKey, ingest, removeDocuments } from "../../../src/archive/ingest";
import { archiveStatus } from "../../../src/archive/status";
import { ArchiveStore, archiveDocumentInfo } from "../../../src/archive/store";
import { freshArchive, readFolder, ROOT, type TestArchive } from "./archiveHelpers";

const SAMPLE = path.join(ROOT, "sample");
const draft = () => ({ path: "sample/drafts/harbour-strike.md", text: fs.readFileSync(path.join(SAMPLE, "drafts", "harbour-strike.md"), "utf8") });

type Row = [string, string | null, string, string | null, string | null];
const table = (checks: QuoteChecker["check"] extends (...a: never[]) => infer R ? R : never): Row[] =>
  (checks as { checks: { text: string; speaker?: { name: string }; verdict: string; source?: { document: { path: string }; sourceQuote?: { speaker?: { name: string } } } }[] }[])[0].checks.map((c) => [
    c.text.slice(0, 24),
    c.speaker?.name ?? null,
    c.verdict,
    c.source ? path.basename(c.source.document.path) : null,
    c.source?.sourceQuote?.speaker?.name ?? null,
  ]);

describe("archive: ingest and check against a real PostgreSQL", function () {
  this.timeout(120000);
  let db: TestArchive;
  let store: ArchiveStore;
  const warnings: string[] = [];

  before(async () => {
    db = await freshArchive("sample");
    store = new ArchiveStore(checkArchiveUrl(db.url, "command line"), { warn: (m) => warnings.push(m) });
  });
  after(async () => {
    await store?.close();
    await db?.pool.end();
  });

  it("adds the sample's sources in every format, with their quotations and speakers", async () => {
    const progress: number[] = [];
    const s = await ingest(db.pool, [path.join(SAMPLE, "sources")], { base: ROOT, progress: (p) => progress.push(p.filesDone) });
    assert.equal(s.filesTotal, 9);
    assert.equal(s.added, 9);
    assert.equal(s.unchanged + s.replaced + s.skipped, 0);
    assert.equal(progress[progress.length - 1], 9);
    const keys = (await db.pool.query(`SELECT key, format FROM verbatim.document ORDER BY key`)).rows.map((r) => `${r.key} ${r.format}`);
    assert.deepEqual(keys, [
      "sample/sources/council-emergency-session.docx docx",
      "sample/sources/haddad-interview-transcript.txt txt",
      "sample/sources/harbour-radio-phone-in.srt srt",
      "sample/sources/harbour-strike-day-one.txt txt",
      "sample/sources/mayor-briefing.txt txt",
      "sample/sources/northgate-evening-post.html html",
      "sample/sources/northgate-ports-statement.pdf pdf",
      "sample/sources/quayside-press-conference.vtt vtt",
      "sample/sources/union-statement.md md",
    ]);
    // Speakers were attributed at ingest, per document.
    const q = await db.pool.query(
      `SELECT q.speaker_name, q.basis FROM verbatim.quotation q JOIN verbatim.document d ON d.id = q.document_id
       WHERE d.key = 'sample/sources/harbour-strike-day-one.txt' AND substr(d.body, q.start_offset + 1, 24) = 'Nobody walks away from a'`,
    );
    assert.deepEqual(q.rows, [{ speaker_name: "Samir Haddad", basis: "cue" }]);
    const status = await archiveStatus(db.pool);
    assert.equal(status.documents, 9);
    assert.ok(status.quotations > 20 && status.attributedQuotations > 15, JSON.stringify(status));
    assert.equal(status.lastIngest?.status, "finished");
    assert.equal(status.lastIngest?.added, 9);
  });

  it("skips unchanged files and replaces changed ones (by content hash)", async () => {
    const again = await ingest(db.pool, [path.join(SAMPLE, "sources")], { base: ROOT });
    assert.deepEqual([again.added, again.replaced, again.unchanged], [0, 0, 9]);
    // A copy of the sources with one file changed, under another key.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-archive-"));
    try {
      fs.cpSync(path.join(SAMPLE, "sources"), path.join(dir, "wire"), { recursive: true });
      const first = await ingest(db.pool, [path.join(dir, "wire")], { base: dir });
      assert.deepEqual([first.added, first.replaced, first.unchanged], [9, 0, 0]);
      fs.appendFileSync(path.join(dir, "wire", "mayor-briefing.txt"), '\n\n"We will publish every figure by Friday," said Elena Brandt.\n');
      const second = await ingest(db.pool, [path.join(dir, "wire")], { base: dir });
      assert.deepEqual([second.added, second.replaced, second.unchanged], [0, 1, 8]);
      const n = await db.pool.query(`SELECT count(*)::int AS n FROM verbatim.document WHERE key = 'wire/mayor-briefing.txt'`);
      assert.equal(n.rows[0].n, 1);
      assert.equal(await removeDocuments(db.pool, [path.join(dir, "wire")], dir), 9);
      assert.equal((await archiveStatus(db.pool)).documents, 9);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives a draft the same verdicts, speakers and sources against the archive alone as against the local folder", async () => {
    const local = new QuoteChecker(await readFolder(path.join(SAMPLE, "sources"), (f) => path.relative(ROOT, f)), { aliases: { HDU: "Harbour and Dockworkers Union" } });
    const expected = table(local.check([draft()]));
    const archived = table(await checkWithArchive(new QuoteChecker([]), [draft()], store));
    assert.deepEqual(archived, expected);
    assert.deepEqual(warnings, []);
  });

  it("names archive passages as archive documents, with their metadata", async () => {
    const [report] = await checkWithArchive(new QuoteChecker([]), [draft()], store);
    const c = report.checks.find((x) => x.text.startsWith("Nobody walks away"))!;
    assert.equal(c.source?.document.path, "archive:sample/sources/harbour-strike-day-one.txt");
    assert.equal(c.source?.documentIndex, -1);
    assert.deepEqual(archiveDocumentInfo(c.source!.document), {
      key: "sample/sources/harbour-strike-day-one.txt",
      format: "txt",
      title: "Dockworkers walk out at Northgate as talks over night shifts collapse",
      outlet: "Harbour Press Agency",
      date: "2025-03-11",
      url: "https://harbourpress.example/2025/03/11/dockworkers-walk-out-at-northgate",
      authors: ["Tom Reyes"],
    });
    assert.equal(c.findings[0].message, "Misattributed: attributed to Dana Whitfield, but harbour-strike-day-one.txt attributes these words to Samir Haddad");
    // The engine's own metadata, so reports, hovers and citations show the outlet, date and link.
    assert.deepEqual(c.source!.document.metadata, {
      title: "Dockworkers walk out at Northgate as talks over night shifts collapse",
      outlet: "Harbour Press Agency",
      authors: ["Tom Reyes"],
      date: "2025-03-11",
      url: "https://harbourpress.example/2025/03/11/dockworkers-walk-out-at-northgate",
    });
    const json = reportJson([report]).files[0].quotes.find((q) => q.text.startsWith("Nobody walks away"))!;
    assert.equal(json.source?.file, "archive:sample/sources/harbour-strike-day-one.txt");
    assert.equal(json.source?.outlet, "Harbour Press Agency");
  });

  it("prefers local sources when both have the passage", async () => {
    const localSources = await readFolder(path.join(SAMPLE, "sources"), (f) => path.relative(ROOT, f));
    const [report] = await checkWithArchive(new QuoteChecker(localSources, { aliases: { HDU: "Harbour and Dockworkers Union" } }), [draft()], store);
    for (const c of report.checks) if (c.source) assert.ok(!c.source.document.path.startsWith("archive:"), `${c.text}: ${c.source.document.path}`);
    // The archive's copies corroborate.
    const c = report.checks.find((x) => x.text.startsWith("Nobody walks away"))!;
    assert.ok(c.corroboration.some((p) => p.document.path === "archive:sample/sources/harbour-strike-day-one.txt"));
  });

  it("finds in the archive what the local folder lacks", async () => {
    const only = (await readFolder(path.join(SAMPLE, "sources"), (f) => path.relative(ROOT, f))).filter((s) => !s.path.endsWith("mayor-briefing.txt"));
    const [withArchive] = await checkWithArchive(new QuoteChecker(only), [draft()], store);
    const c = withArchive.checks.find((x) => x.text.startsWith("I am asking both sides"))!;
    assert.equal(c.verdict, "verified");
    assert.equal(c.source?.document.path, "archive:sample/sources/mayor-briefing.txt");
    assert.equal(c.source?.sourceQuote?.speaker?.name, "Elena Brandt");
  });

  it("looks a whole draft up in one statement, and not again while its documents are held", async () => {
    const fresh = new ArchiveStore(checkArchiveUrl(db.url, "command line"));
    try {
      const words = draftQuoteWords([draft()]);
      assert.ok(words.length >= 5, `${words.length} quotations`);
      const first = await fresh.lookup(words);
      // The archive's common keys (read once), then candidates and documents in one statement.
      assert.equal(fresh.spent.statements, 2);
      assert.ok(first.documentCount >= 3, `${first.documentCount} documents`);
      const second = await fresh.lookup(words);
      assert.equal(fresh.spent.statements, 2, "asked lately, documents held: no statement");
      assert.equal(second.documentCount, first.documentCount);
      // A found passage is placed in the same whole document by both look-ups.
      const w = words.find((x) => first.passagesFor(x).length > 0)!;
      assert.equal(second.passagesFor(w)[0].document, first.passagesFor(w)[0].document);
      assert.equal(second.passagesFor(w)[0].windowStart, first.passagesFor(w)[0].windowStart);
    } finally {
      await fresh.close();
    }
  });

  it("keeps a checker's connection open between look-ups (ten minutes by default), closing it only after its idle time", async () => {
    assert.equal(CHECK_IDLE_MS, 600_000);
    // The checkers' backends (by when each started) other than those open before.
    const others = new Set<string>();
    // (keyed by process id and the start to the microsecond: a Date's string is to the second, and
    // another test's checker connection, kept ten minutes, may have started in the same second)
    const backends = async () => (await db.pool.query(`SELECT pid::text || ' ' || backend_start::text AS id FROM pg_stat_activity WHERE application_name = 'verbatim check'`)).rows.map((r) => String(r.id)).filter((b) => !others.has(b));
    for (const b of await backends()) others.add(b);
    const words = draftQuoteWords([draft()]);
    // (an idle time long enough that a loaded machine still sees the connection before it goes)
    const brief = new ArchiveStore(checkArchiveUrl(db.url, "command line"), { reuseMs: 0, idleMs: 3000 });
    try {
      await brief.lookup(words);
      assert.equal((await backends()).length, 1);
      await new Promise((r) => setTimeout(r, 6000));
      assert.deepEqual(await backends(), [], "a short idle time lets the connection go");
    } finally {
      await brief.close();
    }
    const held = new ArchiveStore(checkArchiveUrl(db.url, "command line"), { reuseMs: 0 });
    try {
      await held.lookup(words);
      const before = await backends();
      assert.equal(before.length, 1);
      await new Promise((r) => setTimeout(r, 1000));
      // The same backend: no new connection, no statement planned again.
      assert.deepEqual(await backends(), before);
      await held.lookup(words);
      assert.deepEqual(await backends(), before);
    } finally {
      await held.close();
    }
  });

  it("keys documents by their path relative to where the command runs", () => {
    assert.equal(documentKey("/srv/news/wire/a.txt", "/srv/news"), "wire/a.txt");
    assert.equal(documentKey("/elsewhere/a.txt", "/srv/news"), "/elsewhere/a.txt");
  });
});
