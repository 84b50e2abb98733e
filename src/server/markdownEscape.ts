import { showInvisible } from "../core/text/visible";

/**
 * Makes untrusted text (source documents, names found in them) inert inside Markdown: every
 * ASCII punctuation character is backslash-escaped, so no link, image, HTML tag, autolink
 * (`https\://`, `www\.`), emphasis or heading can form, and `command:` or `javascript:` URIs
 * stay plain text. Whitespace runs become single spaces (no code blocks, no line structure).
 * Bidirectional controls and zero-width characters are shown as `⟨U+202E⟩` (core/text/visible):
 * a right-to-left override cannot make a passage read as other words than it holds.
 */
export function escapeMarkdown(text: string): string {
  return showInvisible(text).replace(/\s+/g, " ").replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

/**
 * A `command:` URI for a Markdown link: the arguments are JSON, percent-encoded including the
 * characters encodeURIComponent leaves alone, so a parenthesis in a file name cannot end the link.
 */
export function commandUri(command: string, args: unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${encoded}`;
}
