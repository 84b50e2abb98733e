import { strict as assert } from "node:assert";
import { readBytes, readFixture, regions, turns } from "./formatHelpers";

describe("source formats", () => {
  it("reads plain text as it is, and Markdown as Markdown", async () => {
    const txt = await readBytes("notes.txt", "The wall is old.\r\nIt will be rebuilt.");
    assert.ok(!("skipped" in txt));
    assert.equal(txt.source.text, "The wall is old.\r\nIt will be rebuilt.");
    assert.equal(txt.source.markdown, undefined);
    const md = await readFixture("council-notes.md");
    assert.equal(md.markdown, true);
    assert.match(md.text, /^# Council notes/);
  });

  describe("HTML", () => {
    it("keeps the article and drops scripts, styles, navigation, banners, asides, footers and hidden text", async () => {
      const s = await readFixture("reservoir-article.html");
      assert.match(s.text, /^Reservoir wall to be rebuilt before winter\n\nThe Millbrook Water Board voted on Tuesday to rebuild the reservoir wall, a job engineers have called overdue since 2019\.\n\n/);
      for (const gone of ["tracker", "font-family", "Sport", "Home", "haunted", "Hidden text", "Contact the newsroom", "Reservoir wall to be rebuilt |"]) {
        assert.ok(!s.text.includes(gone), `"${gone}" should be dropped`);
      }
    });

    it("decodes entities and renders <q> with quote marks", async () => {
      const s = await readFixture("reservoir-article.html");
      assert.ok(s.text.includes("“Nobody’s bill goes up because of this wall,” she said."));
      assert.ok(s.text.includes("calling the plan “too little, far too late” & asking"));
    });

    it("turns a block quote into one paragraph followed by an attribution line", async () => {
      const s = await readFixture("reservoir-article.html");
      assert.ok(
        s.text.includes("\n\nThe wall has moved four centimetres in ten years.\nThat is not a crack you can paint over.\n\n— Samuel Otieno, the board's engineer\n\n"),
        s.text,
      );
    });

    it("takes the attribution from <cite>, or from a <figcaption> after the quote", async () => {
      const cite = await readBytes("a.html", `<p>Before.</p><blockquote>Fix the wall first.<cite>Ana Ruiz</cite></blockquote><p>After.</p>`);
      assert.ok(!("skipped" in cite));
      assert.equal(cite.source.text, "Before.\n\nFix the wall first.\n\n— Ana Ruiz\n\nAfter.");
      const fig = await readBytes("b.htm", `<figure><blockquote><p>Fix it.</p></blockquote><figcaption>&#8212; Ana Ruiz, engineer</figcaption></figure>`);
      assert.ok(!("skipped" in fig));
      assert.equal(fig.source.text, "Fix it.\n\n— Ana Ruiz, engineer");
    });

    it("reads broken and deeply nested markup without failing", async () => {
      const deep = "<div>".repeat(50000) + "Deep words." + "</div>".repeat(10);
      const r = await readBytes("deep.html", `<p>Open <b>bold <i>both</p><p>Next</table></td>${deep}`);
      assert.ok(!("skipped" in r));
      assert.match(r.source.text, /^Open bold both\n\nNext\n\nDeep words\.$/);
    });
  });

  describe("PDF", () => {
    it("puts lines in reading order, repairs line-end hyphens and joins wrapped lines", async () => {
      const s = await readFixture("water-board-minutes.pdf");
      assert.match(s.text, /^Millbrook Water Board: minutes of the March meeting\n\nThe board met to discuss the reservoir repairs on Tuesday evening\.\n\n/);
      assert.ok(s.text.includes(`"We will not raise the water rates this year," said Priya Natarajan, chair of the Millbrook Water Board.`));
    });

    it("labels each page as a region", async () => {
      const s = await readFixture("water-board-minutes.pdf");
      const r = regions(s);
      assert.equal(r.length, 2);
      assert.match(r[0], /^page 1: Millbrook Water Board/);
      assert.match(r[1], /^page 2: Engineering report\n\n"The pipes under Station Road/);
    });

    it("skips a damaged PDF with a reason", async () => {
      const r = await readBytes("broken.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF");
      assert.ok("skipped" in r);
      assert.match(r.skipped, /PDF/);
    });
  });

  describe("DOCX", () => {
    it("keeps Word paragraphs as paragraphs", async () => {
      const s = await readFixture("reservoir-plan.docx");
      assert.equal(
        s.text,
        "Millbrook announces new reservoir plan\n\nThe town of Millbrook will rebuild its reservoir wall over the summer, the mayor's office said on Wednesday.\n\n" +
          "“Every household will see the difference by spring,” said Lena Kowalczyk, Millbrook’s mayor.\n\nThe work is expected to cost four million pounds.",
      );
    });

    it("refuses a ZIP that is not a Word document, and an old .doc", async () => {
      const zip = new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(40).fill(0)]);
      const r = await readBytes("fake.docx", zip);
      assert.ok("skipped" in r);
      const doc = await readBytes("old.doc", "whatever");
      assert.ok("skipped" in doc && /\.docx/.test(doc.skipped));
    });
  });

  describe("subtitles", () => {
    it("WebVTT: voice tags name the speaker; one speaker's cues make one turn; cue times are regions", async () => {
      const s = await readFixture("board-meeting.vtt");
      assert.deepEqual(turns(s), [
        "Priya Natarajan: Good evening, and thank you all for coming. We will not raise the water rates this year, whatever the wall costs.",
        "Samuel Otieno: The survey found two weak sections near the spillway. Both can be fixed & tested by October.",
      ]);
      assert.deepEqual(regions(s), [
        "00:00:01: Priya Natarajan: Good evening, and thank you all for coming.",
        "00:00:04: We will not raise the water rates this year, whatever the wall costs.",
        "00:01:12: Samuel Otieno: The survey found two weak sections near the spillway.",
        "00:01:16: Both can be fixed & tested by October.",
      ]);
    });

    it("SRT: NAME: prefixes name the speaker, in normal case, until the next one", async () => {
      const s = await readFixture("radio-phone-in.srt");
      assert.deepEqual(turns(s), [
        "Host: You're listening to Millbrook Morning.",
        "Dara Whitfield: I've lived by that reservoir for thirty years. Nobody asked us about the wall.",
        "Lena Kowalczyk: The council will hold a public meeting in May.",
      ]);
      assert.equal(regions(s)[2], "00:00:09: Nobody asked us about the wall.");
    });

    it("drops the repeated line of rolling captions", async () => {
      const vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nthe wall will\n\n00:02.000 --> 00:03.000\nthe wall will\nbe finished soon\n";
      const r = await readBytes("auto.vtt", vtt);
      assert.ok(!("skipped" in r));
      assert.equal(r.source.text, "the wall will be finished soon");
      assert.equal(regions(r.source)[0], "00:00:01: the wall will");
    });
  });

  describe("plain-text transcripts", () => {
    it("reads NAME: turns, with names in normal case and turns running over several lines", async () => {
      const s = await readFixture("public-session.txt");
      assert.deepEqual(turns(s), [
        "Priya Natarajan: The next item is the spillway survey.",
        "Marcus O'Brien: I have a question about the survey costs.\nDo they come out of this year's budget?",
        "Priya Natarajan: They come out of the reserves, like the wall.",
        "Marcus O'Brien: Thank you.",
      ]);
    });

    it("gives A: turns to the interviewee and Q: turns to the named interviewer", async () => {
      const s = await readFixture("mayor-interview.txt");
      assert.deepEqual(turns(s), [
        "Tom Reyes: Will the wall be finished before the winter storms?",
        "Lena Kowalczyk: It will be finished by October, and I will walk along it myself.",
        "Tom Reyes: Who pays for it?",
        "Lena Kowalczyk: The reserves pay for it.\nNot a single household pays extra.",
      ]);
    });

    it("skips Q: turns when no interviewer is named", async () => {
      const r = await readBytes("qa.txt", "Interviewee: Ana Ruiz\n\nQ: Why now?\nA: Because the wall is moving.\nQ: And the cost?\nA: Reserves.\n");
      assert.ok(!("skipped" in r));
      assert.deepEqual(turns(r.source), ["Ana Ruiz: Because the wall is moving.", "Ana Ruiz: Reserves."]);
    });

    it("reads turns the same whatever the line ends (LF, CR LF, CR), and only labels in a line's first 120 characters", async () => {
      const lf = "Interview with Ana Ruiz, harbour master\nInterviewer: Tom Reyes\n\nQ: Why now?\nA: Because the wall is moving.\n\nQ: And the cost?\nA: Reserves.\nSo we wait: for now.\n";
      const want = ["Tom Reyes: Why now?", "Ana Ruiz: Because the wall is moving.", "Tom Reyes: And the cost?", "Ana Ruiz: Reserves.\nSo we wait: for now."];
      for (const [name, text] of [["lf.txt", lf], ["crlf.txt", lf.replace(/\n/g, "\r\n")], ["cr.txt", lf.replace(/\n/g, "\r")]]) {
        const r = await readBytes(name, text);
        assert.ok(!("skipped" in r));
        assert.deepEqual(turns(r.source).map((t) => t.replace(/\r\n?/g, "\n")), want, name);
      }
      // A turn's words must start within its line's first 120 characters: else two turns, no transcript.
      const turnsAfter = (indent: number) => " ".repeat(indent) + "JANE DOE: We agree.\nJOHN ROE: We do not.\nJANE DOE: Then we vote.\n";
      const late = await readBytes("late.txt", turnsAfter(110));
      assert.ok(!("skipped" in late));
      assert.equal(late.source.utterances, undefined);
      const early = await readBytes("early.txt", turnsAfter(100));
      assert.ok(!("skipped" in early));
      assert.deepEqual(turns(early.source), ["Jane Doe: We agree.", "John Roe: We do not.", "Jane Doe: Then we vote."]);
    });

    it("leaves an ordinary article with a label or two alone", async () => {
      const r = await readBytes("story.txt", "UPDATE: the meeting moved.\n\nThe board met. Photo: Ana Ruiz\n\nNOTE: corrected.\n\nIt rained all day.\n");
      assert.ok(!("skipped" in r));
      assert.equal(r.source.utterances, undefined);
    });
  });

  describe("choosing a reader", () => {
    it("recognises formats by content when the extension says nothing", async () => {
      const vtt = await readBytes("captions", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana Ruiz>Hello there.\n");
      assert.ok(!("skipped" in vtt) && vtt.source.utterances?.[0].speaker === "Ana Ruiz");
      const html = await readBytes("page.dat", "<!DOCTYPE html><p>Hi &amp; bye</p><script>x()</script>");
      assert.ok(!("skipped" in html) && html.source.text === "Hi & bye");
    });

    it("skips binary files, empty files and files with no words", async () => {
      const png = await readBytes("photo.bin", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      assert.ok("skipped" in png && /binary/.test(png.skipped));
      const empty = await readBytes("empty.txt", new Uint8Array(0));
      assert.ok("skipped" in empty && /empty/.test(empty.skipped));
      const blank = await readBytes("blank.html", "<script>only()</script>  \n ");
      assert.ok("skipped" in blank);
    });
  });
});
