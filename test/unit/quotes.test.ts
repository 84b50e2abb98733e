import { strict as assert } from "node:assert";
import { prepareDocument } from "../../src/core/document/document";

/** The quoted words of every quote, pieces joined by " | ". */
function quotes(text: string, path = "draft.txt"): string[] {
  const doc = prepareDocument(path, text);
  return doc.quotes.map((q) => q.pieces.map((p) => text.slice(p.start, p.end)).join(" | "));
}

describe("quote finding", () => {
  it("finds straight and curly double quotes, with exact offsets", () => {
    const text = `He said "the tide is high" and she said \u201cthe boats are late.\u201d`;
    const doc = prepareDocument("d.txt", text);
    assert.deepEqual(
      doc.quotes.map((q) => [q.start, q.end]),
      [
        [9, 25],
        [41, 60],
      ],
    );
    assert.equal(text.slice(9, 25), "the tide is high");
  });

  it("keeps nested single quotes inside a double quote", () => {
    assert.deepEqual(quotes(`"They told me \u2018wait until spring\u2019 and I waited," she said.`), [
      "They told me \u2018wait until spring\u2019 and I waited,",
    ]);
  });

  it("records where a nested quotation stands inside a double one (curly or straight marks), never an apostrophe", () => {
    const inner = (text: string) => prepareDocument("d.txt", text).quotes.map((q) => (q.inner ?? []).map((s) => text.slice(s.start, s.end)));
    assert.deepEqual(inner(`"They told me \u2018wait until spring\u2019 and I waited," she said.`), [["wait until spring"]]);
    assert.deepEqual(inner(`"He turned round and said, 'The yard is ours,' and they cheered," Ames testified.`), [["The yard is ours,"]]);
    assert.deepEqual(inner(`"We don't know the dockers' plans, and it's late," she said.`), [[]]);
  });

  it("reads guillemets", () => {
    assert.deepEqual(quotes(`Le maire a dit : \u00abNous reconstruirons le quai.\u00bb`), ["Nous reconstruirons le quai."]);
  });

  it("does not take apostrophes for quote marks", () => {
    assert.deepEqual(quotes(`The users\u2019 accounts weren\u2019t frozen and the dockers' union didn't strike.`), []);
  });

  it("joins a quote that runs over several paragraphs", () => {
    const text = `The mayor spoke at length.\n\n\u201cWe will rebuild the pier.\n\n\u201cAnd we will do it this year.\u201d\n\nThen she left.`;
    assert.deepEqual(quotes(text), ["We will rebuild the pier. | And we will do it this year."]);
  });

  it("does not run a typewriter-marked excerpt into a paragraph that opens a typographic quotation", () => {
    // A pasted excerpt in `"…"` quoting someone in `“…”`: the inner quotation is its own.
    const text = `Read the report below:\n\n"The minister arrived late on Monday.\n\n\u201cWe are close to a deal,\u201d Ada Moss said.\n\nMoss left at noon."`;
    assert.deepEqual(quotes(text), ["The minister arrived late on Monday.", "We are close to a deal,"]);
    // The same mark continues it, in either style.
    assert.deepEqual(quotes(`"We will rebuild the pier.\n\n"And we will do it this year," she said.`), ["We will rebuild the pier. | And we will do it this year,"]);
  });

  it("closes an unbalanced quote at the end of its paragraph and finds the next ones", () => {
    const text = `She said "the pier is closed.\n\nLater he said "it will reopen" on Monday.`;
    assert.deepEqual(quotes(text), ["the pier is closed.", "it will reopen"]);
    const doc = prepareDocument("d.txt", text);
    assert.equal(doc.quotes[0].unclosed, true);
  });

  it("reads a paragraph without marks followed by an attribution line as a quotation", () => {
    const text = `The minister spoke.\n\nWe will not close a single school this year. That is a promise.\n\nsaid Mr. Ortega.\n`;
    assert.deepEqual(quotes(text), ["We will not close a single school this year. That is a promise."]);
  });

  it("reads a wire story's section heading between dashes (`– Old hands –`) as no attribution line", () => {
    const text = `"The delay costs us a little," said port director Ada Moss, though she expected it to pass.\n\n\u2013 Old hands \u2013.\n\nThe port opens in May.\n`;
    const doc = prepareDocument("d.txt", text);
    assert.deepEqual(doc.quotes.map((q) => [q.form, text.slice(q.start, q.end)]), [["marked", "The delay costs us a little,"]]);
  });

  it("closes a quotation at an opening mark typed where the closing one belongs (`…, here,“ said Doe`)", () => {
    const text = `“The reality is, that could create problems for her here,“ said Ada Moss. “We will see.”\n\nThe port asked for an “expedited review“ of the pier.\n`;
    assert.deepEqual(quotes(text), ["The reality is, that could create problems for her here,", "We will see.", "expedited review"]);
  });

  it("reads a Markdown block quote with a dash attribution line", () => {
    const text = `Intro.\n\n> Build the pier first.\n> Then the market.\n>\n> \u2014 Ana Ortega, Mayor\n`;
    const doc = prepareDocument("d.md", text);
    assert.equal(doc.quotes.length, 1);
    assert.equal(doc.quotes[0].form, "blockquote");
    assert.deepEqual(
      doc.quotes[0].pieces.map((p) => text.slice(p.start, p.end)),
      ["Build the pier first.", "Then the market."],
    );
  });

  it("ignores quote marks in Markdown code", () => {
    const text = "Text.\n\n```\nconst s = \"not a quote at all\";\n```\n\nShe said \"this one counts\".";
    assert.deepEqual(quotes(text, "d.md"), ["this one counts"]);
  });

  it("survives a document of nothing but quote marks", () => {
    const text = `"""\u201c\u201d\u201d\u00ab\u00bb' \u2018 \u2019 " " "\n\n\u201c\n\u201d`;
    const doc = prepareDocument("d.txt", text);
    for (const q of doc.quotes) for (const p of q.pieces) assert.ok(p.start >= 0 && p.end <= text.length && p.start < p.end);
  });
  it("finds quotations in straight single quotes, and leaves apostrophes alone", () => {
    assert.deepEqual(quotes(`'It is a sad day for the club,' manager Gary Mellor told the paper. 'We let them down.'`), ["It is a sad day for the club,", "We let them down."]);
    assert.deepEqual(quotes(`'We beat the players' union,' he said.`), ["We beat the players' union,"]);
    assert.deepEqual(quotes(`Rock 'n' roll is back, and 'em too; it's the '90s again, said the boys' coach.`), []);
    // An apostrophe opening a name (\`in 't Veld\`) never swallows the double-quoted words after it.
    assert.deepEqual(quotes(`"Europe is changing," said Sophie in 't Veld. "It's a risk everywhere."`), ["Europe is changing,", "It's a risk everywhere."]);
  });
  it("reads a word cut short (`runnin’`, `o’`) inside single quotes as an apostrophe, not the closing mark", () => {
    assert.deepEqual(quotes(`\u2018We were chasin\u2019 shadows all winter,\u2019 said Ewan Strachan. \u2018Nothin\u2019 left for the lambs.\u2019`), ["We were chasin\u2019 shadows all winter,", "Nothin\u2019 left for the lambs."]);
    assert.deepEqual(quotes(`\u2018Twenty years o\u2019 waiting,\u2019 he said.`), ["Twenty years o\u2019 waiting,"]);
    assert.deepEqual(quotes(`'We were chasin' shadows,' said Ewan Strachan.`), ["We were chasin' shadows,"]);
    // A name or a lone closing mark still closes: scare quotes stay short.
    assert.deepEqual(quotes(`He called it the \u2018Berlin\u2019 option and the \u2018Dublin\u2019 plan.`), ["Berlin", "Dublin"]);
    assert.deepEqual(quotes(`Locals call the bend \u2018the coffin\u2019 and avoid it.`), ["the coffin"]);
  });
  it("reads quote marks typed as two characters (two apostrophes, two backticks), offsets unchanged", () => {
    const text = "Mr. Hoenlein spoke. ''I said, 'The lesson is clear,''' he recalled. ``It is not core,'' said Mark Ortega.";
    assert.deepEqual(quotes(text), ["I said, 'The lesson is clear,'", "It is not core,"]);
    assert.equal(prepareDocument("d.txt", text).text.length, text.length);
    // In Markdown, backticks stay code.
    assert.deepEqual(quotes("Run ``npm test`` and ''it works,'' she said.", "d.md"), ["it works,"]);
  });
});
