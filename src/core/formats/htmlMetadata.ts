/**
 * An HTML page's metadata, the way news sites publish it: JSON-LD `NewsArticle` (or any
 * `Article`), Open Graph (`og:title`, `og:site_name`, `og:url`, `article:published_time`),
 * plain `<meta>` tags (`author`, `date`, Dublin Core), `<link rel=canonical>`, `<title>` (whose
 * ` – Site name` tail names the outlet when nothing else does), `<time pubdate>` and the byline.
 * The walk is iterative: nesting depth is untrusted input.
 */
import type { DefaultTreeAdapterMap } from "parse5";
import { cleanMetadata, type RawMetadata, type SourceMetadata } from "./metadata";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Bytes of JSON-LD read per page: a news page's is a few kilobytes. */
const MAX_JSON_LD = 512 * 1024;
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|PressRelease|LiveBlogPosting|ScholarlyArticle|TechArticle|SocialMediaPosting)$/;

interface Found {
  title?: string;
  h1?: string;
  meta: Map<string, string>;
  canonical?: string;
  jsonLd: string[];
  pubTime?: string;
  bylines: string[];
}

export function htmlMetadata(document: Node): SourceMetadata {
  const found = collect(document);
  const ld = articleFromJsonLd(found.jsonLd);
  const meta = (...keys: string[]) => keys.map((k) => found.meta.get(k)).find((v) => v && v.trim());
  const siteName = meta("og:site_name", "application-name") ?? ld.publisher;
  const titleTag = found.title ? splitTitle(found.title, siteName) : undefined;
  const authorMeta = meta("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author");
  const raw: RawMetadata = {
    title: ld.headline ?? meta("og:title", "twitter:title", "dc.title", "dcterms.title", "title", "headline") ?? titleTag?.title ?? found.h1,
    outlet: siteName ?? meta("dc.publisher", "dcterms.publisher", "publisher", "article:publisher") ?? titleTag?.site,
    authors: ld.authors?.length ? ld.authors : authorMeta && !/^https?:/i.test(authorMeta) ? authorMeta : found.bylines,
    date:
      meta("article:published_time", "og:published_time", "datepublished") ??
      ld.datePublished ??
      meta("date", "pubdate", "publishdate", "publish-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date") ??
      found.pubTime,
    url: [found.canonical, meta("og:url", "twitter:url"), ld.url].find((u) => u && /^\s*https?:\/\//i.test(u)),
  };
  // `article:publisher` is often the publisher's Facebook page, not a name.
  if (typeof raw.outlet === "string" && /^https?:/i.test(raw.outlet)) raw.outlet = titleTag?.site;
  return cleanMetadata(raw);
}

const isElement = (n: Node): n is Element => "tagName" in n;
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

function collect(root: Node): Found {
  const found: Found = { meta: new Map(), jsonLd: [], bylines: [] };
  let jsonLdBytes = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node)) {
      const tag = node.tagName;
      if (tag === "svg" || tag === "math") continue;
      if (tag === "title" && found.title === undefined) found.title = textOf(node);
      else if (tag === "h1" && found.h1 === undefined) found.h1 = textOf(node);
      else if (tag === "meta") {
        const key = (attr(node, "property") ?? attr(node, "name") ?? attr(node, "itemprop"))?.trim().toLowerCase();
        const content = attr(node, "content");
        if (key && content !== undefined && !found.meta.has(key)) found.meta.set(key, content);
      } else if (tag === "link") {
        const rel = (attr(node, "rel") ?? "").toLowerCase().split(/\s+/);
        if (rel.includes("canonical") && found.canonical === undefined) found.canonical = attr(node, "href");
      } else if (tag === "script") {
        if ((attr(node, "type") ?? "").trim().toLowerCase() === "application/ld+json") {
          const text = textOf(node);
          if (jsonLdBytes + text.length <= MAX_JSON_LD) {
            found.jsonLd.push(text);
            jsonLdBytes += text.length;
          }
        }
        continue;
      } else if (tag === "time" && found.pubTime === undefined) {
        const when = attr(node, "datetime");
        if (when && (attr(node, "pubdate") !== undefined || attr(node, "itemprop") === "datePublished" || /\bpublished\b/i.test(attr(node, "class") ?? ""))) found.pubTime = when;
      }
      if (isByline(node) && found.bylines.length < 5) {
        const text = textOf(node).replace(/\s+/g, " ").trim();
        // A byline is short: `By Jane Doe`, not a paragraph that happens to have the class.
        if (text && text.length <= 120) {
          found.bylines.push(text);
          continue;
        }
      }
    }
    if ("childNodes" in node) {
      const children = node.childNodes as Node[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    if (isElement(node) && node.tagName === "template") stack.push((node as DefaultTreeAdapterMap["template"]).content);
  }
  return found;
}

function isByline(e: Element): boolean {
  if (attr(e, "itemprop") === "author" || (attr(e, "rel") ?? "").split(/\s+/).includes("author")) return true;
  const cls = (attr(e, "class") ?? "").toLowerCase();
  return /(?:^|[\s_-])(?:byline|author-name|byline__name)(?:$|[\s_-])/.test(cls);
}

/** All the text under a node, iteratively. */
function textOf(node: Node): string {
  let s = "";
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === "#text") s += (n as DefaultTreeAdapterMap["textNode"]).value;
    else if ("childNodes" in n) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i] as Node);
  }
  return s;
}

/** `Headline – Outlet` (or `|`, `—`, ` - `): the headline, and the site when the tail is short. */
function splitTitle(title: string, siteName: string | undefined): { title: string; site?: string } {
  const t = title.replace(/\s+/g, " ").trim();
  if (t.length > 1000) return { title: t };
  const m = /^(.*\S)\s+(?:[|–—·•]|-{1,2}|::)\s+([^|–—·•]+)$/.exec(t);
  if (!m) return { title: t };
  const tail = m[2].trim();
  if (siteName && tail.toLowerCase() === siteName.trim().toLowerCase()) return { title: m[1], site: tail };
  return tail.split(" ").length <= 6 ? { title: m[1], site: tail } : { title: t };
}

interface LdArticle {
  headline?: string;
  publisher?: string;
  authors?: string[];
  datePublished?: string;
  url?: string;
}

/** The first Article-typed node of the page's JSON-LD blocks (in `@graph`s and lists too). */
function articleFromJsonLd(blocks: string[]): LdArticle {
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block.trim());
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let visited = 0; queue.length && visited < 500; visited++) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item.slice(0, 100));
      else if (item && typeof item === "object") {
        const o = item as Record<string, unknown>;
        if (isArticle(o["@type"])) return readArticle(o);
        if (o["@graph"]) queue.push(o["@graph"]);
      }
    }
  }
  return {};
}

function isArticle(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t.replace(/^(?:https?:\/\/)?schema\.org\//, "")));
}

function readArticle(o: Record<string, unknown>): LdArticle {
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const nameOf = (v: unknown): string | undefined => (typeof v === "string" ? v : v && typeof v === "object" ? str((v as Record<string, unknown>).name) : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  const page = o.mainEntityOfPage;
  return {
    headline: str(o.headline) ?? str(o.name),
    publisher: list(o.publisher).map(nameOf).find(Boolean) ?? list(o.sourceOrganization).map(nameOf).find(Boolean),
    authors: list(o.author).map(nameOf).filter((n): n is string => !!n),
    datePublished: str(o.datePublished) ?? str(o.dateCreated),
    url: str(o.url) ?? str(page) ?? (page && typeof page === "object" ? str((page as Record<string, unknown>)["@id"]) : undefined),
  };
}
