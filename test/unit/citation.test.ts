import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import type { SourceText } from "../../src/core/corpus/corpus";
import { citationFix, type CitationStyle } from "../../src/core/edits/citation";
import { applyEdits } from "../../src/core/edits/textEdit";
import type { SourceMetadata } from "../../src/core/formats/metadata";
import { quoteWith } from "./helpers";

const ARTICLE = `Harbourside council approves the new ferry timetable

The council's transport chair, Maria Okafor, defended the cuts on Monday.

"We cannot run empty boats at midnight and call it a service," Ms. Okafor said.

The ferry operator was less sure. "Passengers will simply drive instead, and the bridge is already full," said Tomas Lindqvist, chief executive of Bluewater Ferries.
`;
const HERALD: SourceMetadata = { title: "Council approves the new ferry timetable", outlet: "Harbourside Herald", date: "2024-06-03", url: "https://herald.example/ferry-timetable" };

function check(draft: string, metadata: SourceMetadata | null = HERALD, words = "simply drive") {
  const source: SourceText = { path: "sources/council.txt", text: ARTICLE, ...(metadata ? { metadata } : {}) };
  return quoteWith(new QuoteChecker([source]).check([{ path: "draft.md", text: draft }])[0].checks, words);
}

/** The draft after the citation fix, in a style. */
function cited(draft: string, style: CitationStyle = "footnote", options: { markdown?: boolean; place?: string; metadata?: SourceMetadata | null; words?: string } = {}): string {
  const c = check(draft, options.metadata === undefined ? HERALD : options.metadata, options.words);
  const fix = citationFix(draft, c, options.markdown ?? true, { label: "sources/council.txt", place: options.place ?? "line 7" }, style);
  assert.ok(fix, "a citation is offered");
  return applyEdits(draft, fix.edits);
}

const QUOTE = `"Passengers will simply drive instead," Lindqvist said.`;

