/**
 * HTML pages: the article's text, parsed with parse5 (the WHATWG algorithm, so broken markup is
 * read the way a browser reads it). Scripts, styles, navigation, site headers, footers and
 * asides are dropped; block elements become paragraphs; `<q>` gets quote marks; a
 * `<blockquote>` becomes its own paragraph, followed by an attribution line `— Name` when the
 * page names its speaker (`<cite>` or `<footer>` inside it, or a `<figcaption>` after it), which
 * the engine reads as a quotation by that person. The walk is iterative: nesting depth is
 * untrusted input. The page's headline, outlet, byline, date and address come from its
 * metadata (see `htmlMetadata`).
 */
import { parse, type DefaultTreeAdapterMap } from "parse5";
import type { SourceText } from "../corpus/corpus";
import { collapseSpace, TextBuilder } from "./builder";
import { htmlMetadata } from "./htmlMetadata";
import { isEmptyMetadata } from "./metadata";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const DROP = new Set(
  "head script style noscript template nav aside footer form button select textarea input svg math iframe object embed canvas video audio picture img map dialog".split(" "),
);
const DROP_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"]);
const BLOCK = new Set(
  "address article blockquote body caption dd details div dl dt fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr li main ol p pre section summary table tbody tfoot thead tr ul".split(" "),
);

interface Paragraph {
  text: string;
  attribution?: boolean;
}

export function readHtml(path: string, html: string): SourceText {
  const document = parse(html);
  const out = new TextBuilder();
  for (const p of paragraphsOf(document, false)) out.paragraph(p.attribution ? `— ${p.text}` : p.text);
  const source = out.build(path);
  const metadata = htmlMetadata(document);
  if (!isEmptyMetadata(metadata)) source.metadata = metadata;
  return source;
}

const isElement = (n: Node): n is Element => "tagName" in n;
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

function dropped(e: Element, inArticle: boolean): boolean {
  if (DROP.has(e.tagName)) return true;
  if (e.tagName === "header" && !inArticle) return true; // the site's banner, not the story's headline
  if (attr(e, "hidden") !== undefined || attr(e, "aria-hidden") === "true") return true;
  if (DROP_ROLES.has(attr(e, "role") ?? "")) return true;
  return /display\s*:\s*none/i.test(attr(e, "style") ?? "");
}

/**
 * The paragraphs under `root`. Inside a block quote (`quoted`), `<cite>` and `<footer>` are the
 * attribution, the quote's paragraphs are joined line by line into one paragraph (the engine
 * takes the paragraph just before an attribution line as the quotation), and nested block
 * quotes are plain content.
 */
function paragraphsOf(root: Node, quoted: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  let line = "";
  let preDepth = 0;
  let qDepth = 0;
  let articleDepth = 0;
  const attribution: string[] = [];
  const flush = () => {
    const text = line
      .split("\n")
      .map((l) => (preDepth > 0 ? l.trimEnd() : collapseSpace(l).trim()))
      .filter(Boolean)
      .join("\n");
    if (text) out.push({ text });
    line = "";
  };
  type Step = { node: Node; exit?: boolean };
  const stack: Step[] = [{ node: root }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (!isElement(node)) {
      // Source line breaks are only whitespace; `<br>` and blocks make the lines.
      if (node.nodeName === "#text") line += preDepth > 0 ? (node as DefaultTreeAdapterMap["textNode"]).value : collapseSpace((node as DefaultTreeAdapterMap["textNode"]).value);
      else pushChildren(stack, node); // the document itself; comments and doctypes have no children
      continue;
    }
    const tag = node.tagName;
    if (exit) {
      if (tag === "q") line += --qDepth % 2 === 0 ? "”" : "’";
      if (tag === "pre") preDepth--;
      if (tag === "article" || tag === "main") articleDepth--;
      if (BLOCK.has(tag) || tag === "br") flush();
      continue;
    }
    if (quoted && node !== root && (tag === "cite" || tag === "footer")) {
      const who = collapseSpace(textOf(node)).trim();
      if (who) attribution.push(who);
      continue;
    }
    if (node !== root && dropped(node, articleDepth > 0)) continue;
    if (tag === "br") {
      line += "\n";
      continue;
    }
    if (!quoted && tag === "blockquote" && node !== root) {
      flush();
      emitBlockquote(node, out);
      continue;
    }
    if (tag === "figcaption" && previousElement(node)?.tagName === "blockquote") {
      flush();
      const who = collapseSpace(textOf(node)).trim().replace(/^[—―–-]+\s*/, "");
      if (who) out.push({ text: who, attribution: true });
      continue;
    }
    if (BLOCK.has(tag)) flush();
    if (tag === "q") line += qDepth++ % 2 === 0 ? "“" : "‘";
    if (tag === "pre") preDepth++;
    if (tag === "article" || tag === "main") articleDepth++;
    if (tag === "td" || tag === "th") line += " ";
    stack.push({ node, exit: true });
    pushChildren(stack, tag === "template" ? (node as DefaultTreeAdapterMap["template"]).content : node);
  }
  flush();
  if (quoted) {
    const text = out.map((p) => p.text).join("\n");
    const result: Paragraph[] = text ? [{ text }] : [];
    const who = attribution.join(", ").replace(/^[—―–-]+\s*/, "");
    if (text && who) result.push({ text: who, attribution: true });
    return result;
  }
  return out;
}

function emitBlockquote(node: Element, out: Paragraph[]): void {
  out.push(...paragraphsOf(node, true));
}

function pushChildren(stack: { node: Node; exit?: boolean }[], node: Node): void {
  if (!("childNodes" in node)) return;
  const children = node.childNodes as Node[];
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] });
}

/** All the text under a node, iteratively. */
function textOf(node: Node): string {
  let s = "";
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === "#text") s += (n as DefaultTreeAdapterMap["textNode"]).value;
    else if (isElement(n) && n !== node && DROP.has(n.tagName)) continue;
    else if ("childNodes" in n) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i] as Node);
    if (isElement(n) && n.tagName === "br") s += " ";
  }
  return s;
}

function previousElement(node: Element): Element | undefined {
  const siblings = (node.parentNode?.childNodes ?? []) as Node[];
  for (let i = siblings.indexOf(node) - 1; i >= 0; i--) {
    const s = siblings[i];
    if (isElement(s)) return s;
    if (s.nodeName === "#text" && (s as DefaultTreeAdapterMap["textNode"]).value.trim()) return undefined;
  }
  return undefined;
}
