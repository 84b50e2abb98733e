/**
 * The Quotes and Speakers views, through their tree data providers (the extension's exports):
 * items, descriptions, and the commands on them — reveal, open source, apply fix, ignore, insert.
 */
import * as assert from "node:assert";
import * as vscode from "vscode";
import type { QuoteNode } from "../../../src/extension/quotesView";
import type { SpeakerNode } from "../../../src/extension/speakersView";
import { verbatimApi, verbatimDiagnostics, waitFor, workspaceUri, writeFile } from "./helpers";

const VERIFIED = "We cannot keep paying for boats that cross the bay almost empty,";
const MISATTRIBUTED = "Islanders who work late shifts will be stranded on the mainland,";
const UNSOURCED = "We will never stop fighting for the people of the island,";
const DRAFT = `# Ferry vote\n\n"${VERIFIED}" said Rosalind Achterberg.\n\n"${MISATTRIBUTED}" Achterberg said.\n\n"${UNSOURCED}" Okonjo said.\n`;
const SOURCE = "sources/harbour-council.txt";

suite("The Quotes view", () => {
  let document: vscode.TextDocument;
  const groups = async () => (await verbatimApi()).quotesView.getChildren() as QuoteNode[];
  const labels = async () => {
    const api = await verbatimApi();
    return (await groups()).map((g) => api.quotesView.getTreeItem(g).label);
  };
  const quoteIn = async (verdict: string) => {
    const api = await verbatimApi();
    const group = (await groups()).find((g) => g.type === "group" && g.verdict === verdict);
    assert.ok(group, `a ${verdict} group`);
    return api.quotesView.getChildren(group)[0];
  };

  suiteSetup(async () => {
    await verbatimApi();
    const uri = await writeFile("drafts/views.md", DRAFT);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor("the draft's diagnostics", () => verbatimDiagnostics(uri).length === 2);
  });

  test("groups the active draft's quotes by verdict, each with speaker, source file and similarity", async () => {
    await waitFor("the groups", async () => (await labels()).join("|") === "Misattributed (1)|Unsourced (1)|Verified (1)");
    const api = await verbatimApi();
    const item = api.quotesView.getTreeItem(await quoteIn("misattributed"));
    assert.strictEqual(item.label, `“${MISATTRIBUTED.slice(0, 59)}…”`);
    assert.strictEqual(item.description, "Rosalind Achterberg · Bellmouth Gazette, Oct. 8, 2024 · 100%");
    assert.match(String(item.contextValue), /\bsource\b.*\bfixable\b/);
    assert.strictEqual(api.quotesView.getTreeItem(await quoteIn("unsourced")).description, "Okonjo · no source");
  });

  test("clicking a quote reveals it in the draft", async () => {
    const api = await verbatimApi();
    const item = api.quotesView.getTreeItem(await quoteIn("verified"));
    assert.strictEqual(item.command?.command, "verbatim.quotes.reveal");
    await vscode.window.showTextDocument(workspaceUri(SOURCE));
    assert.strictEqual(await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? [])), true);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), document.uri.toString());
    assert.strictEqual(editor.document.getText(editor.selection), VERIFIED);
  });

  test("'Open Source' opens the source at the passage", async () => {
    assert.strictEqual(await vscode.commands.executeCommand("verbatim.quotes.openSource", await quoteIn("verified")), true);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), workspaceUri(SOURCE).toString());
    assert.strictEqual(editor.document.getText(editor.selection), VERIFIED.replace(/,$/, ""));
    await vscode.window.showTextDocument(document);
  });

  test("'Apply Fix' applies the preferred quick fix and the view follows", async () => {
    assert.strictEqual(await vscode.commands.executeCommand("verbatim.quotes.applyFix", await quoteIn("misattributed")), true);
    assert.ok(document.getText().includes(`"${MISATTRIBUTED}" said Desmond Okonjo, chief executive of Tidewater.`), document.getText());
    await waitFor("the view to show two verified quotes", async () => (await labels()).join("|") === "Unsourced (1)|Verified (2)");
  });

  test("'Ignore Quote' adds the marker and the quote moves to Ignored", async () => {
    assert.strictEqual(await vscode.commands.executeCommand("verbatim.quotes.ignore", await quoteIn("unsourced")), true);
    assert.ok(document.getText().includes(`<!-- verbatim-ignore -->\n"${UNSOURCED}"`));
    await waitFor("the ignored group", async () => (await labels()).join("|") === "Verified (2)|Ignored (1)");
    assert.strictEqual(verbatimDiagnostics(document.uri).length, 0);
  });
});

