/**
 * Sources whose text is extracted (HTML here; PDF and Word work the same way): the diagnostic's
 * related location and "open source" land on the exact passage in a read-only view of the
 * extracted text, since the file itself has no text positions to point at.
 */
import * as assert from "node:assert";
import * as vscode from "vscode";
import { activate, codeOf, openDraft, verbatimDiagnostics, waitFor, workspaceUri } from "./helpers";

const PASSAGE = "The last crossing of the evening will leave the mainland at a quarter past nine from the first of November";

suite("Verbatim with an HTML source", () => {
  test("the related location and open-source land on the passage in the extracted text", async () => {
    await activate();
    const editor = await openDraft("drafts/winter-notice.md");
    const uri = editor.document.uri;
    const [d] = await waitFor("the misquote diagnostic", () => {
      const found = verbatimDiagnostics(uri);
      return found.length ? found : undefined;
    });
    assert.strictEqual(codeOf(d), "misquoted");
    // The whole quotation comes first (a misquote's diagnostic sits on its changed words), then the source.
    const related = d.relatedInformation?.find((r) => r.location.uri.toString() !== uri.toString())?.location;
    assert.ok(related, "related information points at the source");
    assert.strictEqual(related.uri.scheme, "verbatim-extracted");
    assert.strictEqual(related.uri.query, workspaceUri("sources/ferry-notice.html").toString());
    const extracted = await vscode.workspace.openTextDocument(related.uri);
    assert.strictEqual(extracted.getText(related.range), PASSAGE);
    assert.doesNotMatch(extracted.getText(), /alert|<p>|Home \| News/, "scripts, tags and navigation are not in the extracted text");

    // "Open source" for the quote under the cursor shows the same view with the passage selected.
    editor.selection = new vscode.Selection(d.range.start.translate(0, 3), d.range.start.translate(0, 3));
    assert.strictEqual(await vscode.commands.executeCommand("verbatim.openSource"), true);
    const shown = await waitFor("the extracted text in an editor", () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === "verbatim-extracted" ? active : undefined;
    });
    assert.strictEqual(shown.document.getText(shown.selection), PASSAGE);
  });
});
