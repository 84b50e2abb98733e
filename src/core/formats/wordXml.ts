/**
 * The text of a WordprocessingML main document part (`word/document.xml`), read in one pass over
 * the XML string: no DOM, no regular expressions, time and memory linear in its length.
 *
 * The result is what mammoth's `extractRawText` returned for the same part (the reader Verbatim
 * used before), paragraph for paragraph: every paragraph's text followed by a blank line
 * (`\n\n`), table cells' paragraphs in reading order, `w:tab` as a tab, `w:noBreakHyphen` as
 * U+2011, `w:softHyphen` as U+00AD, `w:sym` through the dingbat fonts' Unicode table; inserted
 * (`w:ins`) and moved-to text kept; deleted (`w:del`, `w:delText`, `w:moveFrom`) text, deleted table rows,
 * field instructions, property elements and drawings left out; a paragraph whose mark is
 * deleted runs on into the next; text boxes (`w:pict`) after the paragraph that holds them;
 * of `mc:AlternateContent`, the `mc:Fallback`; a content-control check box's glyph left out.
 * Where mammoth was wrong, it differs:
 * - a line, page or column break (`w:br`, `w:cr`) is a space, not nothing ("one<br/>two" was "onetwo");
 * - the displayed result of a simple field (`w:fldSimple`) and right-to-left runs (`w:dir`,
 *   `w:bdo`) are kept (mammoth left out every element it did not know, with its text);
 * - CDATA sections are text.
 * Elements are matched by namespace, not prefix (transitional and strict WordprocessingML).
 * Malformed XML (an unclosed or mismatched tag, an unknown entity) throws a FormatError, as
 * mammoth's parser refused it.
 */
import { hex as dingbat } from "dingbat-to-unicode";
import { FormatError } from "./errors";

/** Namespace URIs by the short names used below (mammoth's table). */
const NAMESPACES: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "urn:schemas-microsoft-com:vml": "v",
  "http://schemas.microsoft.com/office/word/2010/wordml": "wordml",
};

/** What an element does to the text. */
const enum Act {
  Skip, // the element and everything in it adds nothing
  Read, // its children are read
  Paragraph,
  Run, // w:r (read; known separately only for clarity)
  Text, // w:t: its character data is text
  Tab,
  Break,
  NoBreakHyphen,
  SoftHyphen,
  Symbol,
  Pict, // read, but the text goes after the enclosing paragraph
  Row, // w:tr: left out when its properties say deleted
  Sdt, // w:sdt: only w:sdtContent is read
  Alternate, // mc:AlternateContent: only the first mc:Fallback is read
  Body,
  Document,
}

const ACTS: Record<string, Act> = {
  "w:document": Act.Document,
  "w:body": Act.Body,
  "w:p": Act.Paragraph,
  "w:r": Act.Run,
  "w:t": Act.Text,
  "w:tab": Act.Tab,
  "w:br": Act.Break,
  "w:cr": Act.Break,
  "w:noBreakHyphen": Act.NoBreakHyphen,
  "w:softHyphen": Act.SoftHyphen,
  "w:sym": Act.Symbol,
  "w:pict": Act.Pict,
  "w:tr": Act.Row,
  "w:sdt": Act.Sdt,
  "mc:AlternateContent": Act.Alternate,
  "w:hyperlink": Act.Read,
  "w:tbl": Act.Read,
  "w:tc": Act.Read,
  "w:customXml": Act.Read,
  "w:ins": Act.Read,
  "w:moveTo": Act.Read,
  "w:object": Act.Read,
  "w:smartTag": Act.Read,
  "w:fldSimple": Act.Read,
  "w:dir": Act.Read,
  "w:bdo": Act.Read,
  "v:roundrect": Act.Read,
  "v:shape": Act.Read,
  "v:textbox": Act.Read,
  "v:group": Act.Read,
  "v:rect": Act.Read,
  "w:txbxContent": Act.Read,
};

/** What is being looked for inside a skipped element whose contents matter (properties). */
const enum Watch {
  None,
  ParagraphProperties, // the first w:pPr of a w:p: its first w:rPr …
  ParagraphRunProperties, // … holding a w:del deletes the paragraph mark
  RowProperties, // the first w:trPr of a w:tr: a w:del child deletes the row
  SdtProperties, // the w:sdtPr of a w:sdt: a first wordml:checkbox child makes it a check box
  SdtContent, // w:sdtContent: read
  Fallback, // the first mc:Fallback: read
}

