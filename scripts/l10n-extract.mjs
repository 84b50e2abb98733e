#!/usr/bin/env node
// Collects the extension's user-visible messages — every string literal passed to `t("…")` or
// `l10n.t("…")` in src/extension/, src/server/ (the language server translates what it sends) and
// src/core/findings.ts (the finding messages) — into l10n/bundle.l10n.json (English, keyed by itself).
// With --check it writes nothing and fails (exit 1) when that bundle is out of date, when a
// translation (l10n/bundle.l10n.<locale>.json) misses or has extra messages or placeholders, or
// when a package.nls.<locale>.json does not match package.nls.json and the %keys% of package.json.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCES = ["src/extension", "src/server", "src/core/findings.ts"].map((p) => path.join(ROOT, p));
const BUNDLE = path.join(ROOT, "l10n/bundle.l10n.json");

function messages() {
  const found = new Set();
  const files = SOURCES.flatMap((p) => (p.endsWith(".ts") ? [p] : fs.readdirSync(p).filter((f) => f.endsWith(".ts")).sort().map((f) => path.join(p, f))));
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/\bt\(\s*("(?:[^"\\\n]|\\.)*")/g)) found.add(JSON.parse(m[1]));
  }
  return Object.fromEntries([...found].sort().map((m) => [m, m]));
}

const placeholders = (s) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join(",");
const problems = [];

function compare(what, expected, actual, samePlaceholders) {
  for (const k of Object.keys(expected)) {
    if (!(k in actual)) problems.push(`${what}: missing ${JSON.stringify(k)}`);
    else if (samePlaceholders && placeholders(expected[k]) !== placeholders(actual[k])) problems.push(`${what}: placeholders differ for ${JSON.stringify(k)}`);
  }
  for (const k of Object.keys(actual)) if (!(k in expected)) problems.push(`${what}: unknown key ${JSON.stringify(k)}`);
}

const bundle = messages();
const read = (f) => JSON.parse(fs.readFileSync(f, "utf8"));
if (!process.argv.includes("--check")) {
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  fs.writeFileSync(BUNDLE, JSON.stringify(bundle, null, 2) + "\n");
  console.log(`l10n: ${Object.keys(bundle).length} messages written to ${path.relative(ROOT, BUNDLE)}`);
} else {
  compare("l10n/bundle.l10n.json (run node scripts/l10n-extract.mjs)", bundle, fs.existsSync(BUNDLE) ? read(BUNDLE) : {}, true);
}
for (const f of fs.readdirSync(path.join(ROOT, "l10n")).filter((f) => /^bundle\.l10n\.[\w-]+\.json$/.test(f)))
  compare(`l10n/${f}`, bundle, read(path.join(ROOT, "l10n", f)), true);

const nls = read(path.join(ROOT, "package.nls.json"));
const used = new Set([...fs.readFileSync(path.join(ROOT, "package.json"), "utf8").matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
for (const k of used) if (!(k in nls)) problems.push(`package.nls.json: missing ${k} (used in package.json)`);
for (const k of Object.keys(nls)) if (!used.has(k)) problems.push(`package.nls.json: ${k} is not used in package.json`);
for (const f of fs.readdirSync(ROOT).filter((f) => /^package\.nls\.[\w-]+\.json$/.test(f))) compare(f, nls, read(path.join(ROOT, f)), false);

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
if (process.argv.includes("--check")) console.log("l10n: bundles and package.nls files are complete");
