import { strict as assert } from "node:assert";
import Ajv from "ajv-draft-04";
// The published SARIF 2.1.0 schema (rtm.5), copied into the fixtures: no package needed for it.
import schema from "../fixtures/sarif-2.1.0-rtm.5.json";
import { reportJson } from "../../src/core/report/json";
import { pathUri, reportSarif } from "../../src/core/report/sarif";
import { QuoteChecker } from "../../src/core/check";

const SOURCE = `"The ferry will run every hour from May," transport chief Ines Baptiste said.\n\n"We will not raise fares," a spokeswoman for Lisport Ferries said.`;
const DRAFT = `# Ferries\n\nMarc Leroy said: "The ferry will run every hour from May."\n\nLisport Ferries said: "We will not raise fares this decade."\n\nBaptiste said: "Nobody has ever said anything like this about the ferries."\n`;

describe("SARIF output", () => {
  const checker = new QuoteChecker([{ path: "sources/ferry.txt", text: SOURCE }]);
  const report = reportJson(checker.check([{ path: "drafts/ferries.md", text: DRAFT }]));
  const log = reportSarif(report, { toolVersion: "0.1.0" });

  it("is valid against the SARIF 2.1.0 schema", () => {
    // The published schema has a pattern that is not valid in Unicode mode. Its "uri" and
    // "date-time" formats are not checked (ajv knows none without ajv-formats), so say so up front
    // rather than have ajv warn about each one.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
    const validate = ajv.compile(schema as object);
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
    // The validator does reject what is not SARIF.
    assert.equal(validate({ ...log, version: "2.0" }), false);
    assert.equal(validate({ ...log, runs: [{ results: [] }] }), false);
  });

  it("has one rule per finding kind and one result per finding, located in the draft", () => {
    const run = log.runs[0];
    assert.deepEqual(run.tool.driver.rules?.map((r) => r.id), ["misattributed", "misquoted", "unsourced", "speaker-unclear"]);
    assert.deepEqual(run.results?.map((r) => r.ruleId), ["misattributed", "misquoted", "unsourced"]);
    const first = run.results![0];
    assert.deepEqual(first.locations?.[0].physicalLocation?.artifactLocation?.uri, "drafts/ferries.md");
    assert.deepEqual(
      { line: first.locations?.[0].physicalLocation?.region?.startLine, column: first.locations?.[0].physicalLocation?.region?.startColumn },
      { line: 3, column: 19 },
    );
    const region = first.locations![0].physicalLocation!.region!;
    assert.equal(DRAFT.slice(region.charOffset!, region.charOffset! + region.charLength!), "The ferry will run every hour from May.");
    assert.equal(first.level, "error");
  });

  it("points at the source passage as a related location", () => {
    const related = log.runs[0].results![0].relatedLocations![0];
    assert.equal(related.physicalLocation?.artifactLocation?.uri, "sources/ferry.txt");
    assert.equal(related.physicalLocation?.region?.snippet?.text, "The ferry will run every hour from May");
    assert.match(related.message?.text ?? "", /Ines Baptiste/);
  });

  it("percent-encodes file names, so `draft #2.md` resolves to itself and not to `draft `", () => {
    const files = { draft: "drafts/draft #2.md", source: "sources/notes 100%?:[1].txt" };
    const c = new QuoteChecker([{ path: files.source, text: SOURCE }]);
    const sarif = reportSarif(reportJson(c.check([{ path: files.draft, text: DRAFT }])), { toolVersion: "0.1.0" });
    const result = sarif.runs[0].results![0];
    const draft = result.locations![0].physicalLocation!.artifactLocation!;
    const source = result.relatedLocations![0].physicalLocation!.artifactLocation!;
    assert.deepEqual(draft, { uri: "drafts/draft%20%232.md", uriBaseId: "%SRCROOT%" });
    assert.deepEqual(source, { uri: "sources/notes%20100%25%3F%3A%5B1%5D.txt", uriBaseId: "%SRCROOT%" });
    // What a SARIF viewer does: resolve against the base, then read the path back.
    const base = "file:///work/repo/";
    assert.equal(decodeURIComponent(new URL(draft.uri!, base).pathname), `/work/repo/${files.draft}`);
    assert.equal(decodeURIComponent(new URL(source.uri!, base).pathname), `/work/repo/${files.source}`);
  });

  it("gives an absolute path as a file: URI of its own, and Windows paths with forward slashes", () => {
    assert.equal(pathUri("/home/ana/My Drafts/draft #2.md"), "file:///home/ana/My%20Drafts/draft%20%232.md");
    assert.equal(pathUri("C:\\Users\\ana\\draft (final).md"), "file:///C:/Users/ana/draft%20%28final%29.md");
    assert.equal(pathUri("drafts\\a b.md"), "drafts/a%20b.md");
    assert.equal(new URL(pathUri("/tmp/a?b#c.md")).pathname, "/tmp/a%3Fb%23c.md");
    const c = new QuoteChecker([{ path: "/abs/sources/ferry.txt", text: SOURCE }]);
    const sarif = reportSarif(reportJson(c.check([{ path: "/abs/draft #2.md", text: DRAFT }])), { toolVersion: "0.1.0" });
    assert.deepEqual(sarif.runs[0].results![0].locations![0].physicalLocation!.artifactLocation, { uri: "file:///abs/draft%20%232.md" });
  });
});
