/**
 * Bytes to text for every text-based format: UTF-8 (with or without BOM), UTF-16 with a BOM (or
 * plainly UTF-16 without one), legacy 8-bit files read as Windows-1252. Binary data is refused.
 * Anything odd that was still read comes back as a note for the host to show.
 */

export type Decoded = { text: string; note?: string } | { binary: string };

/** Bytes inspected to tell text from binary. */
const SNIFF = 8192;

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), "utf-16le");
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), "utf-16be");
  const head = bytes.subarray(0, SNIFF);
  const bomless = bomlessUtf16(head);
  if (bomless) return utf16(bytes, bomless, "no byte-order mark; read as UTF-16");
  const why = binaryReason(head);
  if (why) return { binary: why };
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Not valid UTF-8. With no valid multi-byte sequence at all it is a legacy 8-bit file (an old
    // CMS export, a Windows text file); otherwise a damaged UTF-8 file whose bad bytes are replaced.
    if (!hasMultibyteUtf8(bytes)) {
      return { text: windows1252(bytes), note: "not valid UTF-8; read as Windows-1252" };
    }
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    return { text, note: "invalid UTF-8 bytes replaced with \uFFFD" };
  }
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", note?: string): Decoded {
  const even = bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
  // Lone surrogates become U+FFFD rather than strings no encoder can write back.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(even);
  const notes = [note, even !== bytes ? "odd number of bytes for UTF-16; last byte dropped" : undefined].filter(Boolean);
  return notes.length ? { text, note: notes.join("; ") } : { text };
}

/** UTF-16 text without a BOM has a NUL in nearly every other byte. */
function bomlessUtf16(head: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (head.length < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = Math.floor(head.length / 2);
  if (oddNul > 0.7 * pairs && evenNul === 0) return "utf-16le";
  if (evenNul > 0.7 * pairs && oddNul === 0) return "utf-16be";
  return undefined;
}

function binaryReason(head: Uint8Array): string | undefined {
  let control = 0;
  for (const b of head) {
    if (b === 0) return "binary file (contains NUL bytes)";
    // Tab, LF, VT, FF, CR and ESC turn up in text; other C0 controls do not.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control > head.length * 0.05 ? "binary file (control characters)" : undefined;
}

function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i];
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) continue;
    let ok = true;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) return true;
  }
  return false;
}

/** Windows-1252 is Latin-1 except for 0x80–0x9F (curly quotes, dashes…); Node's TextDecoder treats it as plain Latin-1. */
const CP1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function windows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b)));
    parts.push(chunk.join(""));
  }
  return parts.join("");
}
