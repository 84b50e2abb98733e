/**
 * The reporter's workflow: quote completion, the cancellable workspace check, .verbatim.json
 * (merge order, ignoredQuotes, sources), "Create .verbatim.json", and the walkthrough's
 * contributions and commands.
 */
import * as assert from "node:assert";
import * as vscode from "vscode";
import { codeOf, EXTENSION_ID, rangeOf, verbatimApi, verbatimDiagnostics, waitFor, workspaceUri, writeFile } from "./helpers";

const COMPLETED = "late shifts will be stranded on the mainland,";

suite("Quote completion", () => {
  let n = 0;
  const complete = async (text: string) => {
    // A new file each time: an open document would not show a rewrite of its file at once.
    const uri = await writeFile(`drafts/complete-${++n}.md`, text);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const end = editor.document.positionAt(editor.document.getText().length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", uri, end, " ");
    return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Text && typeof i.detail === "string");
  };

  test("inside an open quote, the typed words complete to a source quotation's exact words, with speaker, outlet and date", async () => {
    const items = await complete('Ferry story.\n\n"Islanders who work ');
    assert.deepStrictEqual(
      items.map((i) => [i.insertText, i.detail, (i.label as vscode.CompletionItemLabel).description]),
      [[COMPLETED, "Desmond Okonjo — Bellmouth Gazette, Oct. 8, 2024", "Desmond Okonjo"]],
    );
    const [item] = items;
    const docs = item.documentation as vscode.MarkdownString;
    assert.match(docs.value, /Islanders who work late shifts/);
    assert.ok(!docs.isTrusted && !docs.supportHtml);
  });

  test("a partly typed word is completed from its start", async () => {
    const items = await complete('"Islanders who wo');
    assert.ok(items.some((i) => i.insertText === `work ${COMPLETED}`));
  });

  test("the documentation escapes untrusted source text", async () => {
    const items = await complete('"Nobody asked ');
    const item = items.find((i) => String(i.insertText).startsWith("[the island]"));
    assert.ok(item, "the hostile source's sentence is offered");
    const value = (item.documentation as vscode.MarkdownString).value;
    assert.match(value, /\\\[the island\\\]\\\(javascript\\:alert\\\(2\\\)\\\)/);
    assert.doesNotMatch(value, /(?<!\\)<b>/);
  });

  test("never the source's narration or headline: only what someone said", async () => {
    // "The town council voted 5-2 …" is the story's narration; "Harbour council votes …" its headline.
    assert.deepStrictEqual(await complete('"The town council '), []);
    assert.deepStrictEqual(await complete('"Harbour council votes '), []);
  });

  test("outside quote marks nothing is offered", async () => {
    assert.deepStrictEqual(await complete("Islanders who work "), []);
  });
});

suite("Workspace check", () => {
  test("cancelled before it starts, it checks nothing and says so", async () => {
    const api = await verbatimApi();
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    const result = await api.checkWorkspace(source.token);
    assert.strictEqual(result.cancelled, true);
    assert.strictEqual(result.checked, 0);
  });

  test("cancelled midway, it stops; uncancelled, every draft's findings are in Problems", async () => {
    const api = await verbatimApi();
    const source = new vscode.CancellationTokenSource();
    const partial = api.checkWorkspace(source.token);
    source.cancel();
    assert.strictEqual((await partial).cancelled, true);
    const all = await api.checkWorkspace(new vscode.CancellationTokenSource().token);
    assert.strictEqual(all.cancelled, false);
    assert.ok(all.checked >= 4, `${all.checked} drafts checked`);
    // The draft no test opened has its finding listed too.
    const letter = workspaceUri("drafts/bakery-letter.md");
    assert.ok(vscode.languages.getDiagnostics(letter).some((d) => d.source === "Verbatim"));
  });
});