describe("citations a desk accepts", () => {
  describe("footnote (the default)", () => {
    it("names the outlet, headline, date and link", () => {
      assert.equal(cited(QUOTE), `"Passengers will simply drive instead,"[^1] Lindqvist said.\n\n[^1]: Harbourside Herald, “Council approves the new ferry timetable,” June 3, 2024, <https://herald.example/ferry-timetable>.\n`);
    });

    it("is titled with the outlet and date", () => {
      assert.equal(citationFix(QUOTE, check(QUOTE), true, { label: "sources/council.txt", place: "line 7" })?.title, "Add citation (Harbourside Herald, June 3, 2024)");
    });

    it("reuses an identical definition for a second quote from the same source", () => {
      const once = cited(QUOTE);
      const twice = once.replace("Lindqvist said.", `Lindqvist said. "We cannot run empty boats at midnight," Okafor said.`);
      assert.equal(
        cited(twice, "footnote", { words: "empty boats" }),
        `"Passengers will simply drive instead,"[^1] Lindqvist said. "We cannot run empty boats at midnight,"[^1] Okafor said.\n\n[^1]: Harbourside Herald, “Council approves the new ferry timetable,” June 3, 2024, <https://herald.example/ferry-timetable>.\n`,
      );
    });

    it("gives a transcript's timestamp or a document's page, not a line number", () => {
      assert.match(cited(QUOTE, "footnote", { place: "00:01:44" }), /June 3, 2024, at 00:01:44, <https/);
      assert.match(cited(QUOTE, "footnote", { place: "page 2" }), /June 3, 2024, page 2, <https/);
    });

    it("keeps source text inert: Markdown in a headline is escaped", () => {
      const out = cited(QUOTE, "footnote", { metadata: { ...HERALD, title: "Ferries *cut* [again]" } });
      assert.match(out, /“Ferries \\\*cut\\\* \\\[again\\\],”/);
    });

    it("the bare file only when the source says nothing about itself", () => {
      assert.equal(cited(QUOTE, "footnote", { metadata: null }), `"Passengers will simply drive instead,"[^1] Lindqvist said.\n\n[^1]: sources/council.txt, line 7.\n`);
    });
  });

  describe("inline link", () => {
    it("goes before the full stop of the quote's sentence", () => {
      assert.equal(cited(QUOTE, "link"), `"Passengers will simply drive instead," Lindqvist said ([Harbourside Herald, “Council approves the new ferry timetable,” June 3, 2024](https://herald.example/ferry-timetable)).`);
    });

    it("follows the closing mark when the quotation ends the sentence", () => {
      const draft = `Lindqvist said: "Passengers will simply drive instead."\n\nMore text.`;
      assert.equal(cited(draft, "link"), `Lindqvist said: "Passengers will simply drive instead." ([Harbourside Herald, “Council approves the new ferry timetable,” June 3, 2024](https://herald.example/ferry-timetable))\n\nMore text.`);
    });

    it("without an address, the credit in brackets", () => {
      assert.equal(cited(QUOTE, "link", { metadata: { outlet: "Harbourside Herald", date: "2024-06-03" } }), `"Passengers will simply drive instead," Lindqvist said (Harbourside Herald, June 3, 2024).`);
    });
  });

  describe("AP-style attribution phrase", () => {
    it("turns `said` into `told <outlet> on <date>`", () => {
      assert.equal(cited(QUOTE, "ap"), `"Passengers will simply drive instead," Lindqvist told the Harbourside Herald on June 3, 2024.`);
      assert.equal(cited(`Lindqvist said: "Passengers will simply drive instead."`, "ap"), `Lindqvist told the Harbourside Herald on June 3, 2024: "Passengers will simply drive instead."`);
      assert.equal(cited(`"Passengers will simply drive instead," said Tomas Lindqvist.`, "ap"), `"Passengers will simply drive instead," Tomas Lindqvist told the Harbourside Herald on June 3, 2024.`);
    });

    it("leaves a `said X, who …` sentence alone (a footnote instead)", () => {
      assert.match(cited(`"Passengers will simply drive instead," said Tomas Lindqvist, who runs the ferries.`, "ap"), /instead,"\[\^1\] said Tomas Lindqvist, who runs the ferries\./);
    });

    it("is titled with the phrase", () => {
      const fix = citationFix(QUOTE, check(QUOTE), true, { label: "x", place: "" }, "ap");
      assert.equal(fix?.title, "Cite as “told the Harbourside Herald on June 3, 2024”");
    });

    it("a statement from the speaker's own organisation: `said in a statement`", () => {
      const statement = { outlet: "Bluewater Ferries", date: "2024-06-03" };
      assert.equal(cited(QUOTE, "ap", { metadata: statement }), `"Passengers will simply drive instead," Lindqvist said in a statement on June 3, 2024.`);
    });

    it("no outlet takes `the` unless it is a publication; without a `said` to turn, a footnote", () => {
      assert.equal(cited(QUOTE, "ap", { metadata: { outlet: "Coast FM", date: "2024-06-03" } }), `"Passengers will simply drive instead," Lindqvist told Coast FM on June 3, 2024.`);
      assert.match(cited(`Lindqvist warned: "Passengers will simply drive instead."`, "ap"), /instead\."\[\^1\]\n\n\[\^1\]: Harbourside Herald.*\n$/);
    });
  });

  it("plain text: the credit in brackets after the quote", () => {
    assert.equal(cited(QUOTE, "footnote", { markdown: false }), `"Passengers will simply drive instead," [source: Harbourside Herald, “Council approves the new ferry timetable,” June 3, 2024, https://herald.example/ferry-timetable] Lindqvist said.`);
  });

  describe("is not offered", () => {
    const offered = (draft: string, words: string) => citationFix(draft, check(draft, HERALD, words), true, { label: "x", place: "" }) !== undefined;
    it("on a misattributed quote (fix the speaker first)", () => assert.equal(offered(`"Passengers will simply drive instead," Okafor said.`, "simply drive"), false));
    it("on an unsourced quote", () => assert.equal(offered(`Okafor said: "The timetable will be reviewed every spring by an independent panel."`, "independent panel"), false));
    it("on emphasis", () => assert.equal(offered(`The so-called "service" is gone.`, "service"), false));
    it("on a quote already cited", () => assert.equal(offered(`"Passengers will simply drive instead,"[^3] Lindqvist said.\n\n[^3]: x.\n`, "simply drive"), false));
    it("…and a quote at the very end of the draft gets its reference and definition in one edit", () =>
      assert.equal(cited(`Lindqvist said: "Passengers will simply drive instead."`, "footnote", { metadata: null }), `Lindqvist said: "Passengers will simply drive instead."[^1]\n\n[^1]: sources/council.txt, line 7.\n`));
    it("but on a misquote, yes", () => assert.equal(offered(`Lindqvist said: "Passengers will simply walk instead, and the bridge is already full."`, "simply walk"), true));
  });
});
