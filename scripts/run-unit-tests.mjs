#!/usr/bin/env node
// Runs the compiled unit tests (out/test/unit/**/*.test.js) with mocha and ends with the plain
// summary line CI reads: `unit: N passed, N failed`. Exit status 1 when any test fails.
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Mocha from "mocha";

const root = resolve(import.meta.dirname, "..", "out", "test", "unit");
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".test.js")) files.push(p);
  }
};
walk(root);
const grep = process.argv.indexOf("--grep");
const mocha = new Mocha({ reporter: process.env.CI ? "spec" : "dot", timeout: 60000, grep: grep > 0 ? process.argv[grep + 1] : undefined });
for (const f of files) mocha.addFile(f);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes, failures: failed, pending } = runner.stats;
  console.log(`unit: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ""}`);
  process.exitCode = failures > 0 || passes === 0 ? 1 : 0;
});
