// Bundles the hosts: the `verbatim` command (which is also the language server, `verbatim lsp
// --stdio`) and the VS Code extension (the language client). Each is one file with its
// dependencies inlined, so nothing is resolved or downloaded at run time.
const esbuild = require("esbuild");
const fs = require("fs");

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

// The engine's build id: a hash of src/core, so a saved index written by another build of the
// engine (other tokenizer, attribution rules or word lists) is never read back (see core/store).
function engineBuildId() {
  const hash = require("crypto").createHash("sha256");
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = `${dir}/${name}`;
      if (fs.statSync(p).isDirectory()) walk(p);
      else hash.update(`${p}\0`).update(fs.readFileSync(p));
    }
  };
  walk("src/core");
  return hash.digest("hex").slice(0, 16);
}

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
  define: { __VERBATIM_BUILD__: JSON.stringify(engineBuildId()) },
  // Node 20 reads `/\p{L}/u` itself: without this, esbuild rewrites every such literal as
  // `new RegExp("…", "u")`, built again (flags parsed, source looked up) each time the line runs
  // — ~1 % of the instructions of attributing a 1 MB source.
  supported: { "regexp-unicode-property-escapes": true },
};

// Libraries only some runs need (PDF and Word reading, the archive's PostgreSQL client, the
// language server protocol of `verbatim lsp`) are bundled on their own into dist/vendor/ and
// required from there when first used, so that starting `verbatim check` or the language server
// does not compile 3 MB of code it may never run (the protocol libraries are 0.4 MB of cli.js:
// ~0.03 s of CPU at the start of every `verbatim check`, measured).
const VENDORED = ["unpdf", "jszip", "pg", "vscode-languageserver/node", "vscode-languageserver-textdocument"];
// One file a library, straight in dist/vendor/ (what .vscodeignore ships): `a/b` → `a-b.js`.
const vendorFile = (name) => `./vendor/${name.replace(/\//g, "-")}.js`;
const vendorSplit = {
  name: "vendor-split",
  setup(build) {
    const filter = new RegExp(`^(${VENDORED.map((n) => n.replace(/[/.]/g, "\\$&")).join("|")})$`);
    build.onResolve({ filter }, (args) => ({ path: vendorFile(args.path), external: true }));
  },
};

const entries = [
  { entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  // `verbatim archive add` prepares documents in worker threads (found beside dist/cli.js).
  { entryPoints: ["src/archive/archiveIngestWorker.ts"], outfile: "dist/archiveIngestWorker.js" },
  // A first index build reads, decodes and tokenizes sources in worker threads (src/node/prepareWorkers.ts).
  { entryPoints: ["src/node/prepareWorker.ts"], outfile: "dist/prepareWorker.js" },
  // ... and builds the index on two threads (src/node/buildHelper.ts).
  { entryPoints: ["src/node/buildWorker.ts"], outfile: "dist/buildWorker.js" },
];
if (fs.existsSync("src/extension/extension.ts")) {
  entries.push({ entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] });
}

for (const name of VENDORED) {
  entries.push({ entryPoints: [require.resolve(name, { paths: [__dirname] })], outfile: `dist/${vendorFile(name).slice(2)}`, vendored: true });
}

/**
 * Writes the non-ASCII characters esbuild leaves in a bundle (those of regular expression
 * literals, which it keeps as written, and of kept comments) as `\uXXXX` escapes, which mean the
 * same there. A script with a single non-ASCII character is decoded and scanned by V8 as UTF-16:
 * ~3 % of the instructions of a small `verbatim check`, in every process and thread that loads it.
 * Not when a tagged template holds one (an escape would change its raw text): the file stays as it is.
 */
function asciiOnly(file) {
  const code = fs.readFileSync(file, "utf8");
  if (!/[^\x00-\x7f]/.test(code)) return;
  const ts = require("typescript");
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  let tagged = false;
  const visit = (node) => {
    if (tagged) return;
    if (ts.isTaggedTemplateExpression(node) && /[^\x00-\x7f]/.test(node.template.getText(source))) tagged = true;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  if (tagged) return console.warn(`${file}: a tagged template holds a non-ASCII character; left as UTF-8`);
  fs.writeFileSync(file, code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

(async () => {
  for (const { vendored, ...entry } of entries) {
    // Our own bundles load the vendored ones with require(), not import(): Node's import() of a
    // CommonJS file first scans all of it for its exports (~0.35 s of CPU for unpdf's 2.2 MB).
    const options = { ...common, ...entry, ...(vendored ? { sourcemap: false } : { plugins: [vendorSplit], supported: { ...common.supported, "dynamic-import": false } }) };
    if (watch) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    } else {
      await esbuild.build(options);
      if (!vendored) asciiOnly(entry.outfile);
      if (entry.outfile === "dist/cli.js") fs.chmodSync(entry.outfile, 0o755);
    }
  }
})().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
