import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("editorial CI and localisation contributions", () => {
  it("the problem matcher reads every finding line of `verbatim check` and nothing else (not the indented source lines)", () => {
    const [matcher] = pkg.contributes.problemMatchers;
    assert.equal(matcher.name, "verbatim");
    const re = new RegExp(matcher.pattern.regexp);
    const r = spawnSync(process.execPath, [path.join(ROOT, "dist/cli.js"), "check", "--no-color", "sample/drafts/harbour-strike.md"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trim().split("\n");
    const matched = lines.map((l) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    const sourceLines = lines.filter((l) => l.startsWith("    source: "));
    assert.ok(sourceLines.length > 0, "findings name their sources");
    for (const l of sourceLines) assert.equal(re.exec(l), null, l);
    assert.equal(matched.length, lines.length - 1 - sourceLines.length, "every line but the summary and the source lines is a finding");
    const [first] = matched;
    const p = matcher.pattern;
    assert.equal(first[p.file], "sample/drafts/harbour-strike.md");
    assert.equal(first[p.line], "9");
    assert.equal(first[p.column], "2");
    assert.equal(first[p.severity], "error");
    assert.match(first[p.message], /^Misattributed: attributed to Dana Whitfield/);
    assert.equal(first[p.code], "misattributed");
    assert.deepEqual([...new Set(matched.map((m) => m[p.severity]))].sort(), ["error", "info", "warning"]);
  });

  it("every message and %key% has an English and a German text with the same placeholders", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/l10n-extract.mjs"), "--check"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(pkg.l10n, "./l10n");
    for (const f of ["package.nls.json", "package.nls.de.json", "l10n/bundle.l10n.json", "l10n/bundle.l10n.de.json"]) assert.ok(fs.existsSync(path.join(ROOT, f)), f);
  });

  it("the files the contributions name exist", () => {
    const c = pkg.contributes;
    const files = [c.viewsContainers.activitybar[0].icon, c.jsonValidation[0].url, ...c.walkthroughs[0].steps.map((s: { media: { image?: string; markdown?: string } }) => s.media.image ?? s.media.markdown)];
    for (const f of files) assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} exists`);
  });
});
