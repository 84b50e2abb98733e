import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { SourceText } from "../../src/core/corpus/corpus";
import { readSource } from "../../src/core/formats";
import { apDate, cleanMetadata, mergeMetadata, parseDate, sourceCredit } from "../../src/core/formats/metadata";
import { entryMetadata, pairSidecars, parseSidecar, readSourceEntries, sidecarPaths } from "../../src/core/formats/sidecar";
import { checkDraft, quoteWith } from "./helpers";

const ROOT = path.resolve(__dirname, "..", "..", "..");

async function read(name: string, content: string | Uint8Array): Promise<SourceText> {
  const result = await readSource(name, typeof content === "string" ? new TextEncoder().encode(content) : content);
  if ("skipped" in result) throw new Error(`${name} skipped: ${result.skipped}`);
  return result.source;
}

const sample = (name: string) => new Uint8Array(fs.readFileSync(path.join(ROOT, "sample", "sources", name)));

describe("source metadata: HTML", () => {
  it("reads JSON-LD NewsArticle inside @graph, Open Graph and the canonical link", async () => {
    const html = `<!doctype html><html><head>
      <title>Tram line delayed again | Lisport Courier</title>
      <meta property="og:site_name" content="The Lisport Courier">
      <meta property="og:url" content="https://courier.example/og-url">
      <link rel="canonical" href="https://courier.example/2024/05/02/tram-line-delayed">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Courier site"},
        {"@type":["NewsArticle"],"headline":"Tram line delayed again","datePublished":"2024-05-02T23:10:00-04:00",
         "author":[{"@type":"Person","name":"Ada Quill"},{"@type":"Person","name":"Bo Tern"}]}]}</script>
      </head><body><article><p>"We are doing what we can," said the engineer.</p></article></body></html>`;
    const s = await read("courier.html", html);
    // The date as the publisher wrote it (its own calendar day), not shifted to UTC.
    assert.deepEqual(s.metadata, {
      title: "Tram line delayed again",
      outlet: "The Lisport Courier",
      authors: ["Ada Quill", "Bo Tern"],
      date: "2024-05-02",
      url: "https://courier.example/2024/05/02/tram-line-delayed",
    });
  });

  it("falls back to the title tag's tail, meta author, <time pubdate> and the byline", async () => {
    const html = `<html><head><title>Bridge repairs start in June – Valemouth Gazette</title><meta name="author" content="Cy Moran"></head>
      <body><article><p class="byline">By Someone Else</p><time datetime="2023-11-04" pubdate>4 Nov</time><p>Text.</p></article></body></html>`;
    const s = await read("g.html", html);
    assert.deepEqual(s.metadata, { title: "Bridge repairs start in June", outlet: "Valemouth Gazette", authors: ["Cy Moran"], date: "2023-11-04" });
    const bylineOnly = await read("b.html", `<html><body><div class="article-byline">By Dee Lark and Eli Moss</div><p>Text here.</p></body></html>`);
    assert.deepEqual(bylineOnly.metadata, { authors: ["Dee Lark", "Eli Moss"] });
  });

  it("keeps hostile metadata inert: no script addresses, control characters or bidi overrides", async () => {
    const html = `<html><head><title>Plain\u001b[31m red\u202e title</title><link rel="canonical" href="javascript:alert(1)">
      <meta property="og:url" content="https://user:secret@example.com/x"></head><body><p>Text.</p></body></html>`;
    const s = await read("h.html", html);
    assert.deepEqual(s.metadata, { title: "Plain[31m red title", url: "https://example.com/x" });
  });

  it("has none when the page says nothing, and survives broken JSON-LD", async () => {
    assert.equal((await read("n.html", `<html><body><p>Just text.</p></body></html>`)).metadata, undefined);
    const s = await read("j.html", `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><title>Only this</title></head><body><p>x</p></body></html>`);
    assert.deepEqual(s.metadata, { title: "Only this" });
  });

  it("the sample page", async () => {
    const s = await read("northgate-evening-post.html", sample("northgate-evening-post.html"));
    assert.deepEqual(s.metadata, {
      title: "Cafés on the quay count the cost of the strike",
      outlet: "Northgate Evening Post",
      authors: ["Priya Menon"],
      date: "2025-03-12",
      url: "https://eveningpost.example/news/2025/03/12/cafes-on-the-quay-count-the-cost",
    });
  });
});

