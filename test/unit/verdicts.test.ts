import { strict as assert } from "node:assert";
import { checkDraft, kinds, quoteWith } from "./helpers";

const SOURCE = `Harbourside council approves the new ferry timetable

The council's transport chair, Maria Okafor, defended the cuts on Monday.

"We cannot run empty boats at midnight and call it a service," Ms. Okafor said.

The ferry operator was less sure. "Passengers will simply drive instead, and the bridge is already full," said Tomas Lindqvist, chief executive of Bluewater Ferries.
`;

const TESTIMONY = `Watchman tells court of the yard march

The watchman, Abel Ruddle, gave evidence on the second day.

"I saw Brannagh at the gate. He turned to the crowd and said, 'The gates are theirs but the yard is ours,' and they cheered him," Ruddle testified.
`;

describe("verdicts", () => {
  it("never accuses a draft crediting words nested in a source's quotation to someone else: the source speaker only reports them (speaker unclear, never misattributed or verified)", () => {
    const checks = checkDraft(`At the gate, the organiser Tom Brannagh told the crowd: "The gates are theirs but the yard is ours."`, { "trial.md": TESTIMONY });
    const c = quoteWith(checks, "the yard is ours");
    assert.equal(c.verdict, "speaker-unclear");
    assert.equal(c.source?.sourceQuote?.speaker, undefined);
    assert.equal(c.source?.sourceQuote?.reportedBy?.name, "Abel Ruddle");
    // The watchman's own words stay his.
    assert.equal(quoteWith(checkDraft(`Ruddle told the court: "I saw Brannagh at the gate."`, { "trial.md": TESTIMONY }), "I saw Brannagh").verdict, "verified");
  });

  it("verifies a quote given to its real speaker", () => {
    const checks = checkDraft(`Maria Okafor said: "We cannot run empty boats at midnight and call it a service."`, { "council.txt": SOURCE });
    const c = quoteWith(checks, "empty boats");
    assert.deepEqual(kinds(c), []);
    assert.equal(c.verdict, "verified");
    assert.equal(c.speaker?.name, "Maria Okafor");
    assert.equal(c.source?.sourceQuote?.speaker?.name, "Maria Okafor");
  });

  it("flags a quote given to the wrong person, naming the real speaker and file", () => {
    const checks = checkDraft(`"Passengers will simply drive instead," Okafor said.`, { "council.txt": SOURCE });
    const c = quoteWith(checks, "simply drive");
    assert.deepEqual(kinds(c), ["misattributed"]);
    // The draft names only "Okafor": the message says what the draft says, not who another document is.
    assert.match(c.findings[0].message, /attributed to Okafor, but council\.txt attributes these words to Tomas Lindqvist/);
  });

  it("flags changed words as a misquote and shows the difference", () => {
    const checks = checkDraft(`Lindqvist said: "Passengers will simply drive instead, and the bridge is already packed."`, { "council.txt": SOURCE });
    const c = quoteWith(checks, "simply drive");
    assert.deepEqual(kinds(c), ["misquoted"]);
    assert.ok(c.diff?.some((d) => d.kind === "removed" && d.text === "packed"));
    assert.ok(c.diff?.some((d) => d.kind === "added" && d.text === "full"));
  });

  it("compares every source that prints the words word for word, not the first eight: a reprint crediting the draft's speaker is never cut", () => {
    const sources: Record<string, string> = {};
    for (let i = 1; i <= 10; i++) sources[`wire-${String(i).padStart(2, "0")}.txt`] = `Dock workers met on Friday.\n\n"The harbour will stay open all winter," said Ossi Berg, the port's director.`;
    sources["wire-11.txt"] = `Dock workers met on Friday.\n\n"The harbour will stay open all winter," said Lena Quill, the union's chair.`;
    const right = quoteWith(checkDraft(`"The harbour will stay open all winter," Lena Quill said on Friday.`, sources), "harbour will stay");
    assert.equal(right.verdict, "verified");
    assert.equal(right.source?.sourceQuote?.speaker?.name, "Lena Quill");
    // Given to a third person, it is still caught.
    assert.equal(quoteWith(checkDraft(`"The harbour will stay open all winter," Tomas Veld said on Friday.`, sources), "harbour will stay").verdict, "misattributed");
  });

  it("ranks candidate windows by the distinct quotation 3-grams they hold: boilerplate repeating a few of them never crowds out the exact copy", () => {
    // Ten blocks of a notice repeating four of the quotation's 3-grams seven times (28 hits each,
    // more than the exact copy's 19), each block farther from the next than a window reaches.
    const filler = "Ticket offices open at seven and close at nine on weekdays, and at ten on Sundays. Lost property is kept at the harbour office for thirty days before it goes to charity. Dogs on leads are welcome on deck but not in the saloon.";
    const block = Array.from({ length: 7 }, () => "Notice: the night ferry will carry bicycles.").join("\n");
    const sources: Record<string, string> = {
      "a-notices.txt": Array.from({ length: 10 }, () => `${block}\n\n${filler}`).join("\n\n"),
      "b-report.txt": `The ferry company spoke on Monday.\n\n"The night ferry will carry bicycles free of charge from the first of May, and fares for children will not change," said Ines Marlowe, the company's spokeswoman.`,
    };
    const words = "The night ferry will carry bicycles free of charge from the first of May, and fares for children will not change";
    const wrong = quoteWith(checkDraft(`"${words}," Pavel Renko said.`, sources), "free of charge");
    assert.equal(wrong.verdict, "misattributed");
    assert.equal(wrong.source?.document.path, "b-report.txt");
    assert.equal(wrong.source?.sourceQuote?.speaker?.name, "Ines Marlowe");
    assert.equal(quoteWith(checkDraft(`"${words}," Ines Marlowe said.`, sources), "free of charge").verdict, "verified");
  });

  it("takes `her campaign` in a source and `Jane Doe's campaign` or `Doe's campaign` in a draft for one speaker, and Jane Doe herself as unclear", () => {
    const sources = { "email.txt": `Senator Ada Moss spoke in Lisport on Monday. Her campaign quickly sent an email to supporters stating, "Moss wins again, and the harbour wins with her."` };
    for (const draft of [`Ada Moss's campaign said in an email, "Moss wins again, and the harbour wins with her."`, `Moss's campaign said in an email, "Moss wins again, and the harbour wins with her."`]) {
      const check = quoteWith(checkDraft(draft, sources), "harbour wins");
      assert.notEqual(check.verdict, "misattributed", draft);
      assert.equal(check.source?.sourceQuote?.speaker?.orgType, "campaign");
    }
    // The person for her own campaign: neither verified nor an accusation.
    assert.equal(quoteWith(checkDraft(`Ada Moss said in an email, "Moss wins again, and the harbour wins with her."`, sources), "harbour wins").verdict, "speaker-unclear");
  });

  it("reports words found nowhere as unsourced", () => {
    const checks = checkDraft(`Okafor said: "The timetable will be reviewed every spring by an independent panel."`, { "council.txt": SOURCE });
    assert.deepEqual(kinds(quoteWith(checks, "independent panel")), ["unsourced"]);
  });

  it("never calls a scare quote unsourced", () => {
    const checks = checkDraft(`The so-called "modern timetable" starts in May.`, { "council.txt": SOURCE });
    const c = quoteWith(checks, "modern timetable");
    assert.deepEqual(kinds(c), []);
    assert.equal(c.quote.scare, true);
  });
  it("words one person says another spoke (`Doe said, according to Roe`) are on record from either, and from nobody else", () => {
    const source = `Councillor Edda Brun recalled the meeting.\n\n"The ferry will never run at night again," Jonas Aalto said, according to Brun.\n`;
    for (const [draft, verdict] of [
      [`"The ferry will never run at night again," Brun said.`, "verified"],
      [`"The ferry will never run at night again," Jonas Aalto said.`, "verified"],
      [`"The ferry will never run at night again," Mayor Ilse Novak said.`, "misattributed"],
    ] as const) {
      const c = quoteWith(checkDraft(draft, { "meeting.txt": source }), "never run");
      assert.equal(c.verdict, verdict, draft);
      assert.equal(c.source?.sourceQuote?.speaker?.name, "Edda Brun");
      assert.equal(c.source?.sourceQuote?.relayed?.name, "Jonas Aalto");
    }
  });
});
