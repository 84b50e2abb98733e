/**
 * English text for the benchmark corpora, from Debian packages already installed (nothing is
 * downloaded): fortune cookies (`fortunes`), the Jargon File (`jargon-text`), the GCIDE
 * dictionary (`dict-gcide`, optional) and the manual pages under /usr/share/man (roff markup
 * stripped), then GNU info manuals and the packages' own READMEs, NEWS and changelogs under
 * /usr/share/doc. Never the evaluation set. Cut into ~8 KB "articles" and cached in bench/corpora/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

const FORTUNES = "/usr/share/games/fortunes";
const JARGON = "/usr/share/doc/jargon-text/jargon.txt.gz";
const GCIDE = "/usr/share/dictd/gcide.dict.dz";
const MAN = "/usr/share/man";
const INFO = "/usr/share/info";
const DOC = "/usr/share/doc";

export const HOW_TO_GET_TEXT = "apt-get install fortunes jargon-text dict-gcide (manual pages, info manuals and /usr/share/doc come with the system)";

function readMaybeGz(file: string): string {
  const bytes = fs.readFileSync(file);
  return (file.endsWith(".gz") || file.endsWith(".dz") ? zlib.gunzipSync(bytes) : bytes).toString("utf8");
}

/** Roff to plain text, roughly: macros dropped (headings and font macros keep their words), escapes removed. */
export function stripRoff(roff: string): string {
  const out: string[] = [];
  for (const line of roff.split("\n")) {
    if (line.startsWith(".") || line.startsWith("'")) {
      const m = /^[.'](SH|SS|B|I|BR|IR|RB|RI|BI|IB)\s+(.*)$/.exec(line);
      if (m) out.push(m[2].replace(/"/g, ""));
      else if (/^[.'](PP|P|LP|TP|IP|sp|br)\b/.test(line)) out.push("");
      continue;
    }
    out.push(line);
  }
  return out
    .join("\n")
    .replace(/\\f(\[[^\]]*\]|\(..|.)/g, "")
    .replace(/\\\(\w\w/g, " ")
    .replace(/\\\*(\(..|\[[^\]]*\]|.)/g, "")
    .replace(/\\-/g, "-")
    .replace(/\\e/g, "\\")
    .replace(/\\&/g, "")
    .replace(/\\./g, "")
    .replace(/\n{3,}/g, "\n\n");
}

function* filesUnder(dir: string): Generator<string> {
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const st = fs.lstatSync(file);
    if (st.isDirectory()) yield* filesUnder(file);
    else if (st.isFile()) yield file;
  }
}

function* texts(): Generator<string> {
  if (fs.existsSync(FORTUNES)) {
    for (const name of fs.readdirSync(FORTUNES).sort()) {
      const file = path.join(FORTUNES, name);
      if (name.includes(".") || !fs.statSync(file).isFile()) continue;
      yield readMaybeGz(file).split(/^%$/m).join("\n");
    }
  }
  if (fs.existsSync(JARGON)) yield readMaybeGz(JARGON);
  if (fs.existsSync(GCIDE)) yield readMaybeGz(GCIDE);
  if (fs.existsSync(MAN)) {
    for (const section of fs.readdirSync(MAN).filter((d) => /^man\d/.test(d)).sort()) {
      const dir = path.join(MAN, section);
      for (const name of fs.readdirSync(dir).sort()) {
        const file = path.join(dir, name);
        try {
          if (!fs.lstatSync(file).isFile()) continue;
          const text = stripRoff(readMaybeGz(file));
          if (text.length > 500) yield text;
        } catch {
          // unreadable page: skip
        }
      }
    }
  }
  for (const dir of [INFO, DOC]) {
    if (!fs.existsSync(dir)) continue;
    for (const file of filesUnder(dir)) {
      if (!/\.(gz|txt)$|\/(README|NEWS|changelog)[^/]*$/i.test(file) || /\.(html?|png|svg|js|css)(\.gz)?$/.test(file)) continue;
      try {
        const text = readMaybeGz(file);
        if (!text.includes("\u0000")) yield text;
      } catch {
        // not text: skip
      }
    }
  }
}

/** The first `bytes` of the text pool (cached in bench/corpora/pool.txt), as a flat string of its own. */
export function textPool(cacheDir: string, bytes: number): string {
  const file = path.join(cacheDir, "pool.txt");
  if (!fs.existsSync(file)) buildPool(file);
  const fd = fs.openSync(file, "r");
  const buf = Buffer.alloc(Math.min(bytes, fs.fstatSync(fd).size));
  fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  return buf.toString("latin1");
}

function buildPool(file: string): void {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const t of texts()) {
    // Drop repeated paragraphs (licences, boilerplate): the planted quotes must be unique.
    for (const para of t.split(/\n\s*\n/)) {
      const key = para.trim();
      if (key.length < 40 || seen.has(key)) continue;
      seen.add(key);
      parts.push(key);
    }
  }
  // ASCII only, so a byte is a character and the pool can be read in part.
  const pool = parts.join("\n\n").replace(/[^\x00-\x7f]/g, " ");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, pool);
}

/** ~8 KB articles adding up to `bytes`, cut at paragraph breaks, from the start of the pool. */
export function articles(pool: string, bytes: number): string[] {
  if (pool.length < bytes) throw new Error(`only ${(pool.length / 1e6).toFixed(1)} MB of text found; ${HOW_TO_GET_TEXT}`);
  const out: string[] = [];
  let at = 0;
  let total = 0;
  while (total < bytes) {
    let end = Math.min(pool.length, at + 8000);
    const cut = pool.indexOf("\n\n", end);
    end = cut < 0 || cut - at > 16000 ? end : cut;
    const article = pool.slice(at, end);
    out.push(article);
    total += article.length;
    at = end + 2;
  }
  return out;
}
