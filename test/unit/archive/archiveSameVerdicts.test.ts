import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { QuoteChecker } from "../../../src/core/check";
import { checkArchiveUrl } from "../../../src/archive/connection";
import { checkWithArchive } from "../../../src/archive/check";
import { ingest } from "../../../src/archive/ingest";
import { ArchiveStore } from "../../../src/archive/store";
import { freshArchive, readFolder, type TestArchive } from "./archiveHelpers";

/**
 * A plain-text source that reads as a transcript (labelled turns), with a quotation credited by
 * its own cue inside one turn: the turn's speaker reports someone else's words. (The planted
 * quote of `bench:archive` that the archive called misattributed at 200 MB stood in a protocol
 * document whose `C:` / `S:` lines read as turns.)
 */
const TRANSCRIPT = [
  "MARA OKONJO: I spent the morning at the tram depot on Quillon Street, where the drivers gather before the early shift.",
  "",
  "When I asked them about the new rota, one of them put it plainly.",
  "",
  '"Nobody on the night shift was asked before the timetable was changed," said Tobias Frenn.',
  "",
  "That is what we heard all morning from the drivers at the depot.",
  "PAVEL RUSK: And did the transport board answer them before the rota started?",
  "MARA OKONJO: Not yet. The board promised a written reply to every driver by the end of the month.",
  "PAVEL RUSK: Thank you for the report from the depot this morning.",
  "",
].join("\n");

const DRAFT = {
  path: "draft.md",
  text: [
    "“Nobody on the night shift was asked before the timetable was changed,” said Tobias Frenn.",
    "",
    "“The board promised a written reply to every driver by the end of the month,” said Mara Okonjo.",
    "",
    "“Nobody on the night shift was asked before the timetable was changed,” said Pavel Rusk.",
    "",
  ].join("\n"),
};

type Row = [string, string | undefined, string, string | undefined];
const rows = (report: Awaited<ReturnType<typeof checkWithArchive>>[number]): Row[] =>
  report.checks.map((c) => [c.text.slice(0, 30), c.speaker?.name, c.verdict, c.source?.sourceQuote?.speaker?.name]);

describe("archive: the same verdicts as the in-memory engine on the same sources", function () {
  this.timeout(120000);
  let db: TestArchive;
  let dir: string;
  let store: ArchiveStore;

  before(async () => {
    db = await freshArchive("same");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-same-"));
    fs.mkdirSync(path.join(dir, "wire"));
    fs.writeFileSync(path.join(dir, "wire", "depot-report.txt"), TRANSCRIPT);
    await ingest(db.pool, [path.join(dir, "wire")], { base: dir });
    store = new ArchiveStore(checkArchiveUrl(db.url, "command line"));
  });
  after(async () => {
    await store?.close();
    await db?.pool.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a quotation with its own cue inside a transcript turn is its cued speaker's, in memory and in the archive", async () => {
    const sources = await readFolder(path.join(dir, "wire"));
    // The file reads as a transcript: its turns are quotations of their labelled speakers.
    assert.equal(sources[0].utterances?.length, 4);
    const [memory] = new QuoteChecker(sources).check([DRAFT]);
    const [archived] = await checkWithArchive(new QuoteChecker([]), [DRAFT], store);
    const expected: Row[] = [
      ["Nobody on the night shift was ", "Tobias Frenn", "verified", "Tobias Frenn"],
      ["The board promised a written r", "Mara Okonjo", "verified", "Mara Okonjo"],
      ["Nobody on the night shift was ", "Pavel Rusk", "misattributed", "Tobias Frenn"],
    ];
    assert.deepEqual(rows(memory), expected);
    assert.deepEqual(rows(archived), expected);
    assert.equal(archived.checks[0].source?.document.path, "archive:wire/depot-report.txt");
  });
});

/**
 * A quotation reprinted word for word in more documents than a look-up's usual eight, only the
 * last one added (the highest id: the one a cut by id drops) crediting the draft's speaker.
 */
const REPRINT = (speaker: string, role: string) =>
  `Ferry crews gathered at the slipway on Monday morning.\n\n"The night crossing will run every day through the storm season," said ${speaker}, ${role}.\n\nThe first boat leaves at six.\n`;
const REPRINT_DRAFT = (speaker: string) => ({ path: "draft.md", text: `“The night crossing will run every day through the storm season,” ${speaker} said on Monday.\n` });

describe("archive: every document printing a quotation as well as the best one is compared, as in memory", function () {
  this.timeout(120000);
  let db: TestArchive;
  let dir: string;
  let store: ArchiveStore;

  before(async () => {
    db = await freshArchive("reprints");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-reprints-"));
    fs.mkdirSync(path.join(dir, "wire"));
    for (let i = 1; i <= 11; i++) fs.writeFileSync(path.join(dir, "wire", `ferry-${String(i).padStart(2, "0")}.txt`), REPRINT("Ilse Marrow", "the ferry company's director"));
    fs.writeFileSync(path.join(dir, "wire", "ferry-12.txt"), REPRINT("Ruben Tasker", "the crews' union steward"));
    await ingest(db.pool, [path.join(dir, "wire")], { base: dir });
    store = new ArchiveStore(checkArchiveUrl(db.url, "command line"));
  });
  after(async () => {
    await store?.close();
    await db?.pool.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a reprint crediting the draft's speaker is not cut, whatever its id: verified, as in memory; a third person is still misattributed", async () => {
    // The crediting reprint is the one added last: the highest id.
    const ids = await db.pool.query(`SELECT key FROM verbatim.document ORDER BY id DESC LIMIT 1`);
    assert.equal(ids.rows[0].key, "wire/ferry-12.txt");
    const sources = await readFolder(path.join(dir, "wire"));
    for (const [speaker, verdict, credited] of [
      ["Ruben Tasker", "verified", "Ruben Tasker"],
      ["Ilse Marrow", "verified", "Ilse Marrow"],
      ["Tomas Veld", "misattributed", undefined],
    ] as const) {
      const draft = REPRINT_DRAFT(speaker);
      const [memory] = new QuoteChecker(sources).check([draft]);
      const [archived] = await checkWithArchive(new QuoteChecker([]), [draft], store);
      assert.equal(memory.checks.length, 1);
      assert.equal(archived.checks.length, 1);
      assert.equal(memory.checks[0].verdict, verdict, `memory, ${speaker}`);
      assert.equal(archived.checks[0].verdict, verdict, `archive, ${speaker}`);
      if (credited) {
        assert.equal(memory.checks[0].source?.sourceQuote?.speaker?.name, credited);
        assert.equal(archived.checks[0].source?.sourceQuote?.speaker?.name, credited);
      }
    }
  });
});
