#!/usr/bin/env node
// Speaker attribution on invented copy in many news styles (test/fixtures/batteries; all names,
// places and sentences invented): how often the checker names the right speaker, and how often a
// wrong one at each confidence. A measurement, like the benchmarks — not part of `npm test`.
//
// Layout:  batteries/<style>.jsonl      one expectation per line:
//            {"file":"a1.md","quote":"snippet of the quote text","speaker":"Okonjo"}
//            speaker: expected surname (or "A|B" alternatives), or "none"
//          batteries/<style>/<file>.md   the invented articles
//
// Usage: node run.mjs [--cli PATH] [--json OUT] [--quiet] [style ...]
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
let jsonOut = null;
let quiet = false;
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--cli') cli = args[++i];
  else if (args[i] === '--json') jsonOut = args[++i];
  else if (args[i] === '--quiet') quiet = true;
  else only.push(args[i]);
}
const bdir = join(here, '..', 'test', 'fixtures', 'batteries');
// (a placeholder source folder: only the speakers are read)
const sdir = mkdtempSync(join(tmpdir(), 'verbatim-batteries-'));
writeFileSync(join(sdir, 'placeholder.txt'), 'placeholder\n');
const styles = readdirSync(bdir).filter(f => f.endsWith('.jsonl')).map(f => f.slice(0, -6))
  .filter(s => only.length === 0 || only.includes(s)).sort();

const norm = s => s.replace(/[\u2018\u2019\u201a\u201b`\u00b4]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
  .replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
const strip = s => norm(s).replace(/^['"\s]+|['"\s.,;:!?]+$/g, '');

const CATS = ['right', 'wrong-high', 'wrong-medium', 'wrong-low', 'none-when-expected', 'spurious', 'missed'];
const total = Object.fromEntries(CATS.map(c => [c, 0]));
const allFailures = [];
const rows = [];

for (const style of styles) {
  const exps = readFileSync(join(bdir, style + '.jsonl'), 'utf8').split('\n')
    .filter(l => l.trim() && !l.trim().startsWith('//')).map(l => JSON.parse(l));
  const files = [...new Set(exps.map(e => e.file))];
  const paths = files.map(f => join(bdir, style, f));
  for (const p of paths) if (!existsSync(p)) throw new Error('missing article ' + p);
  let out;
  try {
    out = execFileSync('node', [cli, 'check', '--format', 'json', '--sources', sdir, ...paths],
      { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = e.stdout;
    if (!out) throw e;
  }
  const res = JSON.parse(out);
  const byFile = new Map();
  for (const f of res.files) {
    const base = f.file.split('/').pop();
    byFile.set(base, f.quotes || []);
  }
  const counts = Object.fromEntries(CATS.map(c => [c, 0]));
  const failures = [];
  for (const e of exps) {
    const qs = byFile.get(e.file) || [];
    const want = strip(e.quote);
    const q = qs.find(q => norm(q.text).includes(want)) || qs.find(q => want.includes(strip(q.text)) && strip(q.text).length > 12);
    const expNone = e.speaker.toLowerCase() === 'none';
    let cat;
    const spk = q ? (q.speaker || null) : null;
    const conf = q ? (q.speakerConfidence || 'none') : 'none';
    if (!q) cat = 'missed';
    else if (expNone) cat = (spk && (conf === 'high' || conf === 'medium')) ? 'spurious' : 'right';
    else if ((!spk || conf === 'none' || conf === 'low') && e.speaker.split('|').some(s => s.toLowerCase() === 'none')) cat = 'right';
    else if (!spk || conf === 'none') cat = 'none-when-expected';
    else if (e.speaker.split('|').some(s => norm(spk).includes(norm(s)))) cat = 'right';
    else cat = 'wrong-' + conf;
    counts[cat]++; total[cat]++;
    const row = { style, file: e.file, quote: e.quote, expected: e.speaker, got: spk, conf, how: q ? q.attributionHow : null, cat, note: e.note };
    rows.push(row);
    if (cat !== 'right') failures.push(row);
  }
  console.log(`${style.padEnd(14)} n=${String(exps.length).padStart(3)}  ` + CATS.map(c => `${c}=${counts[c]}`).join('  '));
  if (!quiet) for (const f of failures) {
    console.log(`   [${f.cat}] ${f.file}: "${f.quote}" expected=${f.expected} got=${f.got ?? '-'} (${f.conf}) ${f.how ? JSON.stringify(f.how) : ''}${f.note ? '  // ' + f.note : ''}`);
  }
  allFailures.push(...failures);
}
const n = Object.values(total).reduce((a, b) => a + b, 0);
console.log(`${'TOTAL'.padEnd(14)} n=${String(n).padStart(3)}  ` + CATS.map(c => `${c}=${total[c]}`).join('  '));
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 1));
rmSync(sdir, { recursive: true, force: true });