describe("source metadata: Markdown front matter", () => {
  const story = `---\ntitle: "Library to open on Sundays"\npublisher: Fenby Herald\nauthor: [Gil Pratt, Hana Ives]\ndate: 2022-08-19\npermalink: https://herald.example/library-sundays\n---\n\n"We listened to the parents," said Ona Reed, the head librarian.\n`;

  it("reads YAML front matter and blanks it out of the text, keeping every offset and line", async () => {
    const s = await read("library.md", story);
    assert.deepEqual(s.metadata, { title: "Library to open on Sundays", outlet: "Fenby Herald", authors: ["Gil Pratt", "Hana Ives"], date: "2022-08-19", url: "https://herald.example/library-sundays" });
    assert.equal(s.text.length, story.length);
    assert.equal(s.text.split("\n").length, story.split("\n").length);
    assert.ok(!s.text.includes("Fenby"), "front matter is not source text");
    assert.equal(s.text.slice(story.indexOf('"We')), story.slice(story.indexOf('"We')));
  });

  it("reads TOML front matter", async () => {
    const s = await read("t.md", `+++\ntitle = "Pool closes for repairs"\nauthors = ["Ivo Lund"]\ndate = 2021-02-03T09:00:00+01:00\n+++\nBody.\n`);
    assert.deepEqual(s.metadata, { title: "Pool closes for repairs", authors: ["Ivo Lund"], date: "2021-02-03" });
  });

  it("takes the first heading as the title when there is no front matter; ignores front matter that does not parse", async () => {
    assert.deepEqual((await read("h.md", `# Harbour statement\n\nText.\n`)).metadata, { title: "Harbour statement" });
    const broken = `---\ntitle: [unclosed\n---\nText.\n`;
    const s = await read("b.md", broken);
    assert.equal(s.metadata, undefined);
    assert.equal(s.text, broken);
  });

  it("the sample statement", async () => {
    const s = await read("union-statement.md", sample("union-statement.md"));
    assert.deepEqual(s.metadata, { title: "Statement from the Harbour and Dockworkers Union", outlet: "Harbour and Dockworkers Union", date: "2025-03-11", url: "https://hdu.example/news/northgate-stoppage" });
  });

  it("a quote in a front-mattered source is still found at the right place", () => {
    const checks = checkDraft(`Reed said: "We listened to the parents."`, { "sources/library.md": story.replace(/^---[\s\S]*?---\n/, (m) => m.replace(/[^\n]/g, " ")) });
    assert.equal(quoteWith(checks, "listened").verdict, "verified");
  });
});

describe("source metadata: DOCX and PDF", () => {
  it("reads a Word document's core, application and custom properties", async () => {
    const s = await read("council-emergency-session.docx", sample("council-emergency-session.docx"));
    assert.deepEqual(s.metadata, {
      title: "Emergency session on the port stoppage",
      outlet: "Northgate City Council",
      authors: ["Council press office"],
      date: "2025-03-12",
      url: "https://northgate.example/council/emergency-session-port-stoppage",
    });
  });

  it("reads a PDF's document information", async () => {
    const s = await read("northgate-ports-statement.pdf", sample("northgate-ports-statement.pdf"));
    assert.deepEqual(s.metadata, {
      title: "Statement on the industrial action",
      outlet: "Northgate Ports",
      authors: ["Northgate Ports press office"],
      date: "2025-03-12",
      url: "https://northgateports.example/news/statement-industrial-action",
    });
  });

  it("files without properties have none", async () => {
    const fixtures = path.join(ROOT, "test", "fixtures", "formats");
    for (const name of ["reservoir-plan.docx", "water-board-minutes.pdf"]) {
      assert.equal((await read(name, new Uint8Array(fs.readFileSync(path.join(fixtures, name))))).metadata, undefined, name);
    }
  });
});

