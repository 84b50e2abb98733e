// Entry point named by --tests: the extension host requires this file and awaits run().
// Resolving the promise means "passed", rejecting means "failed" (the runner's exit code).
const path = require('path');

// The extension host does not look in the repo's node_modules for the *test* code's own
// dependencies unless the path is on its way up; use the project's mocha by absolute path.
const ROOT = path.resolve(__dirname, '../../..');
const mochaModule = require(path.join(ROOT, 'node_modules/mocha'));
// mocha >= 12 is an ES module: require() gives its namespace, the class is `default`.
const Mocha = mochaModule.default || mochaModule;

function run() {
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 20000 });
  mocha.addFile(path.join(__dirname, 'smoke.test.js'));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) =>
        failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve());
    } catch (err) {
      reject(err);
    }
  });
}

module.exports = { run };
