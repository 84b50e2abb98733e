/**
 * Runs the integration suite in a downloaded desktop VS Code via @vscode/test-electron (for
 * contributors who are online; offline CI uses scripts/vscode-test/run.mjs with code-server).
 * The fixture workspace is copied first: the tests edit and save files.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runTests } from "@vscode/test-electron";

const ROOT = path.resolve(__dirname, "../../..");

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-it-"));
  const workspace = path.join(tmp, "workspace");
  fs.cpSync(path.join(ROOT, "test/integration/workspace"), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? "1.100.3",
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, "suite"),
      launchArgs: [workspace, "--disable-extensions", "--disable-workspace-trust", "--skip-welcome"],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`integration tests failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
