// Runs inside the real VS Code extension host (mocha tdd UI: suite/test).
const assert = require('assert');
const vscode = require('vscode');

suite('integration smoke', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension('verbatim-dev.smoke');
    assert.ok(ext, 'the extension under development is loaded');
    await ext.activate();
    console.log(`  VS Code ${vscode.version}, uiKind=${vscode.env.uiKind}, ` +
      `workspace=${vscode.workspace.workspaceFolders?.[0]?.uri.fsPath}`);
  });

  test('command smoke.hello is registered and runs', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('smoke.hello'));
    assert.strictEqual(await vscode.commands.executeCommand('smoke.hello', 'tests'), 'hello tests');
  });

  test('languages.getDiagnostics works', () => {
    const uri = vscode.Uri.file('/nonexistent/smoke.md');
    const collection = vscode.languages.createDiagnosticCollection('smoke');
    try {
      collection.set(uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 5), 'smoke diagnostic')]);
      assert.ok(Array.isArray(vscode.languages.getDiagnostics()));
      const diags = vscode.languages.getDiagnostics(uri);
      assert.strictEqual(diags.length, 1);
      assert.strictEqual(diags[0].message, 'smoke diagnostic');
    } finally {
      collection.dispose();
    }
  });

  test('opens a document from the workspace', async () => {
    const [file] = await vscode.workspace.findFiles('**/hello.md');
    assert.ok(file, 'hello.md found in the opened folder');
    assert.strictEqual(file.scheme, 'file');
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'markdown');
    assert.match(doc.getText(), /quick brown fox/);
    // An unsaved edit: shows editing works without touching the file on disk.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '<!-- smoke -->\n'));
    assert.ok(doc.isDirty);
    assert.strictEqual(doc.lineAt(0).text, '<!-- smoke -->');
  });
});