describe("source metadata: subtitles and transcripts", () => {
  it("reads the WebVTT header text and Key: value lines in a NOTE before the first cue", async () => {
    const s = await read("quayside-press-conference.vtt", sample("quayside-press-conference.vtt"));
    assert.deepEqual(s.metadata, {
      title: "Mayor's press conference at the quayside",
      outlet: "Northgate City Council",
      date: "2025-03-12",
      url: "https://northgate.example/video/quayside-press-conference",
    });
    assert.equal(s.utterances?.[0].speaker, "Elena Brandt", "the header is not a cue");
  });

  it("reads Key: value lines opening an SRT file, and nothing from cues", async () => {
    const srt = `Title: Evening phone-in\nStation: Coast Radio\nAired: 2020-01-07\n\n1\n00:00:01,000 --> 00:00:03,000\nDATE: not a header\n`;
    assert.deepEqual((await read("p.srt", srt)).metadata, { title: "Evening phone-in", outlet: "Coast Radio", date: "2020-01-07" });
    assert.equal((await read("q.srt", `1\n00:00:01,000 --> 00:00:03,000\nTitle: spoken words\n`)).metadata, undefined);
  });

  it("reads a transcript's header: interview title, interviewer and outlet, a recording date with a year", async () => {
    const s = await read("haddad-interview-transcript.txt", sample("haddad-interview-transcript.txt"));
    assert.deepEqual(s.metadata, {
      title: "Interview with Samir Haddad, General Secretary of the Harbour and Dockworkers Union",
      outlet: "Northgate Evening Post",
      authors: ["Priya Menon"],
      date: "2025-03-12",
    });
    const noYear = await read("t.txt", `Interview with Uma Voss\nRecorded on Friday\n\nQ: Why?\n\nA: Because.\n\nQ: When?\n\nA: Soon.\n`);
    assert.deepEqual(noYear.metadata, { title: "Interview with Uma Voss" }, "a day without a year is no date");
  });

  it("reads a plain-text story's headline and Key: value header, and stops at the story", async () => {
    const text = `Ferry fares to rise in spring\n\nSource: Coast Wire\nDate: 5 January 2019\nURL: https://wire.example/ferry-fares\n\n"Fuel costs have doubled," said Ros Kemp.\n\nTitle: not a header any more\n`;
    assert.deepEqual((await read("f.txt", text)).metadata, { title: "Ferry fares to rise in spring", outlet: "Coast Wire", date: "2019-01-05", url: "https://wire.example/ferry-fares" });
    assert.equal((await read("g.txt", `The council met on Tuesday and agreed the budget.\nIt will rise by four per cent.\n`)).metadata, undefined);
  });
});

