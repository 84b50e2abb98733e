import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");

/** The bundled sample (every source format) gives exactly the verdicts the README promises. */
describe("the sample workspace", function () {
  this.timeout(60000);

  it("shows each confusion in the draft and nothing else", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "check", "--format", "json", "sample/drafts/harbour-strike.md"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 1, r.stderr);
    const quotes = JSON.parse(r.stdout).files[0].quotes as { text: string; speaker: string | null; verdict: string; source: { file: string; speaker: string | null; region: string | null } | null }[];
    const table = quotes.map((q) => [q.text.slice(0, 24), q.speaker, q.verdict, q.source ? path.basename(q.source.file) : null, q.source?.speaker ?? null, q.source?.region ?? null]);
    assert.deepEqual(table, [
      ["We put a fair offer on t", "Dana Whitfield", "verified", "harbour-strike-day-one.txt", "Dana Whitfield", null],
      ["Nobody walks away from a", "Dana Whitfield", "misattributed", "harbour-strike-day-one.txt", "Samir Haddad", null],
      ["four nights in a row wit", "Samir Haddad", "misquoted", "harbour-strike-day-one.txt", "Samir Haddad", null],
      ["Our members are not aski", "Samir Haddad", "verified", "union-statement.md", "Samir Haddad", null],
      ["They are asking to see t", "Samir Haddad", "verified", "union-statement.md", "Samir Haddad", null],
      ["I am asking both sides t", "Elena Brandt", "verified", "mayor-briefing.txt", "Elena Brandt", null],
      ["never accept contract cr", "Samir Haddad", "unsourced", null, null, null],
      ["strike fund", null, "verified", "harbour-strike-day-one.txt", null, null],
      ["as long as the hardship ", "Samir Haddad", "verified", "haddad-interview-transcript.txt", "Samir Haddad", null],
      ["in the city chambers tom", "Elena Brandt", "verified", "quayside-press-conference.vtt", "Elena Brandt", "00:00:07"],
      ["I cannot promise more th", "Dana Whitfield", "misquoted", "quayside-press-conference.vtt", "Dana Whitfield", "00:01:44"],
      ["Ships are already turnin", "Owen Price", "misattributed", "northgate-ports-statement.pdf", "Dana Whitfield", "page 1"],
      ["Forty shops on the quay ", "Ruth Okonjo", "verified", "council-emergency-session.docx", "Ruth Okonjo", null],
      ["Every day the cranes sta", "Dana Whitfield", "misattributed", "mayor-briefing.txt", "Elena Brandt", null],
    ]);
  });
});
