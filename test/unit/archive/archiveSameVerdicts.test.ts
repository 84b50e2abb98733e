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
