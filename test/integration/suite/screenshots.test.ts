/**
 * Screenshots for the documentation (docs/images), taken only when the runner is started with
 * VERBATIM_SCREENSHOTS=DIR (see scripts/vscode-test/run.mjs); otherwise the suite is skipped and
 * costs nothing. Each step puts the window in the state the picture shows, then asks for it.
 */
import * as vscode from "vscode";
import type { SpeakerNode } from "../../../src/extension/speakersView";
import { rangeOf, SCREENSHOTS, screenshot, verbatimApi, verbatimDiagnostics, waitFor, writeFile } from "./helpers";

const DRAFT = `# Night ferry to end in March

Bellmouth's council has voted to scrap the midnight crossing to Gull Island.

"We cannot keep paying for boats that cross the bay almost empty," said Rosalind Achterberg, who chairs the transport committee.

"Islanders who work late shifts will be stranded on the mainland," Achterberg said.

Councillor Priya Venkataraman disagreed. "The savings are tiny compared to the harm this does to island families," Venkataraman said.

"The island deserves a ferry that runs when people need it," Okonjo said.
`;
const MISATTRIBUTED = "Islanders who work late shifts";
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite("Screenshots", function () {
  let editor: vscode.TextEditor;

  suiteSetup(async function () {
    if (!SCREENSHOTS) this.skip();
    await verbatimApi();
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    const uri = await writeFile("drafts/night-ferry-story.md", DRAFT);
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor("the draft's diagnostics", () => verbatimDiagnostics(uri).length === 3);
    await vscode.commands.executeCommand("workbench.action.closeSidebar");
  });

  const cursorOn = (text: string, offset = 3) => {
    const at = rangeOf(editor.document, text).start.translate(0, offset);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  test("the draft with its diagnostics and the Problems panel", async () => {
    await vscode.commands.executeCommand("workbench.actions.view.problems");
    await vscode.window.showTextDocument(editor.document);
    cursorOn("Bellmouth", 0);
    await screenshot("diagnostics");
  });

  test("the hover of a misattributed quote", async () => {
    await vscode.commands.executeCommand("workbench.action.closePanel");
    cursorOn(MISATTRIBUTED);
    await vscode.commands.executeCommand("editor.action.showHover");
    await pause(800);
    await screenshot("hover");
    await vscode.commands.executeCommand("editor.action.hideHover").then(undefined, () => undefined);
  });

  test("the quick-fix menu", async () => {
    cursorOn(MISATTRIBUTED);
    await vscode.commands.executeCommand("editor.action.quickFix");
    await pause(800);
    await screenshot("quickfix");
    await vscode.commands.executeCommand("hideCodeActionWidget").then(undefined, () => undefined);
  });

  test("the Quotes view", async () => {
    await vscode.commands.executeCommand("workbench.view.extension.verbatim");
    await vscode.commands.executeCommand("verbatim.quotes.focus");
    await pause(500);
    await screenshot("quotes-view");
  });

  test("the Speakers view", async () => {
    const api = await verbatimApi();
    const speakers = (await api.speakersView.getChildren()) as SpeakerNode[];
    const okonjo = speakers.find((s) => s.type === "speaker" && s.speaker.name === "Desmond Okonjo");
    await vscode.commands.executeCommand("verbatim.speakers.focus");
    if (okonjo) await api.speakersTree.reveal(okonjo, { expand: true, select: true, focus: true });
    await pause(500);
    await screenshot("speakers-view");
  });

  test("quote completion", async () => {
    await vscode.window.showTextDocument(editor.document);
    const end = editor.document.positionAt(editor.document.getText().length);
    await editor.edit((b) => b.insert(end, '\nOkonjo warned: "Islanders who work '));
    const at = editor.document.positionAt(editor.document.getText().length);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand("editor.action.triggerSuggest");
    await pause(1000);
    // The details side panel shows the speaker, the source and the passage.
    await vscode.commands.executeCommand("toggleSuggestionDetails").then(undefined, () => undefined);
    await pause(600);
    await screenshot("completion");
    await vscode.commands.executeCommand("hideSuggestWidget").then(undefined, () => undefined);
    await vscode.commands.executeCommand("undo");
  });

  test("the exported review", async () => {
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, "night-ferry-story.review.md");
    await vscode.commands.executeCommand("verbatim.exportReview", editor.document.uri, target);
    await vscode.commands.executeCommand("workbench.action.closeSidebar");
    await vscode.commands.executeCommand("markdown.showPreview", target);
    await pause(1500);
    await screenshot("review");
  });
});
