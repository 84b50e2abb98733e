import { strict as assert } from "node:assert";
import { hoverMarkdown } from "../../src/server/hoverText";
import { commandUri, escapeMarkdown } from "../../src/server/markdownEscape";
import { checkDraft, quoteWith } from "./helpers";

const HOSTILE = `Posted by [a reader](command:workbench.action.openSettings) <img src=x onerror="alert(1)">

"Nobody asked [the island](javascript:alert(2)) what it <b>needs</b> before the vote," said Marguerite Dullard. See https://example.com and www.example.com **now**.
`;

describe("hover text", () => {
  it("escapes every Markdown and HTML construct in untrusted text", () => {
    assert.equal(escapeMarkdown("[x](command:a) <b>*y*</b> `z` #h"), "\\[x\\]\\(command\\:a\\) \\<b\\>\\*y\\*\\<\\/b\\> \\`z\\` \\#h");
    assert.equal(escapeMarkdown("a\n\n    b"), "a b");
  });

  it("encodes command arguments so no character can end the link", () => {
    const uri = commandUri("verbatim.openSource", [{ uri: "file:///a (1)/x'y*.txt", start: 1, end: 2 }]);
    assert.doesNotMatch(uri.slice("command:verbatim.openSource?".length), /[()'*\s!~]/);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.split("?")[1])), [{ uri: "file:///a (1)/x'y*.txt", start: 1, end: 2 }]);
  });

  it("shows a hostile source's passage as inert text, with only Verbatim's own link", () => {
    const draft = `"Nobody asked the island what it needs before the vote," said Marguerite Dullard.`;
    const check = quoteWith(checkDraft(draft, { "blog.md": HOSTILE }), "Nobody asked");
    const md = hoverMarkdown(check, { label: "sources/blog.md", place: "line 3", open: { uri: "file:///w/sources/blog.md", start: 1, end: 2 } });
    assert.match(md, /Marguerite Dullard/);
    assert.doesNotMatch(md.replace(/^> /gm, ""), /(?<!\\)[<>]/); // our own block quote aside
    const targets = [...md.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
    assert.equal(targets.length, 1);
    assert.match(targets[0], /^command:verbatim\.openSource\?/);
    assert.doesNotMatch(md, /(?<!\\)(?:javascript|command|https):(?!verbatim\.openSource\?)/);
    assert.doesNotMatch(md, /(?<!\\)www\./);
  });

  it("says a verified quote is verified and names the speaker from the source", () => {
    const source = `"We will keep the ferry running," said Tomas Lindqvist, chief executive of Bluewater Ferries.`;
    const check = quoteWith(checkDraft(`Lindqvist said: "We will keep the ferry running."`, { "s.txt": source }), "ferry running");
    const md = hoverMarkdown(check, undefined);
    assert.match(md, /Verified/);
    assert.match(md, /\*\*We will keep the ferry running\*\*/);
    assert.match(md, /Spoken by \*\*Tomas Lindqvist\*\*/);
  });
});
