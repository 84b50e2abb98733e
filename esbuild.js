// Bundles the hosts: the `verbatim` command (which is also the language server, `verbatim lsp
// --stdio`) and the VS Code extension (the language client). Each is one file with its
// dependencies inlined, so nothing is resolved or downloaded at run time.
const esbuild = require("esbuild");
const fs = require("fs");

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
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
