import { strict as assert } from "node:assert";
import { hoverMarkdown } from "../../src/server/hoverText";
import { commandUri, escapeMarkdown } from "../../src/server/markdownEscape";
import { QuoteChecker } from "../../src/core/check";
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

describe("hover text, exactly", () => {
  const SOURCE = `Dockworkers walk out at Northgate

Samir Haddad, general secretary of the Harbour and Dockworkers Union, rejected that account.

The talks broke down on Tuesday night after six hours.

"Nobody walks away from a fair offer. They asked our members to work four nights in a row with no extra pay, and they called it flexibility," Haddad said.
`;
  const META = { outlet: "Harbour Press Agency", title: "Dockworkers walk out at Northgate", date: "2025-03-11", url: "https://harbourpress.example/walkout" };
  const OPEN = { label: "sources/day-one.txt", place: "line 7", open: { uri: "file:///w/sources/day-one.txt", start: 1, end: 2 } };
  const LINK = commandUri("verbatim.openSource", [OPEN.open]);
  const check = (draft: string, words: string, metadata: object | null = META) => {
    const checker = new QuoteChecker([{ path: "sources/day-one.txt", text: SOURCE, ...(metadata ? { metadata } : {}) }]);
    return quoteWith(checker.check([{ path: "d.md", text: draft }])[0].checks, words);
  };
  const INTRO = "> Samir Haddad\\, general secretary of the Harbour and Dockworkers Union\\, rejected that account\\.\n>\n> …\n>\n";
  const CREDIT = `[Harbour Press Agency\\, “Dockworkers walk out at Northgate\\,” March 11\\, 2025](${LINK}) · sources\\/day\\-one\\.txt\\, line 7 · https\\:\\/\\/harbourpress\\.example\\/walkout`;

  it("a misquote: the diff first, then the passage after the paragraph introducing the speaker, the speaker, the source", () => {
    const c = check(`Haddad said members had to work "four nights in a row with no extra pay, and they called it efficiency."`, "four nights");
    assert.equal(
      hoverMarkdown(c, OPEN),
      [
        "**Verbatim** · ✗ **Misquoted** · 81% similar",
        "… they called it ~~efficiency~~ **flexibility**",
        `${INTRO}> \\"Nobody walks away from a fair offer\\. They asked our members to work **four nights in a row with no extra pay\\, and they called it** flexibility\\,\\" Haddad said\\.`,
        "Spoken by **Samir Haddad** (general secretary, Harbour and Dockworkers Union) according to the source.",
        CREDIT,
      ].join("\n\n"),
    );
  });

  it("a misattribution: no repeat of the diagnostic's message, the real speaker as the source gives them", () => {
    const c = check(`"Nobody walks away from a fair offer," Dana Whitfield said.`, "Nobody walks");
    assert.equal(
      hoverMarkdown(c, OPEN),
      [
        "**Verbatim** · ✗ **Misattributed**",
        `${INTRO}> \\"**Nobody walks away from a fair offer**\\. They asked our members to work four nights in a row with no extra pay\\, and they called it flexibility\\,\\" Haddad said\\.`,
        "Spoken by **Samir Haddad** (general secretary, Harbour and Dockworkers Union) according to the source.",
        CREDIT,
      ].join("\n\n"),
    );
  });

  it("a source that says nothing about itself is named by its file", () => {
    const c = check(`"Nobody walks away from a fair offer," Haddad said.`, "Nobody walks", null);
    const md = hoverMarkdown(c, OPEN);
    assert.equal(md.split("\n\n")[0], "**Verbatim** · ✓ **Verified**");
    assert.equal(md.split("\n\n").pop(), `[sources\\/day\\-one\\.txt\\, line 7](${LINK})`);
  });

  it("an unsourced quote: the verdict alone (the diagnostic says the rest)", () => {
    const c = check(`Haddad said: "We will stay out until the summer holidays begin next year."`, "summer holidays");
    assert.equal(hoverMarkdown(c, OPEN), "**Verbatim** · ? **Unsourced**");
  });

  it("a role only the draft gives is never shown as the source's", () => {
    const c = check(`Union chief Samir Haddad, the lead negotiator, said: "Nobody walks away from a fair offer."`, "Nobody walks");
    assert.match(hoverMarkdown(c, OPEN), /Spoken by \*\*Samir Haddad\*\* \(general secretary, Harbour and Dockworkers Union\) according/);
    assert.doesNotMatch(hoverMarkdown(c, OPEN), /negotiator|Union chief/);
  });
  it("says whose words a relayed quote are and who recounts them", () => {
    const source = `Councillor Edda Brun recalled the meeting.\n\n"The ferry will never run at night again," Jonas Aalto said, according to Brun.\n`;
    const check = quoteWith(checkDraft(`"The ferry will never run at night again," Brun said.`, { "s.txt": source }), "never run");
    assert.match(hoverMarkdown(check, undefined), /Words of \*\*Jonas Aalto\*\* as \*\*Edda Brun\*\* \(Councillor\) recounts them, according to the source\./);
  });
  it("shows a source's unsure reading as the people it could be, never as who spoke", () => {
    // No cue: the paragraph before is only about Soto, so the reading is a guess.
    const source = `Maria Soto walked along the quay on Monday.\n\n"We will take this to the regional court before the summer."\n`;
    const check = quoteWith(checkDraft(`Ana Ruiz said: "We will take this to the regional court before the summer."`, { "s.txt": source }), "regional court");
    assert.equal(check.verdict, "speaker-unclear");
    const md = hoverMarkdown(check, undefined);
    assert.doesNotMatch(md, /Spoken by/);
    assert.match(md, /The source does not say clearly who spoke these words; it could be \*\*Maria Soto\*\* — check by hand\./);
  });
  it("says whose quotation holds words nested in it, and that the source does not say who first spoke them", () => {
    const source = `"I saw Brannagh at the gate. He turned to the crowd and said, 'The gates are theirs but the yard is ours,' and they cheered him," Abel Ruddle testified.\n`;
    const check = quoteWith(checkDraft(`Tom Brannagh told the crowd: "The gates are theirs but the yard is ours."`, { "trial.md": source }), "the yard is ours");
    const md = hoverMarkdown(check, undefined);
    assert.match(md, /Quoted inside the words of \*\*Abel Ruddle\*\*: the source has them repeating someone else, and does not say clearly who first spoke them\./);
    assert.doesNotMatch(md, /Spoken by/);
  });
});