suite(".verbatim.json", () => {
  const UNSOURCED = "Nobody on the island was ever asked about the timetable,";
  let uri: vscode.Uri;
  const severity = () => verbatimDiagnostics(uri).find((d) => d.range.isEqual(rangeOf(doc(), UNSOURCED)))?.severity;
  const doc = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
  const config = vscode.workspace.getConfiguration("verbatim");

  suiteSetup(async () => {
    uri = await writeFile("drafts/config.md", `# Timetable\n\n"${UNSOURCED}" Okonjo said.\n`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor("the unsourced quote", () => severity() === vscode.DiagnosticSeverity.Information);
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(workspaceUri(".verbatim.json")).then(undefined, () => undefined);
    await config.update("severity.unsourced", undefined, vscode.ConfigurationTarget.Workspace);
    await config.update("sources", undefined, vscode.ConfigurationTarget.Workspace);
  });

  test("merge order: the file wins over the defaults, settings you set win over the file", async () => {
    const api = await verbatimApi();
    await writeFile(".verbatim.json", JSON.stringify({ severities: { unsourced: "warning" } }));
    await waitFor("the file's severity", () => severity() === vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(api.settings(uri).severity.unsourced, "warning");
    await config.update("severity.unsourced", "hint", vscode.ConfigurationTarget.Workspace);
    await waitFor("the setting's severity", () => severity() === vscode.DiagnosticSeverity.Hint);
    await config.update("severity.unsourced", undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor("the file's severity again", () => severity() === vscode.DiagnosticSeverity.Warning);
  });

  test("ignoredQuotes silences a quotation by its words", async () => {
    await writeFile(".verbatim.json", JSON.stringify({ ignoredQuotes: [UNSOURCED.toLowerCase()] }));
    await waitFor("the ignored quote to clear", () => verbatimDiagnostics(uri).length === 0);
  });

  test("sources from the file are read (folders recursively); the sources setting wins over them", async () => {
    const api = await verbatimApi();
    await writeFile("archive/2019/notes.txt", `"${UNSOURCED}" Desmond Okonjo said at the time.\n`);
    await writeFile(".verbatim.json", JSON.stringify({ sources: ["sources", "archive"] }));
    await waitFor("the file's sources", () => api.settings(uri).sources.includes("archive/**"));
    await waitFor("the quote found in the archive", () => verbatimDiagnostics(uri).length === 0);
    await config.update("sources", ["sources/*"], vscode.ConfigurationTarget.Workspace);
    await waitFor("the setting's sources", () => !api.settings(uri).sources.includes("archive/**"));
    await waitFor("the quote unsourced again", () => verbatimDiagnostics(uri).some((d) => codeOf(d) === "unsourced"));
  });

  test("the schema is contributed for .verbatim.json and is valid JSON Schema", async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const [validation] = ext.packageJSON.contributes.jsonValidation;
    assert.strictEqual(validation.fileMatch, ".verbatim.json");
    const schema = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, validation.url))));
    assert.strictEqual(schema.$schema, "http://json-schema.org/draft-07/schema#");
    for (const key of ["sources", "aliases", "ignoredQuotes", "severities", "thresholds", "ignoreMarker"]) assert.ok(schema.properties[key], key);
  });
});

suite("Create .verbatim.json", () => {
  const file = () => workspaceUri(".verbatim.json");
  test("writes a starter file when there is none, and never overwrites one", async () => {
    await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
    const created = await vscode.commands.executeCommand<vscode.Uri>("verbatim.createConfig");
    assert.strictEqual(created?.toString(), file().toString());
    const starter = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file())));
    assert.deepStrictEqual(starter.sources, ["sources"]);
    await writeFile(".verbatim.json", '{ "aliases": { "RA": "Rosalind Achterberg" } }\n');
    assert.strictEqual(await vscode.commands.executeCommand("verbatim.createConfig"), undefined);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(file())), '{ "aliases": { "RA": "Rosalind Achterberg" } }\n');
    await vscode.workspace.fs.delete(file());
  });
});

suite("First-run walkthrough", () => {
  test("is contributed with its steps, and every file it shows exists", async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const [walkthrough] = ext.packageJSON.contributes.walkthroughs;
    assert.strictEqual(walkthrough.id, "verbatim.firstRun");
    const ids = walkthrough.steps.map((s: { id: string }) => s.id);
    assert.deepStrictEqual(ids, ["openSample", "misattribution", "hover", "fix", "views", "config"]);
    for (const step of walkthrough.steps) {
      const media = step.media.image ?? step.media.markdown;
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, media));
    }
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const c of ext.packageJSON.contributes.commands) assert.ok(commands.has(c.command), `${c.command} is registered`);
    for (const link of JSON.stringify(walkthrough).matchAll(/command:([\w.]+)/g)) assert.ok(commands.has(link[1]) || link[1].endsWith(".focus"), link[1]);
  });

  test("the sample workspace is created from the one the extension ships, with its draft and sources", async () => {
    const api = await verbatimApi();
    const folder = await api.createSample();
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, "drafts/harbour-strike.md"));
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, ".verbatim.json"));
    const sources = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, "sources"));
    assert.ok(sources.length >= 5);
    // The step commands open the sample draft.
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>("verbatim.walkthrough.showMisattribution");
    assert.ok(editor?.document.uri.path.endsWith("/sample/drafts/harbour-strike.md"));
  });
});
