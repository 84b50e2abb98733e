// Writes the PDF and DOCX files under test/fixtures/formats/ and sample/sources/ (run once; the
// outputs are committed). Both are built by hand from their specs so no office suite is needed:
// the fixture PDF has two pages, a hyphen at a line end and its lines drawn out of order; a DOCX
// is a minimal WordprocessingML package zipped with jszip (a dependency of Verbatim's Word reader).
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const JSZip = require("jszip");
const out = new URL("../test/fixtures/formats/", import.meta.url);
const sample = new URL("../sample/sources/", import.meta.url);

// ---- PDF --------------------------------------------------------------------------------------
const esc = (s) => s.replace(/[\\()]/g, (c) => "\\" + c);
/** One page's content stream: each line at (x, y), drawn in the order given. */
const page = (lines) => lines.map(([x, y, s]) => `BT /F1 11 Tf ${x} ${y} Td (${esc(s)}) Tj ET`).join("\n");
const pages = [
  page([
    [72, 720, "Millbrook Water Board: minutes of the March meeting"],
    // Drawn before the line above it in the stream: the reader must still put it second.
    [72, 668, "voir repairs on Tuesday evening."],
    [72, 682, "The board met to discuss the reser-"],
    [72, 640, "\"We will not raise the water rates this year,\" said Priya Natarajan, chair"],
    [72, 626, "of the Millbrook Water Board."],
  ]),
  page([
    [72, 720, "Engineering report"],
    [72, 692, "\"The pipes under Station Road are older than anyone on this board,\" said"],
    [72, 678, "the engineer, Samuel Otieno."],
  ]),
];
/** `info`: a document information dictionary, e.g. `{ Title: "…", CreationDate: "D:2025…" }`. */
function pdf(contents, info) {
  const objs = [];
  const n = contents.length;
  objs.push("<< /Type /Catalog /Pages 2 0 R >>");
  objs.push(`<< /Type /Pages /Kids [${contents.map((_, i) => `${4 + 2 * i} 0 R`).join(" ")}] /Count ${n} >>`);
  objs.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  contents.forEach((c, i) => {
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objs.push(`<< /Length ${Buffer.byteLength(c, "latin1")} >>\nstream\n${c}\nendstream`);
  });
  let body = "%PDF-1.4\n";
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  let infoRef = "";
  if (info) {
    offsets.push(Buffer.byteLength(body, "latin1"));
    const entries = Object.entries(info).map(([k, v]) => `/${k} (${esc(v)})`).join(" ");
    body += `${objs.length + 1} 0 obj\n<< ${entries} >>\nendobj\n`;
    infoRef = ` /Info ${objs.length + 1} 0 R`;
  }
  const count = offsets.length + 1;
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${count}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${count} /Root 1 0 R${infoRef} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
writeFileSync(new URL("water-board-minutes.pdf", out), pdf(pages));

// ---- DOCX -------------------------------------------------------------------------------------
const xmlEsc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const para = (s, style) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${xmlEsc(s)}</w:t></w:r></w:p>`;
const docParas = [
  ["Millbrook announces new reservoir plan", "Heading1"],
  ["The town of Millbrook will rebuild its reservoir wall over the summer, the mayor's office said on Wednesday."],
  ["“Every household will see the difference by spring,” said Lena Kowalczyk, Millbrook’s mayor."],
  ["The work is expected to cost four million pounds."],
];
/** `props`: core properties (title, creator, created), the application's Company and custom properties. */
async function docx(paragraphs, props) {
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map(([s, st]) => para(s, st)).join("")}</w:body></w:document>`;
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/document.xml", documentXml);
  if (props) {
    zip.file("docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlEsc(props.title)}</dc:title><dc:creator>${xmlEsc(props.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${props.created}</dcterms:created></cp:coreProperties>`);
    zip.file("docProps/app.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>${xmlEsc(props.company)}</Company></Properties>`);
    zip.file("docProps/custom.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${Object.entries(props.custom ?? {})
      .map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xmlEsc(name)}"><vt:lpwstr>${xmlEsc(value)}</vt:lpwstr></property>`)
      .join("")}</Properties>`);
  }
  // A fixed date on every entry keeps the output byte-identical from run to run.
  for (const f of Object.values(zip.files)) f.date = new Date(Date.UTC(2024, 0, 1));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
writeFileSync(new URL("reservoir-plan.docx", out), await docx(docParas));

// ---- sample/sources: the Northgate port strike ----------------------------------------------
/** Wraps paragraphs into lines of at most `width` characters, set from the top of one page. */
function setText(paragraphs, width = 82) {
  const lines = [];
  let y = 740;
  for (const p of paragraphs) {
    let line = "";
    for (const word of p.split(" ")) {
      if (line && (line + " " + word).length > width) {
        lines.push([72, y, line]);
        y -= 14;
        line = word;
      } else line = line ? line + " " + word : word;
    }
    lines.push([72, y, line]);
    y -= 28;
  }
  return page(lines);
}
writeFileSync(
  new URL("northgate-ports-statement.pdf", sample),
  pdf([
    setText([
      "Northgate Ports: statement on the industrial action",
      "Northgate Ports regrets that the Harbour and Dockworkers Union has continued its stoppage for a second day.",
      "\"Ships are already turning south to other ports, and every one that leaves takes work with it,\" said Dana Whitfield, chief executive of Northgate Ports.",
      "The company says the proposed rota would give night-shift crews two extra rest days a month.",
    ]),
    setText([
      "Notes for editors",
      "Harbour master Owen Price said: \"The estuary is safe, but it is getting crowded with ships waiting at anchor.\"",
    ]),
  ], {
    Title: "Statement on the industrial action",
    Author: "Northgate Ports press office",
    CreationDate: "D:20250312090000Z",
    Publisher: "Northgate Ports",
    URL: "https://northgateports.example/news/statement-industrial-action",
  }),
);
writeFileSync(
  new URL("council-emergency-session.docx", sample),
  await docx([
    ["Northgate City Council: emergency session on the port stoppage", "Heading1"],
    ["The council met on Wednesday evening to discuss the effect of the strike on the waterfront."],
    ["“Forty shops on the quay have told us their takings have halved since Tuesday,” said councillor Ruth Okonjo, who chairs the economy committee."],
    ["Councillors agreed to offer the city chambers for talks between Northgate Ports and the union."],
  ], {
    title: "Emergency session on the port stoppage",
    creator: "Council press office",
    created: "2025-03-12T20:30:00Z",
    company: "Northgate City Council",
    custom: { URL: "https://northgate.example/council/emergency-session-port-stoppage" },
  }),
);
console.log("wrote the PDF and DOCX fixtures and samples");
