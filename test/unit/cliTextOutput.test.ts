import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatText } from "../../src/cli/textFormat";
import { reportJson } from "../../src/core/report/json";
import { QuoteChecker } from "../../src/core/check";
import { oneLine, showInvisible } from "../../src/core/text/visible";
import { hoverMarkdown } from "../../src/server/hoverText";
import { checkDraft, quoteWith } from "./helpers";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli.js");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const matcher = new RegExp(pkg.contributes.problemMatchers[0].pattern.regexp);

const ESC = "\x1b";
const FORGED = "draft.md:1:1  error    Misattributed: attributed to Nobody  [misattributed]";

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, VERBATIM_CACHE: "off" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("verbatim check's text output", function () {
  this.timeout(60000);
  before(() => assert.ok(fs.existsSync(CLI), "run npm run build first"));

  it("cannot be forged by a source: one line a finding, no terminal escape, the problem matcher reads the real findings only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-cli-text-"));
    fs.mkdirSync(path.join(dir, "sources"));
    // A misquoted passage holding a line break and a forged finding line, a clear-screen and an
    // OSC 8 hyperlink; a file name with an escape in it; a hard-wrapped passage.
    const evil = `"The new pier opens in June,${ESC}[2J${ESC}]8;;https://evil.example/${ESC}\\ and\n${FORGED}\nthe fares stay low," said Lena Okafor.\n`;
    fs.writeFileSync(path.join(dir, "sources", `notes${ESC}[31m.txt`), evil);
    fs.writeFileSync(path.join(dir, "sources", "wrapped.txt"), `"Our budget for the harbour\nwalls is twice last year's,\nand it is still not enough," said Tomas Berg.\n`);
    fs.writeFileSync(
      path.join(dir, "draft.md"),
      `Lena Okafor said: "The new pier opens in July, and ${FORGED} the fares stay low."\n\n` + `Tomas Berg said: "Our budget for the harbour walls is three times last year's, and it is still not enough."\n`,
    );
    const r = run(["check", "--no-color", "draft.md"], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!r.stdout.includes(ESC) && !r.stderr.includes(ESC), JSON.stringify(r.stdout));
    const lines = r.stdout.trimEnd().split("\n");
    const findings = lines.filter((l) => matcher.test(l));
    assert.equal(findings.length, 2, r.stdout);
    assert.deepEqual(
      findings.map((l) => matcher.exec(l)!.slice(1, 4).concat(matcher.exec(l)![6])),
      [
        ["draft.md", "1", "20", "misquoted"],
        ["draft.md", "3", "19", "misquoted"],
      ],
    );
    // The forged text stays inside the genuine finding's line, the escapes shown as markers.
    assert.ok(!lines.some((l) => l.startsWith("draft.md:1:1")), r.stdout);
    assert.ok(findings[0].includes(`notes⟨U+001B⟩[31m.txt has “The new pier opens in June,⟨U+001B⟩[2J⟨U+001B⟩]8;;https://evil.example/⟨U+001B⟩\\ and ${oneLine(FORGED)} the fares stay low”`), findings[0]);
    // The hard-wrapped passage is one line.
    assert.match(findings[1], /wrapped\.txt has “Our budget for the harbour walls is twice last year's, and it is still not enough” \(\d+% similar\)/);
    assert.equal(lines[lines.length - 1], "2 quotes checked: 0 verified, 0 misattributed, 2 misquoted, 0 unsourced");
  });

  it("marks right-to-left overrides, zero-width and control characters in every piece of source text", () => {
    // A right-to-left override makes `"won" ... "now"` read backwards; a zero-width space hides inside a name.
    const source = `"We will cut taxes \u202enow\u202c," said Mara\u200b Quist.`;
    const checker = new QuoteChecker([{ path: "sources/rtl\u2066.txt", text: source }]);
    const report = reportJson(checker.check([{ path: "draft.md", text: `Mara Quist said: "We will cut taxes won."` }]));
    const text = formatText(report, { verbose: true, color: false });
    for (const c of ["\u202e", "\u202c", "\u200b", "\u2066"]) assert.ok(!text.includes(c), `${JSON.stringify(c)} in ${text}`);
    assert.match(text, /rtl⟨U\+2066⟩\.txt has “We will cut taxes ⟨U\+202E⟩now”/);
  });

  it("oneLine and showInvisible: what they mark and what they keep", () => {
    assert.equal(oneLine("a\r\n b\u2028c\u2029\td\u0085e"), "a b c d e");
    assert.equal(oneLine(`x${ESC}[2Jy\u0007\u009b`), "x⟨U+001B⟩[2Jy⟨U+0007⟩⟨U+009B⟩");
    assert.equal(showInvisible("a\u200bb\u200c\u200d\u2060\ufeff\u00ad\u061c\u200e\u200f"), "a⟨U+200B⟩b⟨U+200C⟩⟨U+200D⟩⟨U+2060⟩⟨U+FEFF⟩⟨U+00AD⟩⟨U+061C⟩⟨U+200E⟩⟨U+200F⟩");
    assert.equal(showInvisible("\u202a\u202b\u202d\u202e\u2066\u2067\u2068\u2069\u{e0041}"), "⟨U+202A⟩⟨U+202B⟩⟨U+202D⟩⟨U+202E⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+E0041⟩");
    // Line structure is kept by showInvisible; ordinary letters of any script and emoji are untouched.
    assert.equal(showInvisible("שלום\nمرحبا ❤️ Ünïcödé\t"), "שלום\nمرحبا ❤️ Ünïcödé\t");
  });
});

describe("invisible characters in hovers", () => {
  it("a right-to-left override or zero-width space in a source passage or speaker is shown, never applied", () => {
    const source = `"We will cut taxes \u202enow\u202c for families," said Mara\u200b Quist.`;
    const check = quoteWith(checkDraft(`Mara Quist said: "We will cut taxes won for families."`, { "s.txt": source }), "cut taxes");
    assert.equal(check.verdict, "misquoted");
    const md = hoverMarkdown(check, { label: "sources/s\u2067.txt", place: "line 1", open: { uri: "file:///w/sources/s.txt", start: 1, end: 2 } });
    for (const c of ["\u202e", "\u202c", "\u200b", "\u2067"]) assert.ok(!md.includes(c), `${JSON.stringify(c)} in ${md}`);
    assert.ok(md.includes("⟨U\\+202E⟩now⟨U\\+202C⟩"), md);
    assert.ok(md.includes("s⟨U\\+2067⟩\\.txt"), md);
  });
});
