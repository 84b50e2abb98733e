/**
 * Source text is untrusted: a source with Markdown links, raw HTML and command:/javascript: URIs
 * must show in the hover as inert, escaped text; the only live link is Verbatim's own command.
 */
import * as assert from "node:assert";
import { activate, hoverText, openDraft, rangeOf, verbatimDiagnostics, waitFor } from "./helpers";

suite("Verbatim with a hostile source", () => {
  test("the hover escapes links, HTML and command/javascript URIs from the source", async () => {
    await activate();
    const editor = await openDraft("drafts/bakery-letter.md");
    const uri = editor.document.uri;
    await waitFor("the letter's diagnostics", () => verbatimDiagnostics(uri).length >= 1);
    const text = await hoverText(uri, rangeOf(editor.document, "Nobody asked").start.translate(0, 2));
    assert.match(text, /Marguerite Dullard/);
    // The source's hostile pieces are all there, but escaped.
    assert.match(text, /\\\[the island/);
    assert.match(text, /\\\]\\\(javascript\\:alert\\\(2\\\)\\\)/);
    assert.match(text, /\\<b\\>/);
    assert.match(text, /\\<\\\/b\\>/);
    // No raw HTML, and every Markdown link in the hover is Verbatim's own command.
    assert.doesNotMatch(text, /(?<!\\)</);
    const links = [...text.matchAll(/(?<!\\)\]\((?<target>[^)\s]*)/g)].map((m) => m.groups!.target);
    assert.ok(links.length >= 1, "the hover links to the source");
    for (const target of links) assert.match(target, /^command:verbatim\.openSource\?/);
    assert.doesNotMatch(text, /(?<!\\)(?:javascript|command):(?!verbatim\.openSource\?)/);
  });
});
