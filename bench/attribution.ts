/**
 * `npm run bench:attribution [-- [--hash] FOLDER]`: how fast speakers are read, as a check or an
 * archive ingest waits for them. Reads the .txt/.md files of FOLDER (default: the bundled sample's sources
 * and the test news stories), then prints (1) document preparation and attribution time over the
 * whole set, in MB/s, and (2) the time per MB of one document made of the set's texts joined, at
 * three sizes — the ratio stays flat when attribution is linear in the document. Times are CPU
 * time of this process, so a busy machine skews them less. With --hash it prints instead one
 * SHA-256 of every document's prepared tokens, sentences and quotations and of every attributed
 * quote (speaker, confidence, how, ranges, candidates): a speed change must leave it unchanged.
 * Not part of CI.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { prepareDocument } from "../src/core/document/document";
import { attributeDocument } from "../src/core/speakers/attribute";
import type { Entity } from "../src/core/speakers/entity";

const root = path.join(__dirname, "..", "..");
const args = process.argv.slice(2).filter((a) => a !== "--hash");
const hashOnly = process.argv.includes("--hash");
const folders = args.length ? args : [path.join(root, "sample", "sources"), path.join(root, "test", "fixtures", "news")];
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

if (hashOnly) {
  const entity = (e: Entity | undefined) => e && [e.id, e.kind, e.name, e.given, e.surname, e.role, e.roleText, e.organization?.name, e.gender, e.orgType, [...e.aliases].sort(), e.roles && [...e.roles].sort()];
  const hash = createHash("sha256");
  let quotes = 0;
  for (let i = 0; i < texts.length; i++) {
    const doc = prepareDocument(`d${i}.txt`, texts[i]);
    hash.update(JSON.stringify([doc.paragraphs, doc.sentences, doc.tokens, [...doc.tokenParagraph], [...doc.tokenSentence], [...doc.tokenQuoted], doc.quotes]));
    const res = attributeDocument(doc);
    for (const q of res.quotes) {
      quotes++;
      const m = q.speakerMention;
      hash.update(JSON.stringify([q.start, q.end, q.pieces, q.form, q.basis, q.cueVerb, q.confidence, q.trace, q.wordCount, q.scare, entity(q.speaker), m && [m.start, m.end, m.text, m.phrase], entity(q.relayed), q.candidates?.map(entity)]));
    }
    hash.update(JSON.stringify(res.entities.map(entity)));
  }
  console.log(`${texts.length} documents, ${mb(bytes)} MB, ${quotes} quotations: sha256 ${hash.digest("hex")}`);
  process.exit(0);
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
console.log(`prepareDocument    ${prepMs.toFixed(0)} CPU ms  ${(bytes / 1e6 / (prepMs / 1000)).toFixed(2)} MB per CPU-second`);
console.log(`attributeDocument  ${attrMs.toFixed(0)} CPU ms  ${(bytes / 1e6 / (attrMs / 1000)).toFixed(2)} MB per CPU-second`);
console.log(`both               ${(prepMs + attrMs).toFixed(0)} CPU ms  ${(bytes / 1e6 / ((prepMs + attrMs) / 1000)).toFixed(2)} MB per CPU-second (load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})`);

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