describe("source metadata: cleaning, dates and credits", () => {
  it("reads dates to YYYY-MM-DD, and refuses partial or impossible ones", () => {
    assert.equal(parseDate("2015-11-30T23:30:00-05:00"), "2015-11-30");
    assert.equal(parseDate("D:20151130103000+01'00'"), "2015-11-30");
    assert.equal(parseDate("Nov. 30, 2015"), "2015-11-30");
    assert.equal(parseDate("Monday 30 November 2015, 10:00"), "2015-11-30");
    assert.equal(parseDate("20151130"), "2015-11-30");
    assert.equal(parseDate("2015-02-30"), undefined);
    assert.equal(parseDate("Wednesday"), undefined);
    assert.equal(parseDate("30 November"), undefined);
    assert.equal(parseDate("soon"), undefined);
    assert.equal(parseDate("3 days ago"), undefined);
    assert.equal(parseDate("03/04/2025"), undefined, "March or April?");
    assert.equal(parseDate("12/31/2025"), "2025-12-31");
  });

  it("writes AP-style dates", () => {
    assert.deepEqual(["2015-01-05", "2015-03-11", "2015-06-30", "2015-09-01", "2015-11-30"].map(apDate), ["Jan. 5, 2015", "March 11, 2015", "June 30, 2015", "Sept. 1, 2015", "Nov. 30, 2015"]);
  });

  it("cleans fields: lengths bounded, names split, only http(s) addresses", () => {
    const m = cleanMetadata({ title: "x".repeat(1000), authors: "Doe, Jane", url: "ftp://a.example/b", date: 17 });
    assert.equal(m.title!.length, 300);
    assert.deepEqual(m.authors, ["Doe, Jane"]);
    assert.equal(m.url, undefined);
    assert.equal(m.date, undefined);
    assert.deepEqual(cleanMetadata({ authors: "Ann Lee, Bo Park & Cy Dunn" }).authors, ["Ann Lee", "Bo Park", "Cy Dunn"]);
  });

  it("merges layers field by field, later ones winning", () => {
    assert.deepEqual(mergeMetadata({ title: "A", outlet: "O" }, undefined, { title: "B", authors: [] }, { url: "https://x.example/" }), { title: "B", outlet: "O", url: "https://x.example/" });
  });

  it("credits a source the way a reader names it", () => {
    assert.equal(sourceCredit({ outlet: "Coast Wire", title: "Fares rise", date: "2019-01-05" }), "Coast Wire, “Fares rise,” Jan. 5, 2019");
    assert.equal(sourceCredit({ title: "Fares rise", authors: ["Ann Lee", "Bo Park"] }, { authors: true }), "“Fares rise,” by Ann Lee and Bo Park");
    assert.equal(sourceCredit({ url: "https://x.example/" }), undefined);
  });
});

describe("source metadata: sidecars and .verbatim.json entries", () => {
  it("names the sidecar files a source may have, and pairs them from a listing", () => {
    assert.deepEqual(sidecarPaths("src/a/story.txt"), ["src/a/story.txt.meta.json", "src/a/story.meta.json"]);
    const { sources, sidecarOf } = pairSidecars(["s/a.txt", "s/a.meta.json", "s/b.srt", "s/b.srt.meta.json", "s/b.meta.json", "s/c.md"]);
    assert.deepEqual(sources, ["s/a.txt", "s/b.srt", "s/c.md"]);
    assert.deepEqual([...sidecarOf], [["s/a.txt", "s/a.meta.json"], ["s/b.srt", "s/b.srt.meta.json"]]);
  });

  it("parses a sidecar, noting unknown fields and unusable values", () => {
    const notes: string[] = [];
    assert.deepEqual(parseSidecar(`{"title": "T", "publisher": "P", "date": "last week", "url": "javascript:x", "titel": "?"}`, notes), { title: "T", outlet: "P" });
    assert.deepEqual(notes, [`unknown field "titel" (known: title, outlet, authors, date, url)`, `"date" is not a full date (write it as YYYY-MM-DD)`, `"url" must be an http or https address`]);
    const bad: string[] = [];
    assert.deepEqual(parseSidecar("{", bad), {});
    assert.match(bad[0], /^not valid JSON/);
  });

  it("reads object entries of sources: paths to read, metadata for files and folders", () => {
    const notes: string[] = [];
    const { paths, entries } = readSourceEntries(["sources", { path: "sources/wire", outlet: "Coast Wire" }, { path: "sources/wire/a.txt", title: "A" }, 3], notes);
    assert.deepEqual(paths, ["sources", "sources/wire", "sources/wire/a.txt"]);
    assert.equal(notes.length, 1);
    assert.deepEqual(entryMetadata("sources/wire/a.txt", entries, (p) => p), { outlet: "Coast Wire", title: "A" });
    assert.deepEqual(entryMetadata("sources/wire/b.txt", entries, (p) => p), { outlet: "Coast Wire" });
    assert.equal(entryMetadata("sources/wired.txt", entries, (p) => p), undefined);
  });
});