interface Frame {
  raw: string; // the tag's name as written, for matching its end tag
  act: Act;
  watch: Watch;
  /** Prefixes this element declares (their declarations end with it). */
  declares?: string[];
  /** Paragraphs: the text so far, text boxes' text (after it), open w:pict elements, mark deleted. */
  text?: string;
  extra?: string;
  picts?: number;
  deleted?: boolean;
  /** w:p, w:tr, w:sdt, mc:AlternateContent, w:pPr: the first w:pPr / w:trPr / w:sdtPr / mc:Fallback / w:rPr already seen. */
  seen?: boolean;
  /** w:sdt: the first w:sdtContent already seen. */
  seenContent?: boolean;
  /** w:sdt check box: its glyph is still to be left out. */
  checkbox?: boolean;
  /** Children are read (false inside skipped elements). */
  reading: boolean;
}


const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function wordDocumentText(xml: string): string {
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  // XML's end-of-line handling: CR LF and a lone CR are read as LF.
  if (xml.includes("\r")) xml = xml.replace(/\r\n?/g, "\n");
  const n = xml.length;
  let out = "";
  const stack: Frame[] = [];
  /** Declarations in force, innermost last: prefix ("" = default) → short names or "{uri}" ("" = none). */
  const declared = new Map<string, string[]>([["xml", ["xml"]]]);
  /** Raw qualified name → resolved name under the declarations in force (a new map when they change). */
  let names = new Map<string, string>();
  /** Innermost open paragraph's index in `stack`, or -1. */
  const paragraphs: number[] = [];
  /** A deleted paragraph mark: its text and text boxes go to the start of the next paragraph. */
  let pendingText = "";
  let pendingExtra = "";
  /** Open w:sdt check boxes whose glyph is still to be left out, innermost last. */
  const checkboxes: Frame[] = [];
  let inText = 0; // open w:t elements being read
  let sawBody = false;

  const fail = (what: string): never => {
    throw new FormatError(`damaged Word document (${what})`);
  };

  const write = (s: string, isText: boolean) => {
    if (!s) return;
    if (isText && checkboxes.length) {
      checkboxes.pop()!.checkbox = false;
      return;
    }
    if (paragraphs.length) {
      const p = stack[paragraphs[paragraphs.length - 1]];
      if (p.picts! > 0) p.extra += s;
      else p.text += s;
    } else if (!picts) out += s;
  };
  /** w:pict elements open outside any paragraph (their text is lost, as in mammoth). */
  let picts = 0;

  const resolve = (raw: string): string => {
    let name = names.get(raw);
    if (name !== undefined) return name;
    const colon = raw.indexOf(":");
    const prefix = colon < 0 ? "" : raw.slice(0, colon);
    const local = colon < 0 ? raw : raw.slice(colon + 1);
    const stack = declared.get(prefix);
    const ns = stack?.length ? stack[stack.length - 1] : undefined;
    name = ns === undefined || ns === "" ? (colon < 0 ? local : fail(`undeclared prefix "${prefix}"`)) : `${ns}:${local}`;
    names.set(raw, name);
    return name;
  };

  /** The next '&' at or after the last position asked about (n when none): found once, so the search stays linear. */
  let nextAmp = -1;
  const ampFrom = (from: number): number => {
    if (nextAmp < from) {
      nextAmp = xml.indexOf("&", from);
      if (nextAmp < 0) nextAmp = n;
    }
    return nextAmp;
  };
  const decode = (from: number, to: number): string => {
    let amp = ampFrom(from);
    if (amp >= to) return xml.slice(from, to);
    let s = "";
    let at = from;
    while (amp < to) {
      s += xml.slice(at, amp);
      let semi = amp + 1;
      while (semi < to && semi - amp <= 32 && xml.charCodeAt(semi) !== 59 /* ; */) semi++;
      if (semi >= to || xml.charCodeAt(semi) !== 59) fail("a bare '&'");
      const ref = xml.slice(amp + 1, semi);
      if (ref.charCodeAt(0) === 35 /* # */) {
        const code = ref.charCodeAt(1) === 120 /* x */ ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!(code > 0 && code <= 0x10ffff)) fail(`character reference &${ref};`);
        s += String.fromCodePoint(code);
      } else {
        const c = XML_ENTITIES[ref];
        if (c === undefined) fail(`unknown entity &${ref};`);
        s += c;
      }
      at = semi + 1;
      amp = ampFrom(at);
    }
    return s + xml.slice(at, to);
  };

  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (inText && textEnd > i) write(decode(i, textEnd), true);
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) fail("an unclosed processing instruction");
      i = end + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) fail("an unclosed comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) fail("an unclosed CDATA section");
        if (inText) write(xml.slice(lt + 9, end), true);
        i = end + 3;
      } else {
        // <!DOCTYPE …> with an optional internal subset in brackets; its entities are not expanded.
        let j = lt + 2;
        let depth = 0;
        for (; j < n; j++) {
          const d = xml.charCodeAt(j);
          if (d === 91 /* [ */) depth++;
          else if (d === 93 /* ] */) depth--;
          else if (d === 62 /* > */ && depth <= 0) break;
        }
        if (j >= n) fail("an unclosed declaration");
        i = j + 1;
      }
      continue;
    }
    if (c === 47 /* / */) {
      const end = xml.indexOf(">", lt + 2);
      if (end < 0) fail("an unclosed end tag");
      let nameEnd = end;
      while (nameEnd > lt + 2 && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      const raw = xml.slice(lt + 2, nameEnd);
      const frame = stack.pop();
      if (!frame || frame.raw !== raw) fail(`</${raw}> does not close <${frame ? frame.raw : "nothing"}>`);
      close(frame!);
      i = end + 1;
      continue;
    }
    // A start tag: its name, then attributes up to '>' or '/>' (a '>' may sit inside a quoted value).
    let j = lt + 1;
    while (j < n && !isSpace(xml.charCodeAt(j)) && xml.charCodeAt(j) !== 62 && xml.charCodeAt(j) !== 47) j++;
    const raw = xml.slice(lt + 1, j);
    if (!raw) fail("a '<' that opens no tag");
    let attrs: [string, string][] | undefined;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) fail(`an unclosed tag <${raw}`);
      const d = xml.charCodeAt(j);
      if (d === 62 /* > */) {
        j++;
        break;
      }
      if (d === 47 /* / */) {
        if (xml.charCodeAt(j + 1) !== 62) fail(`a stray '/' in <${raw}>`);
        selfClosing = true;
        j += 2;
        break;
      }
      const nameStart = j;
      while (j < n && !isSpace(xml.charCodeAt(j)) && xml.charCodeAt(j) !== 61 /* = */ && xml.charCodeAt(j) !== 62 && xml.charCodeAt(j) !== 47) j++;
      const attr = xml.slice(nameStart, j);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 61) fail(`attribute ${attr} of <${raw}> has no value`);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 34 && q !== 39) fail(`attribute ${attr} of <${raw}> is not quoted`);
      const close = xml.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close < 0) fail(`an unclosed attribute value in <${raw}>`);
      (attrs ??= []).push([attr, decode(j + 1, close)]);
      j = close + 1;
    }
    i = j;

    let declares: string[] | undefined;
    if (attrs) {
      for (const [name, value] of attrs) {
        if (name === "xmlns" || name.startsWith("xmlns:")) {
          const prefix = name === "xmlns" ? "" : name.slice(6);
          let stack = declared.get(prefix);
          if (!stack) declared.set(prefix, (stack = []));
          stack.push(value === "" ? "" : (NAMESPACES[value] ?? `{${value}}`));
          (declares ??= []).push(prefix);
        }
      }
      if (declares) names = new Map();
    }
    const name = resolve(raw);
    const parent = stack.length ? stack[stack.length - 1] : undefined;
    const frame: Frame = { raw, act: Act.Skip, watch: Watch.None, declares, reading: false };
    if (!parent) {
      frame.act = name === "w:document" ? Act.Document : Act.Skip;
      frame.reading = frame.act === Act.Document;
    } else if (parent.reading) {
      const act = ACTS[name] ?? Act.Skip;
      if (parent.act === Act.Document) {
        // Only the body of the document is read.
        if (act === Act.Body && !sawBody) {
          sawBody = true;
          frame.act = Act.Body;
        }
      } else if (parent.act === Act.Sdt || parent.act === Act.Alternate) {
        // Read only w:sdtContent (any one) / the first mc:Fallback; watch w:sdtPr for a check box.
        if (parent.act === Act.Sdt && name === "w:sdtContent" && !parent.seenContent) {
          parent.seenContent = true;
          frame.watch = Watch.SdtContent;
        } else if (parent.act === Act.Sdt && name === "w:sdtPr" && !parent.seen) {
          parent.seen = true;
          frame.watch = Watch.SdtProperties;
        } else if (parent.act === Act.Alternate && name === "mc:Fallback" && !parent.seen) {
          parent.seen = true;
          frame.watch = Watch.Fallback;
        }
        frame.act = frame.watch === Watch.SdtContent || frame.watch === Watch.Fallback ? Act.Read : Act.Skip;
      } else if (parent.act === Act.Paragraph && name === "w:pPr" && !parent.seen) {
        parent.seen = true;
        frame.watch = Watch.ParagraphProperties;
      } else if (parent.act === Act.Row && name === "w:trPr" && !parent.seen) {
        parent.seen = true;
        frame.watch = Watch.RowProperties;
      } else {
        frame.act = act === Act.Body || act === Act.Document ? Act.Skip : act;
      }
      frame.reading = frame.act !== Act.Skip && frame.act !== Act.Text;
      open(frame, attrs);
    } else if (parent.watch === Watch.ParagraphProperties && name === "w:rPr" && !parent.seen) {
      parent.seen = true;
      frame.watch = Watch.ParagraphRunProperties;
    } else if (parent.watch === Watch.ParagraphRunProperties && name === "w:del") {
      // The paragraph holding these properties: w:p > w:pPr > w:rPr > w:del.
      stack[stack.length - 3].deleted = true;
    } else if (parent.watch === Watch.RowProperties && name === "w:del") {
      const row = stack[stack.length - 2];
      row.reading = false; // the row's cells come after its properties
    } else if (parent.watch === Watch.SdtProperties && name === "wordml:checkbox") {
      const sdt = stack[stack.length - 2];
      if (!sdt.checkbox) {
        sdt.checkbox = true;
        checkboxes.push(sdt);
      }
    }

    if (selfClosing) close(frame);
    else stack.push(frame);
  }
  if (stack.length) fail(`<${stack[stack.length - 1].raw}> is not closed`);
  if (!sawBody) fail("no w:body in w:document");
  return out;

  function open(frame: Frame, attrs: [string, string][] | undefined): void {
    switch (frame.act) {
      case Act.Paragraph:
        frame.text = pendingText;
        frame.extra = pendingExtra;
        pendingText = pendingExtra = "";
        frame.picts = 0;
        paragraphs.push(stack.length);
        break;
      case Act.Text:
        inText++;
        break;
      case Act.Tab:
        write("\t", false);
        break;
      case Act.Break:
        write(" ", false);
        break;
      case Act.NoBreakHyphen:
        write("\u2011", true);
        break;
      case Act.SoftHyphen:
        write("\u00ad", true);
        break;
      case Act.Symbol: {
        const font = attribute(attrs, "w:font");
        const char = attribute(attrs, "w:char");
        if (font !== undefined && char !== undefined) {
          let u = dingbat(font, char);
          if (u == null && char.length === 4 && char.startsWith("F0")) u = dingbat(font, char.slice(2));
          if (u != null) write(u.string, true);
        }
        break;
      }
      case Act.Pict:
        if (paragraphs.length) stack[paragraphs[paragraphs.length - 1]].picts!++;
        else picts++;
        break;
    }
  }

  function close(frame: Frame): void {
    if (frame.declares) {
      for (const prefix of frame.declares) declared.get(prefix)!.pop();
      names = new Map();
    }
    switch (frame.act) {
      case Act.Paragraph: {
        paragraphs.pop();
        if (frame.deleted) {
          pendingText += frame.text;
          pendingExtra += frame.extra;
        } else {
          write(frame.text + "\n\n" + frame.extra, false);
        }
        break;
      }
      case Act.Text:
        inText--;
        break;
      case Act.Pict:
        if (paragraphs.length) stack[paragraphs[paragraphs.length - 1]].picts!--;
        else picts--;
        break;
      case Act.Sdt:
        if (frame.checkbox) checkboxes.pop(); // unused: the innermost left
        break;
    }
  }

  function attribute(attrs: [string, string][] | undefined, want: string): string | undefined {
    if (!attrs) return undefined;
    for (const [raw, value] of attrs) if (raw.includes(":") && resolve(raw) === want) return value;
    return undefined;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
