/**
 * The inputs of the timing property (./timing) and of `npm run bench:linear`: repetitive and
 * adversarial shapes, each made at any size. `issue` marks the rows of issue 10's table (inputs
 * that once took minutes). Word and PDF shapes are files made from their text (`bytes`): a
 * WordprocessingML package zipped with jszip, a PDF of Helvetica text lines written by hand. No
 * imports from src/: the benchmark bundles this file alone.
 */
import JSZip from "jszip";

/** The source a generated draft is checked against, and the draft a generated source is checked with. */
export const DRAFT_SOURCE_TEXT = '"We will act," said Jane Doe.';
export const SOURCE_DRAFT_TEXT = '"We will act on the report," said Jane Doe. "Jane Jane Jane," she said. "Hello," he said.';

export interface Shape {
  name: string;
  /** The file name it is read as (its extension picks the reader); `draft.md` is checked as a draft. */
  file: string;
  /** The input at about `size` characters (for a Word or PDF shape, the text the file holds). */
  make: (size: number) => string;
  /** For a shape read from a binary file: the file holding `make(size)`'s text. */
  bytes?: (size: number) => Promise<Uint8Array>;
  /** A row of issue 10's table. */
  issue?: boolean;
  /**
   * Left out of the fuzz timing property (`npm run fuzz`), measured by `npm run bench:linear -- --all`
   * only: linear, but a 1 MB input takes longer than the property's give-up time on a loaded machine.
   */
  benchOnly?: boolean;
}

const repeat = (unit: string, size: number, head = "", tail = "") => head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;