suite("The Speakers view", () => {
  let editor: vscode.TextEditor;
  type Speaker = Extract<SpeakerNode, { type: "speaker" }>;
  const speakers = async () => {
    const api = await verbatimApi();
    return waitFor("speakers", async () => {
      const list = (await api.speakersView.getChildren()) as SpeakerNode[];
      return api.speakersView.state === "ready" && list.length ? list.filter((n): n is Speaker => n.type === "speaker") : undefined;
    });
  };
  const okonjo = async () => (await speakers()).find((n) => n.type === "speaker" && n.speaker.name === "Desmond Okonjo")!;

  suiteSetup(async () => {
    const uri = await writeFile("drafts/speakers.md", "# Notes\n\nThe council voted.\n\n");
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  test("lists everyone the sources quote, with role and organisation", async () => {
    const api = await verbatimApi();
    const names = (await speakers()).map((n) => n.speaker.name);
    for (const name of ["Desmond Okonjo", "Priya Venkataraman", "Rosalind Achterberg"]) assert.ok(names.includes(name), `${name} in ${names.join(", ")}`);
    assert.deepStrictEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    const item = api.speakersView.getTreeItem(await okonjo());
    assert.strictEqual(item.label, "Desmond Okonjo");
    assert.strictEqual(item.description, "chief executive, Tidewater");
    assert.strictEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  test("a speaker's quotations open the source at their passage", async () => {
    const api = await verbatimApi();
    const quotes = (await api.speakersView.getChildren(await okonjo())) as SpeakerNode[];
    const node = quotes.find((q) => q.type === "sourceQuote" && q.quote.text === MISATTRIBUTED);
    assert.ok(node, "Okonjo's quotation is listed");
    const item = api.speakersView.getTreeItem(node);
    assert.strictEqual(item.contextValue, "sourceQuote");
    assert.strictEqual(item.description, "Bellmouth Gazette, Oct. 8, 2024");
    // The tooltip credits the source in full, then names its file.
    const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, "$1").replace(/&nbsp;/g, " ");
    assert.match(tooltip, /Bellmouth Gazette, “Harbour council votes to close the night ferry,” Oct. 8, 2024\s+sources\/harbour-council.txt, line \d+$/);
    assert.strictEqual(item.command?.command, "verbatim.openSource");
    assert.strictEqual(await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? [])), true);
    const opened = vscode.window.activeTextEditor!;
    assert.strictEqual(opened.document.uri.toString(), workspaceUri(SOURCE).toString());
    assert.strictEqual(opened.document.getText(opened.selection), MISATTRIBUTED);
  });

  test("'Insert Quote' puts the exact words with a correct attribution at the cursor, undoably; the check verifies it", async () => {
    const api = await verbatimApi();
    const node = ((await api.speakersView.getChildren(await okonjo())) as SpeakerNode[]).find((q) => q.type === "sourceQuote" && q.quote.text === MISATTRIBUTED)!;
    editor = await vscode.window.showTextDocument(editor.document);
    const before = editor.document.getText();
    const end = editor.document.positionAt(before.length);
    editor.selection = new vscode.Selection(end, end);
    assert.strictEqual(await vscode.commands.executeCommand("verbatim.speakers.insertQuote", node), true);
    const inserted = `"${MISATTRIBUTED}" Desmond Okonjo said.`;
    assert.strictEqual(editor.document.getText(), before + inserted);
    // Checked like any quote: verified against the very passage, so no diagnostic.
    await new Promise((r) => setTimeout(r, 800));
    assert.strictEqual(verbatimDiagnostics(editor.document.uri).length, 0);
    await vscode.commands.executeCommand("undo");
    assert.strictEqual(editor.document.getText(), before);
  });

  test("with verbatim.insertCitation on, the inserted quote cites its source", async () => {
    const api = await verbatimApi();
    const node = ((await api.speakersView.getChildren(await okonjo())) as SpeakerNode[]).find((q) => q.type === "sourceQuote" && q.quote.text === MISATTRIBUTED)!;
    const config = vscode.workspace.getConfiguration("verbatim");
    await config.update("insertCitation", true, vscode.ConfigurationTarget.Workspace);
    try {
      editor = await vscode.window.showTextDocument(editor.document);
      const before = editor.document.getText();
      const end = editor.document.positionAt(before.length);
      editor.selection = new vscode.Selection(end, end);
      assert.strictEqual(await vscode.commands.executeCommand("verbatim.speakers.insertQuote", node), true);
      assert.ok(editor.document.getText().endsWith(`" Desmond Okonjo said.[^1]\n\n[^1]: Bellmouth Gazette, “Harbour council votes to close the night ferry,” Oct. 8, 2024, <https://gazette.example/night-ferry-vote>.\n`), editor.document.getText());
      await vscode.commands.executeCommand("undo");
    } finally {
      await config.update("insertCitation", undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test("the view's contributions: container, views, inline insert action", () => {
    const pkg = vscode.extensions.getExtension("verbatim-dev.verbatim")!.packageJSON;
    assert.strictEqual(pkg.contributes.viewsContainers.activitybar[0].icon, "media/activity.svg");
    assert.deepStrictEqual(pkg.contributes.views.verbatim.map((v: { id: string }) => v.id), ["verbatim.quotes", "verbatim.speakers"]);
    const inline = pkg.contributes.menus["view/item/context"].filter((m: { group: string }) => m.group === "inline").map((m: { command: string }) => m.command);
    assert.ok(inline.includes("verbatim.speakers.insertQuote"));
  });
});
