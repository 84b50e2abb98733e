/**
 * The envelope of every saved store entry: a magic number, the envelope version, a checksum over
 * everything after it, then a small JSON header (the entry's kind, the build identity that wrote
 * it, when) and the payload, 4-byte aligned so typed arrays can view it in place.
 *
 *   0  "VBST"   4  envelope version (u32 LE)   8  checksum64 as 16 hex digits
 *   24 header length (u32 LE)   28 header JSON, padded to 4   …  payload
 *
 * `openEntry` refuses anything that is not exactly what this build wrote, with a reason.
 */
import { Checksum64, checksum64 } from "./checksum";

const MAGIC = [0x56, 0x42, 0x53, 0x54]; // "VBST"
const ENVELOPE_VERSION = 1;
const CHECKSUM_AT = 8;
const CHECKED_FROM = 24;

export class StoreEntryError extends Error {}

export interface EntryHeader {
  kind: string;
  identity: string;
  /** When it was written (ms since the epoch). */
  savedAt: number;
}

/** The entry as two parts to write one after the other (the payload is not copied). */
export function sealEntry(header: EntryHeader, payload: Uint8Array): Uint8Array[] {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new Uint8Array(CHECKED_FROM + 4 + Math.ceil(json.length / 4) * 4);
  prefix.set(MAGIC, 0);
  const view = new DataView(prefix.buffer);
  view.setUint32(4, ENVELOPE_VERSION, true);
  view.setUint32(CHECKED_FROM, json.length, true);
  prefix.set(json, CHECKED_FROM + 4);
  const sum = new Checksum64().update(prefix.subarray(CHECKED_FROM)).update(payload).digest();
  prefix.set(new TextEncoder().encode(sum), CHECKSUM_AT);
  return [prefix, payload];
}

/** The parts as one buffer. */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The payload (a view into `bytes`) of an entry of this kind written by this identity; throws `StoreEntryError`. */
export function openEntry(bytes: Uint8Array, kind: string, identity: string): { header: EntryHeader; payload: Uint8Array } {
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  if (bytes.length < CHECKED_FROM + 4 || MAGIC.some((b, i) => bytes[i] !== b)) throw new StoreEntryError("not a Verbatim store file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== ENVELOPE_VERSION) throw new StoreEntryError(`store format ${version}, expected ${ENVELOPE_VERSION}`);
  const stored = new TextDecoder().decode(bytes.subarray(CHECKSUM_AT, CHECKED_FROM));
  if (stored !== checksum64(bytes.subarray(CHECKED_FROM))) throw new StoreEntryError("checksum mismatch (the file is damaged)");
  const length = view.getUint32(CHECKED_FROM, true);
  const payloadAt = CHECKED_FROM + 4 + Math.ceil(length / 4) * 4;
  if (payloadAt > bytes.length) throw new StoreEntryError("truncated");
  let header: EntryHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(CHECKED_FROM + 4, CHECKED_FROM + 4 + length)));
  } catch {
    throw new StoreEntryError("header is damaged");
  }
  if (header?.kind !== kind) throw new StoreEntryError(`holds ${String(header?.kind)}, not ${kind}`);
  if (header.identity !== identity) throw new StoreEntryError(`written by another build of Verbatim (${header.identity}; this is ${identity})`);
  if (typeof header.savedAt !== "number" || !Number.isFinite(header.savedAt)) throw new StoreEntryError("header is damaged");
  return { header, payload: bytes.subarray(payloadAt) };
}