export const SHAPES: Shape[] = [
  { name: "draft of `.` repeated", file: "draft.md", make: (n) => repeat(".", n), issue: true },
  { name: "draft of `!` repeated", file: "draft.md", make: (n) => repeat("!", n), issue: true },
  { name: "draft of `…` repeated", file: "draft.md", make: (n) => repeat("…", n), issue: true },
  { name: "draft of `. ` repeated", file: "draft.md", make: (n) => repeat(". ", n) },
  { name: '`"Hello," ` + spaces + `"more."`', file: "draft.md", make: (n) => repeat(" ", n, '"Hello," ', '"more."'), issue: true },
  { name: "draft of spaces", file: "draft.md", make: (n) => repeat(" ", n, "a", "b") },
  { name: "draft of `\"` repeated", file: "draft.md", make: (n) => repeat('"', n) },
  { name: "draft of `“` repeated", file: "draft.md", make: (n) => repeat("“", n) },
  { name: "draft of `'` repeated", file: "draft.md", make: (n) => repeat("'", n) },
  { name: 'draft of `"a" ` repeated', file: "draft.md", make: (n) => repeat('"a" ', n) },
  { name: "draft of capitalised words", file: "draft.md", make: (n) => repeat("Jane ", n, '"We will act," said ') },
  { name: "draft of `Mr. ` repeated", file: "draft.md", make: (n) => repeat("Mr. ", n, '"We will act," said ') },
  { name: "draft of `said ` repeated", file: "draft.md", make: (n) => repeat("said ", n, '"We will act," ') },
  { name: "draft of `> ` repeated", file: "draft.md", make: (n) => repeat("> ", n) },
  { name: "draft of `-` repeated", file: "draft.md", make: (n) => repeat("-", n) },
  { name: "draft of `#` repeated", file: "draft.md", make: (n) => repeat("#", n) },
  { name: "draft of `*` repeated", file: "draft.md", make: (n) => repeat("*", n) },
  { name: "draft of `[` repeated", file: "draft.md", make: (n) => repeat("[", n) },
  { name: "draft of `<` repeated", file: "draft.md", make: (n) => repeat("<", n) },
  { name: "draft of `<!--` repeated", file: "draft.md", make: (n) => repeat("<!--", n) },
  { name: "draft of newlines", file: "draft.md", make: (n) => repeat("\n", n, "a") },
  { name: "draft of one long word", file: "draft.md", make: (n) => repeat("a", n) },
  { name: "source text of `.` repeated", file: "source.txt", make: (n) => repeat(".", n) },
  { name: "source text of `Q: ` repeated", file: "source.txt", make: (n) => repeat("Q: ", n, "Interview with Jane Doe\n\n") },
  { name: "source text of `JANE: ` repeated", file: "source.txt", make: (n) => repeat("JANE: ", n) },
  { name: "transcript header `Interview with Jane` + spaces", file: "source.txt", make: (n) => repeat(" ", n, "Interview with Jane"), issue: true },
  { name: "transcript header `Interview with ` + capitals", file: "source.txt", make: (n) => repeat("Jane ", n, "Interview with ") },
  { name: "source with front matter of `-`", file: "source.md", make: (n) => repeat("-", n, "---\n") },
  { name: ".vtt cue `<v a` repeated", file: "source.vtt", make: (n) => repeat("<v a", n, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"), issue: true },
  { name: ".vtt cue `‹` repeated", file: "source.vtt", make: (n) => repeat("‹", n, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"), issue: true },
  { name: ".vtt cue `<` repeated", file: "source.vtt", make: (n) => repeat("<", n, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n") },
  { name: ".vtt of `-->` repeated", file: "source.vtt", make: (n) => repeat("-->", n, "WEBVTT\n\n") },
  { name: ".vtt header of spaces", file: "source.vtt", make: (n) => repeat(" ", n, "WEBVTT ") },
  { name: ".srt `{\\` repeated", file: "source.srt", make: (n) => repeat("{\\", n, "1\n00:00:01,000 --> 00:00:02,000\n"), issue: true },
  { name: ".srt `&` repeated", file: "source.srt", make: (n) => repeat("&", n, "1\n00:00:01,000 --> 00:00:02,000\n") },
  { name: ".srt of cue numbers", file: "source.srt", make: (n) => repeat("1\n00:00:01,000 --> 00:00:02,000\nA: x\n\n", n) },
  { name: "HTML of `<` repeated", file: "source.html", make: (n) => repeat("<", n, "<p>") },
  { name: "HTML of `<p>` repeated", file: "source.html", make: (n) => repeat("<p>", n) },
  { name: "HTML of `<blockquote>` repeated", file: "source.html", make: (n) => repeat("<blockquote>", n) },
  { name: "HTML of `&` repeated", file: "source.html", make: (n) => repeat("&", n, "<p>") },
  { name: 'HTML meta of `"` repeated', file: "source.html", make: (n) => repeat('"', n, '<meta name="author" content="') },
  { name: ".txt of news paragraphs", file: "source.txt", make: (n) => newsText(n) },
  { name: ".docx of news paragraphs", file: "source.docx", make: (n) => newsText(n), bytes: (n) => docxOf(newsText(n)), issue: true },
  { name: ".docx of one-word paragraphs", file: "source.docx", make: (n) => repeat("Jane\n\n", n), bytes: (n) => docxOf(repeat("Jane\n\n", n)) },
  { name: ".docx of `&` repeated", file: "source.docx", make: (n) => repeat("&", n), bytes: (n) => docxOf(repeat("&", n)) },
  { name: ".pdf of news paragraphs", file: "source.pdf", make: (n) => newsText(n), bytes: async (n) => pdfOf(newsText(n)), issue: true },
  { name: ".pdf of `a. ` repeated", file: "source.pdf", make: (n) => repeat("a. ", n), bytes: async (n) => pdfOf(repeat("a. ", n)) },
];

/** News-like paragraphs (quotations, attributions, names, roles) up to about `size` characters. */
function newsText(size: number): string {
  const people = ["Jane Doe", "Omar Haddad", "Ines Moreau", "Tomas Berg", "Ruth Okafor", "Li Wen"];
  const roles = ["the council's treasurer", "a spokeswoman for the port authority", "chair of the harbour board", "the union's secretary"];
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const who = people[i % people.length];
    const role = roles[i % roles.length];
    const p =
      i % 3 === 0
        ? `"We will act on the report number ${i} before the winter," said ${who}, ${role}. The board met on Tuesday to discuss the repairs.`
        : i % 3 === 1
          ? `${who.split(" ")[1]} said the cost of item ${i} was "higher than anyone had planned for" and that the work would go ahead.`
          : `The meeting heard from residents. "Nobody told us about section ${i}," one of them said. ${who} did not reply.`;
    paragraphs.push(p);
    length += p.length + 2;
  }
  return paragraphs.join("\n\n");
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A minimal Word document: one paragraph per blank-line-separated paragraph of `text`, deflated. */
async function docxOf(text: string): Promise<Uint8Array> {
  const body = text
    .split("\n\n")
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`)
    .join("");
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * A PDF of `text` set in Helvetica, lines of up to 80 characters broken at spaces, 50 lines a page, a blank line between
 * paragraphs (characters outside Latin-1 become `?`: the standard font's encoding has no others).
 */
function pdfOf(text: string): Uint8Array {
  const lines: string[] = [];
  for (const para of text.split("\n\n")) {
    // Broken at the last space before 80 characters (or at 80 in a longer word).
    for (let i = 0; i < para.length; ) {
      let j = Math.min(para.length, i + 80);
      if (j < para.length) {
        const space = para.lastIndexOf(" ", j);
        if (space > i) j = space + 1;
      }
      lines.push(para.slice(i, j).trimEnd());
      i = j;
    }
    lines.push("");
  }
  const pages: string[] = [];
  for (let i = 0; i < lines.length; i += 50) {
    pages.push(
      lines
        .slice(i, i + 50)
        .map((line, k) => (line ? `BT /F1 11 Tf 72 ${740 - 14 * k} Td (${line.replace(/[\\()]/g, (c) => "\\" + c).replace(/[^\x20-\xff]/g, "?")}) Tj ET` : ""))
        .filter(Boolean)
        .join("\n"),
    );
  }
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"];
  pages.forEach((content, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  const parts = ["%PDF-1.4\n"];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const part = `${i + 1} 0 obj\n${o}\nendobj\n`;
    parts.push(part);
    length += part.length;
  });
  parts.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join(""));
  parts.push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  const out = parts.join("");
  // Latin-1 bytes: every character above is below U+0100.
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
  return bytes;
}
