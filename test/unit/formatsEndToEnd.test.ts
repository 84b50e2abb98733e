import { strict as assert } from "node:assert";
import { QuoteChecker } from "../../src/core/check";
import type { SourceText } from "../../src/core/corpus/corpus";
import { reportJson } from "../../src/core/report/json";
import { readFixture } from "./formatHelpers";
import { kinds, quoteWith } from "./helpers";

/** Checks a draft against fixture files read by the format readers. */
async function check(draft: string, ...fixtures: string[]) {
  const sources: SourceText[] = [];
  for (const f of fixtures) sources.push(await readFixture(f));
  const reports = new QuoteChecker(sources).check([{ path: "draft.md", text: draft }]);
  return { checks: reports[0].checks, json: reportJson(reports) };
}

describe("checking drafts against transcripts, web pages and documents", () => {
  it("verifies a subtitle speaker's words given to them, and names the cue time", async () => {
    const { checks, json } = await check(`Board chair Priya Natarajan was firm: "We will not raise the water rates this year."`, "board-meeting.vtt");
    const c = quoteWith(checks, "water rates");
    assert.equal(c.verdict, "verified");
    assert.equal(c.source?.sourceQuote?.speaker?.name, "Priya Natarajan");
    assert.equal(json.files[0].quotes[0].source?.region, "00:00:04");
  });

  it("flags a subtitle speaker's words given to someone else", async () => {
    const { checks } = await check(`Priya Natarajan said: "The survey found two weak sections near the spillway."`, "board-meeting.vtt");
    const c = quoteWith(checks, "weak sections");
    assert.deepEqual(kinds(c), ["misattributed"]);
    assert.match(c.findings[0].message, /board-meeting\.vtt \(00:01:12\) attributes these words to Samuel Otieno/);
  });

  it("reads Q/A interview turns: the interviewee's answer verified, the same words given to the interviewer flagged", async () => {
    const right = await check(`Mayor Lena Kowalczyk said: "The reserves pay for it."`, "mayor-interview.txt");
    assert.equal(quoteWith(right.checks, "reserves pay").verdict, "verified");
    const wrong = await check(`Reporter Tom Reyes said: "It will be finished by October."`, "mayor-interview.txt");
    const c = quoteWith(wrong.checks, "finished by October");
    assert.deepEqual(kinds(c), ["misattributed"]);
    assert.match(c.findings[0].message, /Lena Kowalczyk/);
  });

  it("takes an HTML block quote's speaker from its attribution", async () => {
    const right = await check(`Engineer Samuel Otieno put it plainly: "That is not a crack you can paint over."`, "reservoir-article.html");
    const ok = quoteWith(right.checks, "crack you can paint");
    assert.equal(ok.verdict, "verified");
    assert.equal(ok.source?.sourceQuote?.speaker?.name, "Samuel Otieno");
    const wrong = await check(`"The wall has moved four centimetres in ten years," Priya Natarajan said.`, "reservoir-article.html");
    assert.deepEqual(kinds(quoteWith(wrong.checks, "four centimetres")), ["misattributed"]);
  });

  it("finds words in a PDF across a repaired line-end hyphen, on the right page", async () => {
    const { checks, json } = await check(`"We will not raise the water rates this year," said Priya Natarajan.\n\nThe minutes say the board met "to discuss the reservoir repairs".`, "water-board-minutes.pdf");
    assert.equal(quoteWith(checks, "water rates").verdict, "verified");
    assert.notEqual(quoteWith(checks, "reservoir repairs").verdict, "unsourced");
    assert.equal(json.files[0].quotes[0].source?.region, "page 1");
  });

  it("verifies a quote from a Word document and flags a changed word", async () => {
    const { checks } = await check(`Lena Kowalczyk said: "Every household will see the difference by spring."\n\nKowalczyk added: "Every household will see the difference by summer."`, "reservoir-plan.docx");
    assert.equal(quoteWith(checks, "by spring").verdict, "verified");
    assert.deepEqual(kinds(quoteWith(checks, "by summer")), ["misquoted"]);
  });
});
