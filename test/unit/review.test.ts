import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { QuoteChecker } from "../../src/core/check";
import { reportJson } from "../../src/core/report/json";
import { reviewCsv, reviewMarkdown, reviewRows } from "../../src/core/report/review";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");

const SOURCE = `Pool to close for the summer\n\n"We will reopen the pool in September, once the roof is safe," said Lena Brook, the leisure manager.\n\n"Nobody will lose their job," Brook added.\n`;
const META = { title: "Pool to close for the summer", outlet: "Wexcombe Weekly", date: "2023-05-04", url: "https://weekly.example/pool" };
const DRAFT = `Lena Brook said: "We will reopen the pool in October, once the roof is safe."\n\n"Nobody will lose their job," said Sam Tarr.\n\nBrook added: "The lifeguards will help at the lido."\n`;

function report(sourceText = SOURCE, metadata: object = META, draft = DRAFT) {
  const checker = new QuoteChecker([{ path: "sources/pool.txt", text: sourceText, metadata }]);
  return reportJson(checker.check([{ path: "drafts/pool.md", text: draft }]));
}

describe("the review sheet (--format csv|markdown)", () => {
  it("lists every quote with verdict, speakers, source metadata, similarity and changed words", () => {
    const rows = reviewRows(report()).map((r) => [r.line, r.verdict, r.speaker, r.sourceSpeaker, r.sourceOutlet, r.sourceDate, r.similarity === undefined ? "" : r.similarity.toFixed(2), r.changes]);
    assert.deepEqual(rows, [
      [1, "misquoted", "Lena Brook", "Lena Brook", "Wexcombe Weekly", "2023-05-04", "0.87", "−“October”, +“September”"],
      [3, "misattributed", "Sam Tarr", "Lena Brook", "Wexcombe Weekly", "2023-05-04", "1.00", ""],
      [5, "unsourced", "Lena Brook", "", "", "", "", ""],
    ]);
  });

  it("CSV: a header, RFC 4180 quoting, CRLF", () => {
    const csv = reviewCsv(report());
    const lines = csv.split("\r\n");
    assert.equal(lines[0], "file,line,column,quote,verdict,speaker,source speaker,source file,source place,source title,source outlet,source authors,source date,source url,similarity,changed words,findings");
    assert.equal(
      lines[1],
      `drafts/pool.md,1,19,"We will reopen the pool in October, once the roof is safe.",misquoted,Lena Brook,Lena Brook,sources/pool.txt,line 3,Pool to close for the summer,Wexcombe Weekly,,2023-05-04,https://weekly.example/pool,0.867,"−“October”, +“September”","Misquoted: pool.txt has “We will reopen the pool in September, once the roof is safe” (87% similar): −“October”, +“September”"`,
    );
    assert.equal(lines.length, 5, "three quotes, a header and the final line end");
    assert.equal(lines[4], "");
  });

  it("CSV: a cell a spreadsheet would run as a formula stays text", () => {
    const hostile = { ...META, title: "=HYPERLINK(\"http://evil.example\",\"click\")", outlet: "+cmd|' /C calc'!A0" };
    const row = reviewCsv(report(SOURCE, hostile)).split("\r\n")[1];
    assert.ok(row.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), row);
    assert.ok(row.includes(`'+cmd|' /C calc'!A0`), row);
  });

  it("Markdown: a table per draft with the source credited and linked", () => {
    assert.equal(
      reviewMarkdown(report()),
      [
        "# Quote review",
        "",
        "3 quotes: 0 verified, 1 misattributed, 1 misquoted, 1 unsourced.",
        "",
        "## drafts/pool.md",
        "",
        "| Line | Quote | Verdict | Speaker | Source | Similarity | Changed words |",
        "|---:|---|---|---|---|---:|---|",
        "| 1 | “We will reopen the pool in October, once the roof is safe.” | **misquoted** | Lena Brook | Wexcombe Weekly, “Pool to close for the summer,” May 4, 2023 ([link](<https://weekly.example/pool>)) — sources/pool.txt, line 3 | 87% | −“October”, +“September” |",
        "| 3 | “Nobody will lose their job,” | **misattributed** | Sam Tarr (source: Lena Brook) | Wexcombe Weekly, “Pool to close for the summer,” May 4, 2023 ([link](<https://weekly.example/pool>)) — sources/pool.txt, line 5 | 100% |  |",
        "| 5 | “The lifeguards will help at the lido.” | **unsourced** | Lena Brook |  |  |  |",
        "",
      ].join("\n"),
    );
  });

  it("Markdown: source text never becomes markup, a table cell or a link", () => {
    const hostile = { ...META, title: "a | b [x](javascript:alert(1)) <img src=x onerror=alert(1)> *bold*", url: "javascript:alert(1)" };
    const out = reviewMarkdown(report(SOURCE, hostile));
    const row = out.split("\n").find((l) => l.startsWith("| 1 |"))!;
    assert.ok(row.includes("a \\| b \\[x\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*bold\\*"), row);
    assert.equal(row.split(/(?<!\\)\|/).length, 9, "seven cells");
    assert.ok(!/(?<!\\)\]\(javascript/.test(row), "no link to a script");
  });

  it("the CLI writes both, with the usual exit status", () => {
    assert.ok(fs.existsSync(CLI), "run npm run build first");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-review-"));
    try {
      fs.mkdirSync(path.join(dir, "sources"));
      fs.writeFileSync(path.join(dir, "sources", "pool.txt"), SOURCE);
      fs.writeFileSync(path.join(dir, "sources", "pool.txt.meta.json"), JSON.stringify(META));
      fs.writeFileSync(path.join(dir, "pool.md"), DRAFT);
      for (const format of ["csv", "markdown"]) {
        const r = spawnSync(process.execPath, [CLI, "check", "--format", format, "pool.md"], { cwd: dir, encoding: "utf8", env: { ...process.env, VERBATIM_CACHE: "off" } });
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stdout, format === "csv" ? /^file,line,column,quote,/ : /^# Quote review\n/);
        assert.ok(r.stdout.includes("Wexcombe Weekly"));
      }
      const bad = spawnSync(process.execPath, [CLI, "check", "--format", "xlsx", "pool.md"], { cwd: dir, encoding: "utf8" });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--format must be text, json, sarif, csv or markdown, not "xlsx"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
