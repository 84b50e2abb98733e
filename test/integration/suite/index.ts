/**
 * Entry point named by --tests (code-server runner) and extensionTestsPath (test-electron): the
 * extension host requires this file and awaits run(). mocha is loaded from the project by
 * absolute path, since the extension host does not resolve the test code's own dependencies.
 */
import * as fs from "node:fs";
import * as path from "node:path";

// out/test/integration/suite → the repository root.
const ROOT = path.resolve(__dirname, "../../../..");

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mochaModule = require(path.join(ROOT, "node_modules/mocha"));
  // mocha >= 12 is an ES module: require() gives its namespace, the class is `default`.
  const Mocha = mochaModule.default || mochaModule;
  // VERBATIM_TEST_GREP runs only the matching tests (while developing).
  const mocha = new Mocha({ ui: "tdd", reporter: "spec", color: false, timeout: 30000, grep: process.env.VERBATIM_TEST_GREP });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.js")).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures: number) => {
        // The plain summary line CI reads, as the unit runner prints it.
        const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
        console.log(`integration: ${passes} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else if (passes === 0) reject(new Error("no integration test ran"));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
