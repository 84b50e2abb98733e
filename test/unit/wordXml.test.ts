// The Word reader (src/core/formats/wordXml.ts). Expected texts are what mammoth 1.13's
// extractRawText returned for the same documents (the reader Verbatim used before), except in the
// "where mammoth was wrong" block.
import { strict as assert } from "node:assert";
import JSZip from "jszip";
import { FormatError } from "../../src/core/formats/errors";
import { wordDocumentText } from "../../src/core/formats/wordXml";
import { readBytes } from "./formatHelpers";

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
].join(" ");
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}<w:sectPr><w:pgSz w:w="12240"/></w:sectPr></w:body></w:document>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const text = (body: string) => wordDocumentText(doc(body));

describe("Word document text", () => {
  it("one blank-line-ended paragraph per w:p; properties, empty runs and section properties add nothing", () => {
    assert.equal(text(p(r("Hello world.")) + p(r("Second "), r("paragraph."))), "Hello world.\n\nSecond paragraph.\n\n");
    const styled = `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Title</w:t></w:r></w:p>`;
    assert.equal(text(styled + p() + "<w:p/>" + p(r(""))), "Title\n\n\n\n\n\n\n\n");
  });

  it("tabs, no-break and soft hyphens, symbols in dingbat fonts", () => {
    assert.equal(text(p(`<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>`)), "a\tb\n\n");
    assert.equal(text(p(`<w:r><w:t>co</w:t><w:noBreakHyphen/><w:t>op</w:t><w:softHyphen/><w:t>era</w:t></w:r>`)), "co\u2011op\u00adera\n\n");
    const syms = `<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Symbol" w:char="F061"/><w:sym w:font="Symbol" w:char="61"/><w:sym w:font="Nope" w:char="F061"/></w:r>`;
    assert.equal(text(p(syms)), "\u2713\u03b1\u03b1\n\n");
  });

  it("tracked changes: insertions and moved-to text kept; deletions, deleted text and moved-from text left out", () => {
    const runs = [
      r("Kept "),
      `<w:del w:id="1" w:author="a"><w:r><w:delText>gone </w:delText></w:r></w:del>`,
      `<w:ins w:id="2" w:author="a"><w:r><w:t>added </w:t></w:r></w:ins>`,
      `<w:moveFrom><w:r><w:t>away </w:t></w:r></w:moveFrom>`,
      `<w:moveTo><w:r><w:t>here</w:t></w:r></w:moveTo>`,
      `<w:r><w:delText>stray</w:delText></w:r>`,
    ];
    assert.equal(text(p(...runs)), "Kept added here\n\n");
  });

  it("a deleted paragraph mark joins the paragraph to the next one", () => {
    const deletedMark = (t: string) => `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>${r(t)}</w:p>`;
    assert.equal(text(deletedMark("First half") + p(r(" second half")) + p(r("Next"))), "First half second half\n\nNext\n\n");
    assert.equal(text(deletedMark("carried ") + `<w:tbl><w:tr><w:tc>${p(r("cell"))}</w:tc></w:tr></w:tbl>`), "carried cell\n\n");
  });

  it("tables: each cell's paragraphs in order, nested tables, deleted rows left out", () => {
    const table =
      `<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>` +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr/>${p(r("A1"))}</w:tc><w:tc>${p(r("B1"))}${p(r("B1b"))}</w:tc></w:tr>` +
      `<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr><w:tc>${p(r("deleted row"))}</w:tc></w:tr>` +
      `<w:tr><w:tc><w:tbl><w:tr><w:tc>${p(r("nested"))}</w:tc></w:tr></w:tbl>${p()}</w:tc></w:tr></w:tbl>`;
    assert.equal(text(table + p(r("After"))), "A1\n\nB1\n\nB1b\n\nnested\n\n\n\nAfter\n\n");
  });

  it("fields show their result, not their instructions; hyperlinks, smart tags, custom XML and content controls their text", () => {
    const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("7")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    assert.equal(text(p(r("Page "), field, r(" of 9."))), "Page 7 of 9.\n\n");
    const link = `<w:hyperlink r:id="rId9"><w:r><w:t>the site</w:t></w:r></w:hyperlink>`;
    const tag = `<w:smartTag w:uri="urn" w:element="place"><w:smartTagPr><w:attr w:name="x" w:val="y"/></w:smartTagPr><w:r><w:t> Millbrook</w:t></w:r></w:smartTag>`;
    const custom = `<w:customXml w:element="x"><w:customXmlPr/><w:r><w:t> town</w:t></w:r></w:customXml>`;
    assert.equal(text(p(r("See "), link, tag, custom)), "See the site Millbrook town\n\n");
    const control = `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtEndPr/><w:sdtContent>${p(r("In a control"))}</w:sdtContent></w:sdt>`;
    const checkbox = `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>`;
    assert.equal(text(control + p(checkbox, r(" agreed"))), "In a control\n\n agreed\n\n");
  });

  it("text boxes follow the paragraph that holds them; of alternate content, the fallback; footnote marks and drawings add nothing", () => {
    const box = `<w:r><w:pict><v:shape id="a"><v:textbox><w:txbxContent>${p(r("Box one"))}${p(r("Box two"))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    assert.equal(text(p(r("Before "), box, r("after")) + p(r("Next"))), "Before after\n\nBox one\n\nBox two\n\nNext\n\n");
    const alternate = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor/></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>${p(r("Fallback box"))}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    assert.equal(text(p(r("Before "), alternate, r("after"))), "Before after\n\nFallback box\n\n");
    const notes = `<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="2"/></w:r><w:commentRangeStart w:id="0"/>${r(" more")}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`;
    assert.equal(text(p(r("Claim"), notes, `<w:r><w:drawing><wp:inline><wp:docPr id="1" name="x" descr="alt"/></wp:inline></w:drawing></w:r>`)), "Claim more\n\n");
  });

  it("entities and character references decoded; CR LF read as LF; namespaces by URI, not prefix", () => {
    assert.equal(text(p(r("Tom &amp; Jerry &lt;b&gt; &quot;q&quot; &apos;a&apos; &#8220;c&#8221; &#x2014; &#128512;"))), "Tom & Jerry <b> \"q\" 'a' “c” — 😀\n\n");
    assert.equal(text(p(`<w:r><w:t>line\r\nnext\rthird</w:t></w:r>`)), "line\nnext\nthird\n\n");
    const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    assert.equal(wordDocumentText(`<document xmlns="${W}"><body><p><r><t>Default</t></r></p></body></document>`), "Default\n\n");
    assert.equal(wordDocumentText(`<ns0:document xmlns:ns0="${W}"><ns0:body><ns0:p><ns0:r><ns0:t>Other prefix</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`), "Other prefix\n\n");
    assert.equal(wordDocumentText(`\ufeff<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>Strict</w:t></w:r></w:p></w:body></w:document>`), "Strict\n\n");
    assert.equal(text(`<w:p w14:paraId='1>2'>${r("a '>' in an attribute")}</w:p>`), "a '>' in an attribute\n\n");
  });

  describe("where mammoth was wrong", () => {
    it("a line, page or column break separates words (mammoth: 'onetwothreefour')", () => {
      assert.equal(text(p(`<w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:br w:type="page"/><w:t>three</w:t><w:cr/><w:t>four</w:t></w:r>`)), "one two three four\n\n");
    });
    it("a simple field's result, right-to-left runs and CDATA are text (mammoth dropped them)", () => {
      assert.equal(text(p(r("Date: "), `<w:fldSimple w:instr=" DATE "><w:r><w:t>1 May</w:t></w:r></w:fldSimple>`)), "Date: 1 May\n\n");
      assert.equal(text(p(r("ltr "), `<w:dir w:val="rtl"><w:r><w:t>rtl</w:t></w:r></w:dir>`, `<w:bdo w:val="rtl"><w:r><w:t> bdo</w:t></w:r></w:bdo>`)), "ltr rtl bdo\n\n");
      assert.equal(text(p(`<w:r><w:t><![CDATA[x < y]]></w:t></w:r>`)), "x < y\n\n");
    });
  });

  it("refuses malformed XML and a part with no body", () => {
    for (const bad of [doc(p("<w:r><w:t>open")), doc(p(r("a &nbsp; b"))), doc("<w:p></w:r>"), doc('<w:p a="1></w:p>'), '<w:document xmlns:w="http://example.com/not-word"><w:body/></w:document>', doc("<x:p/>")]) {
      assert.throws(() => wordDocumentText(bad), FormatError, bad);
    }
  });

  it("reads a .docx end to end: paragraphs, a line break as a space, metadata", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", doc(p(r("Lena Kowalczyk said:"), `<w:r><w:br/></w:r>`, r("“We start in May.”")) + p(r("Second."))));
    zip.file("docProps/core.xml", `<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Plan &amp; budget</dc:title></cp:coreProperties>`);
    const r1 = await readBytes("plan.docx", await zip.generateAsync({ type: "uint8array" }));
    assert.ok(!("skipped" in r1));
    assert.equal(r1.source.text, "Lena Kowalczyk said: “We start in May.”\n\nSecond.");
    assert.equal(r1.source.metadata?.title, "Plan & budget");
    const damaged = new JSZip();
    damaged.file("word/document.xml", doc(p("<w:r><w:t>unclosed")));
    const r2 = await readBytes("damaged.docx", await damaged.generateAsync({ type: "uint8array" }));
    assert.ok("skipped" in r2 && /damaged Word document/.test(r2.skipped), JSON.stringify(r2));
  });
});
