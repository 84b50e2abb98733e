/**
 * `npm run bench:attribution [-- FOLDER]`: how fast speakers are read, as a check or an archive
 * ingest waits for them. Reads the .txt/.md files of FOLDER (default: the bundled sample's sources
 * and the test news stories), then prints (1) document preparation and attribution time over the
 * whole set, in MB/s, and (2) the time per MB of one document made of the set's texts joined, at
 * three sizes — the ratio stays flat when attribution is linear in the document. Times are CPU
 * time of this process, so a busy machine skews them less. Not part of CI.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { prepareDocument } from "../src/core/document/document";
import { attributeDocument } from "../src/core/speakers/attribute";

const root = path.join(__dirname, "..", "..");
const folders = process.argv.slice(2).length ? process.argv.slice(2) : [path.join(root, "sample", "sources"), path.join(root, "test", "fixtures", "news")];
const texts: string[] = [];
for (const folder of folders) {
  for (const name of fs.readdirSync(folder).sort()) if (/\.(txt|md)$/.test(name)) texts.push(fs.readFileSync(path.join(folder, name), "utf8"));
}
if (!texts.length) throw new Error(`no .txt or .md files in ${folders.join(", ")}`);
const mb = (s: number) => (s / 1e6).toFixed(2);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

/** CPU milliseconds of `f` (this process's user + system time): steadier than the wall clock on a busy machine. */
function timed<T>(f: () => T): [T, number] {
  const t0 = process.cpuUsage();
  const out = f();
  const d = process.cpuUsage(t0);
  return [out, (d.user + d.system) / 1000];
}

// Warm up the code paths once, then measure the whole set.
for (const t of texts.slice(0, 20)) attributeDocument(prepareDocument("w.txt", t));
let prepMs = 0;
let attrMs = 0;
let quotes = 0;
for (let i = 0; i < texts.length; i++) {
  const [doc, p] = timed(() => prepareDocument(`d${i}.txt`, texts[i]));
  const [res, a] = timed(() => attributeDocument(doc));
  prepMs += p;
  attrMs += a;
  quotes += res.quotes.length;
}
console.log(`${texts.length} documents, ${mb(bytes)} MB, ${quotes} quotations`);
console.log(`prepare   ${prepMs.toFixed(0)} ms  ${(bytes / 1e6 / (prepMs / 1000)).toFixed(2)} MB/s`);
console.log(`attribute ${attrMs.toFixed(0)} ms  ${(bytes / 1e6 / (attrMs / 1000)).toFixed(2)} MB/s`);

// One long document at growing sizes: time per MB should not grow.
// Repeated up to 1 MB when the set is small, and run once before measuring (a cold JIT would skew the first size).
let joined = texts.join("\n\n");
while (joined.length < 1e6) joined += "\n\n" + joined;
attributeDocument(prepareDocument("warm.txt", joined.slice(0, joined.length / 4)));
console.log("one document of joined texts:");
let first: number | undefined;
for (const share of [0.25, 0.5, 1]) {
  const text = joined.slice(0, Math.floor(joined.length * share));
  const doc = prepareDocument("long.txt", text);
  const [, ms] = timed(() => attributeDocument(doc));
  const perMb = ms / (Buffer.byteLength(text) / 1e6);
  first ??= perMb;
  console.log(`  ${mb(Buffer.byteLength(text))} MB  attribute ${ms.toFixed(0)} ms  ${perMb.toFixed(0)} ms/MB  ratio to smallest ${(perMb / first).toFixed(2)}`);
}
