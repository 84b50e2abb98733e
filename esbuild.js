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
};

const entries = [
  { entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  // `verbatim archive add` prepares documents in worker threads (found beside dist/cli.js).
  { entryPoints: ["src/archive/archiveIngestWorker.ts"], outfile: "dist/archiveIngestWorker.js" },
];
if (fs.existsSync("src/extension/extension.ts")) {
  entries.push({ entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] });
}

(async () => {
  for (const entry of entries) {
    const options = { ...common, ...entry };
    if (watch) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    } else {
      await esbuild.build(options);
      if (entry.outfile === "dist/cli.js") fs.chmodSync(entry.outfile, 0o755);
    }
  }
})().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
