#!/usr/bin/env node
// `npm run bench:linear [-- --all] [--shape TEXT] [--sizes 10000,100000,1000000] [--max-seconds 120]`:
// the seconds a user waits for `verbatim check` (the CLI, from process start, no saved index) on
// each adversarial input of test/fuzz/shapes.ts at each size — by default the rows of issue 10's
// table, with --all every shape — and the ratio of each size's time to the previous one (linear
// is 10 for ten times the input). Prints the machine's load average with the figures: 2 cores
// are shared here. Builds dist/ first. Not part of CI (the fuzz timing property is).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt("--sizes", "10000,100000,1000000").split(",").map(Number);
const maxSeconds = Number(opt("--max-seconds", "120"));
const filter = opt("--shape", undefined);

spawnSync(process.execPath, [join(root, "esbuild.js")], { cwd: root, stdio: "inherit" });
const shapesFile = join(root, "out", "bench", "shapes.cjs");
esbuild.buildSync({ entryPoints: [join(root, "test", "fuzz", "shapes.ts")], outfile: shapesFile, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" });
const { SHAPES, DRAFT_SOURCE_TEXT, SOURCE_DRAFT_TEXT } = await import(shapesFile);
const cli = join(root, "dist", "cli.js");
const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

const shapes = SHAPES.filter((s) => (filter ? s.name.includes(filter) : args.includes("--all") || s.issue));
const size = (n) => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} KB`);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" ");

/** One `verbatim check` of the shape at `n` characters, in a fresh folder: seconds, or undefined past the limit. */
async function timeCheck(shape, n) {
  const dir = fs.mkdtempSync(join(os.tmpdir(), "verbatim-bench-linear-"));
  try {
    fs.mkdirSync(join(dir, "sources"));
    const asDraft = shape.file === "draft.md";
    fs.writeFileSync(join(dir, "draft.md"), asDraft ? shape.make(n) : SOURCE_DRAFT_TEXT);
    // A small readable source beside a generated one: a source of no words is skipped, not an error.
    fs.writeFileSync(join(dir, "sources", "s.txt"), DRAFT_SOURCE_TEXT);
    if (!asDraft) fs.writeFileSync(join(dir, "sources", shape.file), shape.bytes ? await shape.bytes(n) : shape.make(n));
    // The CPU time too (GNU time, when installed): on a shared machine it is the figure load does not inflate.
    const timeFile = join(dir, "time.txt");
    const command = TIME ? [TIME, "-o", timeFile, "-f", "%U %S", process.execPath] : [process.execPath];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command[0], [...command.slice(1), cli, "check", "--no-color", "draft.md"], {
      cwd: dir,
      env: { ...process.env, VERBATIM_CACHE: "off", HOME: dir, XDG_CACHE_HOME: join(dir, ".cache") },
      stdio: ["ignore", "ignore", "pipe"],
      timeout: maxSeconds * 1000,
      killSignal: "SIGKILL",
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.signal) return undefined;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${shape.name} at ${size(n)}: exit ${r.status}: ${r.stderr}`);
    const cpu = TIME && fs.existsSync(timeFile) ? fs.readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number).reduce((a, b) => a + b, 0) : undefined;
    return { seconds, cpu };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`bench:linear: verbatim check end to end, no saved index: wall seconds${TIME ? " (CPU seconds)" : ""} (load average ${load()} on ${os.cpus().length} cores)\n`);
console.log(`| input | ${sizes.map(size).join(" | ")} | worst ratio (×10 input) |`);
console.log(`|---|${sizes.map(() => "---:").join("|")}|---:|`);
for (const shape of shapes) {
  const cells = [];
  for (const n of sizes) {
    const s = await timeCheck(shape, n);
    cells.push(s);
    if (s === undefined) break;
  }
  let worst = 0;
  for (let k = 1; k < cells.length; k++) if (cells[k] && cells[k - 1]) worst = Math.max(worst, cells[k].seconds / cells[k - 1].seconds);
  const shown = sizes.map((_, k) => (k < cells.length ? (cells[k] === undefined ? `> ${maxSeconds}` : `${cells[k].seconds.toFixed(2)}${cells[k].cpu !== undefined ? ` (${cells[k].cpu.toFixed(2)})` : ""}`) : "–"));
  console.log(`| ${shape.name} | ${shown.join(" | ")} | ${worst ? worst.toFixed(1) : "–"} |`);
}
console.log(`\nload average after: ${load()}`);
