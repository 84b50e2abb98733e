// Minimal extension: one command, so the suite can check that this extension really loaded.
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('smoke.hello', (name = 'world') => `hello ${name}`)
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
