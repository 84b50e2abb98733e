/**
 * The editor experience on a draft that confuses its speakers (test/integration/workspace):
 * diagnostics with exact ranges, hovers, quick fixes, live re-checks and source watching.
 * Tests run in order and build on each other's edits (the workspace is a throw-away copy).
 */
import * as assert from "node:assert";
import * as vscode from "vscode";
import { activate, codeOf, hoverText, openDraft, quickFixes, rangeOf, verbatimDiagnostics, waitFor, workspaceUri } from "./helpers";

const VERIFIED = "We cannot keep paying for boats that cross the bay almost empty,";
const MISATTRIBUTED = "Islanders who work late shifts will be stranded on the mainland,";
const MISQUOTED = "The savings are tiny compared to the harm this does to island families,";
const UNSOURCED = "We will appeal to the regional transport board before the end of the month,";
const SOURCE = "sources/harbour-council.txt";

suite("Verbatim on a draft", () => {
  let editor: vscode.TextEditor;
  let document: vscode.TextDocument;
  let uri: vscode.Uri;
  const diagnosticOn = (text: string) => verbatimDiagnostics(uri).filter((d) => d.range.isEqual(rangeOf(document, text)));

  suiteSetup(async () => {
    await activate();
    editor = await openDraft("drafts/night-ferry.md");
    document = editor.document;
    uri = document.uri;
    await waitFor("the draft's diagnostics", () => verbatimDiagnostics(uri).length >= 3);
  });

  test("one diagnostic per finding, on the exact quoted words, none on the correct quote", () => {
    const found = verbatimDiagnostics(uri)
      .sort((a, b) => a.range.start.compareTo(b.range.start))
      .map((d) => ({ code: codeOf(d), range: d.range, severity: d.severity }));
    // A misquote sits on the changed word alone.
    const harm = rangeOf(document, MISQUOTED).start.translate(0, MISQUOTED.indexOf("harm"));
    assert.deepStrictEqual(found, [
      { code: "misattributed", range: rangeOf(document, MISATTRIBUTED), severity: vscode.DiagnosticSeverity.Error },
      { code: "misquoted", range: new vscode.Range(harm, harm.translate(0, 4)), severity: vscode.DiagnosticSeverity.Warning },
      { code: "unsourced", range: rangeOf(document, UNSOURCED), severity: vscode.DiagnosticSeverity.Information },
    ]);
    assert.strictEqual(diagnosticOn(VERIFIED).length, 0);
  });

  test("a misquote's diagnostic gives the whole quotation and the source passage as related information", async () => {
    const d = verbatimDiagnostics(uri).find((x) => codeOf(x) === "misquoted")!;
    const [whole, source] = d.relatedInformation ?? [];
    assert.strictEqual(whole.location.uri.toString(), uri.toString());
    assert.ok(whole.location.range.isEqual(rangeOf(document, MISQUOTED)));
    assert.strictEqual(whole.message, "The whole quotation");
    assert.strictEqual(source.location.uri.toString(), workspaceUri(SOURCE).toString());
    assert.match(source.message, /^Source \(Priya Venkataraman\): “The savings are tiny compared to the damage/);
  });

  test("diagnostics explain the kind and point at the source passage", async () => {
    const [d] = diagnosticOn(MISATTRIBUTED);
    assert.match(d.message, /Desmond Okonjo/);
    assert.ok(typeof d.code === "object", "the code carries a link");
    assert.strictEqual(d.code.value, "misattributed");
    assert.ok(d.code.target.path.endsWith("/docs/editor.md"), `the code links to the shipped guide, not ${d.code.target.toString()}`);
    assert.strictEqual(d.code.target.fragment, "misattributed");
    const related = d.relatedInformation?.[0];
    assert.ok(related, "related information is present");
    assert.strictEqual(related.location.uri.toString(), workspaceUri(SOURCE).toString());
    const source = await vscode.workspace.openTextDocument(workspaceUri(SOURCE));
    assert.ok(related.location.range.isEqual(rangeOf(source, "Islanders who work late shifts will be stranded on the mainland")));
  });

  /** The hover's text with its link to the source replaced by LINK, and the passage that link opens. */
  const hoverAt = async (text: string) => {
    const md = await hoverText(uri, rangeOf(document, text).start.translate(0, 5));
    const encoded = /\]\(command:verbatim\.openSource\?([^)]+)\)/.exec(md)?.[1];
    assert.ok(encoded, "the hover links to the source");
    const [open] = JSON.parse(decodeURIComponent(encoded)) as { uri: string; start: number; end: number }[];
    return { md: md.replace(/\]\(command:verbatim\.openSource\?[^)]+\)/, "](LINK)"), open };
  };
  const CREDIT = "[Bellmouth Gazette\\, “Harbour council votes to close the night ferry\\,” Oct\\. 8\\, 2024](LINK)";

  test("hover on a misattributed quote: the passage, the real speaker as the source gives him, the source; no repeated message", async () => {
    const { md, open } = await hoverAt(MISATTRIBUTED);
    assert.strictEqual(
      md,
      [
        "**Verbatim** · ✗ **Misattributed**",
        "> Ferry operator Tidewater Lines said it was disappointed\\. \\\"**Islanders who work late shifts will be stranded on the mainland**\\,\\\" said Tidewater chief executive Desmond Okonjo\\.",
        "Spoken by **Desmond Okonjo** (chief executive, Tidewater) according to the source.",
        `${CREDIT} · sources\\/harbour\\-council\\.txt\\, line 7 · https\\:\\/\\/gazette\\.example\\/night\\-ferry\\-vote`,
      ].join("\n\n"),
    );
    assert.strictEqual(open.uri, workspaceUri(SOURCE).toString());
    const source = await vscode.workspace.openTextDocument(workspaceUri(SOURCE));
    assert.strictEqual(source.getText().slice(open.start, open.end), MISATTRIBUTED.replace(/,$/, ""));
  });

  test("hover on a misquote: the word diff first, then the passage after the paragraph that introduces the speaker", async () => {
    const { md } = await hoverAt(MISQUOTED);
    assert.strictEqual(
      md,
      [
        "**Verbatim** · ✗ **Misquoted** · 90% similar",
        "… compared to the ~~harm~~ **damage** this does to …",
        "> Priya Venkataraman\\, a councillor who voted against the plan\\, called the decision short\\-sighted\\. \\\"**The savings are tiny compared to the** damage **this does to island families**\\,\\\" Venkataraman said\\.",
        "Spoken by **Priya Venkataraman** (councillor) according to the source.",
        `${CREDIT} · sources\\/harbour\\-council\\.txt\\, line 9 · https\\:\\/\\/gazette\\.example\\/night\\-ferry\\-vote`,
      ].join("\n\n"),
    );
  });

  test("hover on a verified quote says so", async () => {
    assert.match((await hoverAt(VERIFIED)).md, /^\*\*Verbatim\*\* · ✓ \*\*Verified\*\*\n\n/);
  });

  test("quick fixes are offered for a misattributed quote (no citation until the speaker is fixed)", async () => {
    const titles = (await quickFixes(uri, rangeOf(document, MISATTRIBUTED))).map((a) => a.title);
    assert.deepStrictEqual(titles, ["Attribute to Desmond Okonjo", "Ignore this quote"]);
  });

  test("'Attribute to …' names the real speaker as a desk would on first reference, and clears the diagnostic", async () => {
    const action = (await quickFixes(uri, rangeOf(document, MISATTRIBUTED))).find((a) => a.title.startsWith("Attribute to"));
    assert.ok(action?.edit && action.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.ok(document.getText().includes(`"${MISATTRIBUTED}" said Desmond Okonjo, chief executive of Tidewater.`), document.getText());
    await waitFor("the misattribution to clear", () => diagnosticOn(MISATTRIBUTED).length === 0 && verbatimDiagnostics(uri).length === 2);
  });

  test("'Use the source's wording' restores the words, keeps the marks, and clears the diagnostic", async () => {
    const action = (await quickFixes(uri, rangeOf(document, MISQUOTED))).find((a) => a.title === "Use the source's wording");
    assert.ok(action?.edit);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.ok(document.getText().includes(`"The savings are tiny compared to the damage this does to island families," Venkataraman said.`));
    await waitFor("the misquote to clear", () => verbatimDiagnostics(uri).length === 1);
    assert.strictEqual(codeOf(verbatimDiagnostics(uri)[0]), "unsourced");
  });

  test("editing a quote re-checks it, and a misquote is shown on the changed word", async () => {
    const range = rangeOf(document, "almost empty");
    await editor.edit((b) => b.replace(range, "nearly empty"));
    const [d] = await waitFor("a misquote on the edited word", () => {
      const ds = verbatimDiagnostics(uri).filter((x) => x.range.isEqual(rangeOf(document, "nearly")));
      return ds.length ? ds : undefined;
    });
    assert.strictEqual(codeOf(d), "misquoted");
    await editor.edit((b) => b.replace(rangeOf(document, "nearly empty"), "almost empty"));
    await waitFor("the quote to verify again", () => verbatimDiagnostics(uri).length === 1);
  });

  test("'Ignore this quote' adds the marker comment before the paragraph and silences it", async () => {
    const action = (await quickFixes(uri, rangeOf(document, UNSOURCED))).find((a) => a.title === "Ignore this quote");
    assert.ok(action?.edit);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.ok(document.getText().includes(`<!-- verbatim-ignore -->\n"${UNSOURCED}" Okonjo said.`));
    await waitFor("the ignored quote to clear", () => verbatimDiagnostics(uri).length === 0);
    await editor.edit((b) => b.delete(rangeOf(document, "<!-- verbatim-ignore -->\n")));
    await waitFor("the quote to be checked again", () => verbatimDiagnostics(uri).length === 1);
  });

  test("a severity set to off hides that kind", async () => {
    const config = vscode.workspace.getConfiguration("verbatim", uri);
    await config.update("severity.unsourced", "off", vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor("unsourced diagnostics to go", () => verbatimDiagnostics(uri).length === 0);
    } finally {
      await config.update("severity.unsourced", undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor("unsourced diagnostics to come back", () => verbatimDiagnostics(uri).length === 1);
  });

  test("the hover's source link runs verbatim.openSource and selects the passage", async () => {
    const text = await hoverText(uri, rangeOf(document, VERIFIED).start.translate(0, 3));
    const encoded = /\(command:verbatim\.openSource\?([^)]+)\)/.exec(text)?.[1];
    assert.ok(encoded, "the hover has an openSource link");
    const args = JSON.parse(decodeURIComponent(encoded)) as unknown[];
    assert.strictEqual(await vscode.commands.executeCommand("verbatim.openSource", ...args), true);
    const opened = vscode.window.activeTextEditor!;
    assert.strictEqual(opened.document.uri.toString(), workspaceUri(SOURCE).toString());
    assert.strictEqual(opened.document.getText(opened.selection), VERIFIED.replace(/,$/, ""));
    await vscode.window.showTextDocument(document);
  });

  test("changing a source file re-checks the open draft", async () => {
    const source = workspaceUri(SOURCE);
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    const added = `\n"${UNSOURCED.replace(/,$/, "")}," Okonjo said after the vote.\n`;
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(before + added));
    await waitFor("the unsourced quote to be found in the changed source", () => verbatimDiagnostics(uri).length === 0, 20000);
  });

  test("verbatim.openSource with no arguments opens the source of the quote under the cursor", async () => {
    await vscode.window.showTextDocument(document);
    const at = rangeOf(document, VERIFIED).start.translate(0, 4);
    vscode.window.activeTextEditor!.selection = new vscode.Selection(at, at);
    assert.strictEqual(await vscode.commands.executeCommand("verbatim.openSource"), true);
    const opened = vscode.window.activeTextEditor!;
    assert.strictEqual(opened.document.uri.toString(), workspaceUri(SOURCE).toString());
    assert.strictEqual(opened.document.getText(opened.selection), VERIFIED.replace(/,$/, ""));
  });

  test("verbatim.checkWorkspace checks the drafts on disk", async () => {
    const checked = await vscode.commands.executeCommand<number>("verbatim.checkWorkspace");
    assert.strictEqual(checked, 3); // night-ferry, bakery-letter, winter-notice
  });
});
