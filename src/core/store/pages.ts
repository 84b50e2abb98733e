/**
 * The page file of a sealed index: its arrays, read page by page as a check needs them (see
 * `corpus/pagedArrays.ts`), each page checked when read against a checksum the sealed index
 * entry holds — so no byte of the index is used unless it is what this build wrote, without
 * reading (or summing) 160 MB to answer a check that needs 2 MB of it.
 *
 * Layout: page 0 is "VBPG", the format, and 16 random bytes that make each save's page file
 * its own (and name it: `pages-<hex>`); pages 1… are the index's pages. The sealed entry holds,
 * before the index header, the page count, those 16 bytes and two 32-bit sums per page (page 0
 * included). A save writes its page file under its own name before the entry that names it, so
 * a reader always opens the pages of the entry it read, whatever a crash or a concurrent save
 * did; opening checks the size and page 0 all the same.
 */
import { Checksum64, checksum64Words } from "./checksum";
import { StoreEntryError } from "./container";

export const PAGE_BYTES = 4096;
const MAGIC = [0x56, 0x42, 0x50, 0x47]; // "VBPG"
const PAGES_VERSION = 1;

/** A file opened for reading at any position (the host's). */
export interface RandomAccess {
  readonly size: number;
  /** Fills `into` from `position` on; throws when the file is shorter or cannot be read. */
  readAt(into: Uint8Array, position: number): void;
  close(): void;
}

/** Two 32-bit sums of a page (the halves of its `Checksum64`). */
function pageSum(page: Uint8Array, out: Uint32Array, at: number): void {
  if (page.byteOffset % 4 === 0 && page.length % 4 === 0) return checksum64Words(new Uint32Array(page.buffer, page.byteOffset, page.length >>> 2), out, at);
  const d = new Checksum64().update(page).digest();
  out[at] = parseInt(d.slice(0, 8), 16);
  out[at + 1] = parseInt(d.slice(8), 16);
}

/**
 * The page file to write for an index's pages (`parts`, whole pages end to end), and what the
 * sealed entry keeps of it: the page count and the sums, as bytes to put before the header.
 */
export function pageFile(parts: readonly Uint8Array[], random: (n: number) => Uint8Array): { name: string; file: Uint8Array[]; table: Uint8Array } {
  const first = new Uint8Array(PAGE_BYTES);
  first.set(MAGIC, 0);
  new DataView(first.buffer).setUint32(4, PAGES_VERSION, true);
  const nonce = random(16);
  first.set(nonce, 8);
  const file = [first, ...parts];
  const total = file.reduce((n, p) => n + p.length, 0);
  if (total % PAGE_BYTES !== 0) throw new Error("index pages: not whole pages");
  const count = total / PAGE_BYTES;
  const table = new Uint8Array(TABLE_HEAD + 8 * count);
  new DataView(table.buffer).setUint32(0, count, true);
  table.set(nonce, 4);
  const sums = new Uint32Array(table.buffer, TABLE_HEAD, 2 * count);
  // Parts need not end on a page boundary: a page may be cut across two of them.
  const scratch = new Uint8Array(PAGE_BYTES);
  let page = 0;
  let filled = 0;
  for (const part of file) {
    let at = 0;
    while (at < part.length) {
      if (filled === 0 && part.length - at >= PAGE_BYTES) {
        pageSum(part.subarray(at, at + PAGE_BYTES), sums, 2 * page++);
        at += PAGE_BYTES;
        continue;
      }
      const n = Math.min(PAGE_BYTES - filled, part.length - at);
      scratch.set(part.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === PAGE_BYTES) {
        pageSum(scratch, sums, 2 * page++);
        filled = 0;
      }
    }
  }
  return { name: pagesName(nonce), file, table };
}

/** Page count and nonce, before the sums. */
const TABLE_HEAD = 20;
export const PAGES_PREFIX = "pages-";

function pagesName(nonce: Uint8Array): string {
  return PAGES_PREFIX + Array.from(nonce, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The length of the page table at the start of `bytes` and the name of its page file; throws when damaged. */
export function readPageTable(bytes: Uint8Array): { length: number; name: string } {
  const count = bytes.length >= TABLE_HEAD ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) : 0;
  const length = TABLE_HEAD + 8 * count;
  if (count < 1 || length > bytes.length) throw new StoreEntryError("page table is damaged");
  return { length, name: pagesName(bytes.subarray(4, TABLE_HEAD)) };
}

/** The pages of an opened page file, each checked as it is read (the index's pages: page 0 is the file's own). */
export class CheckedPages {
  readonly pageBytes = PAGE_BYTES;
  readonly pageCount: number;
  private readonly sums: Uint32Array;
  private file?: RandomAccess;
  private readonly check = new Uint32Array(2);

  /** `table`: the bytes `pageFile` gave; throws `StoreEntryError` when the file is not the one they describe. */
  constructor(file: RandomAccess, table: Uint8Array, private readonly where: string) {
    this.file = file;
    if (table.byteOffset % 4 !== 0) table = table.slice();
    const count = table.length >= TABLE_HEAD ? new DataView(table.buffer, table.byteOffset).getUint32(0, true) : -1;
    if (count < 1 || table.length !== TABLE_HEAD + 8 * count) throw new StoreEntryError("page table is damaged");
    this.sums = new Uint32Array(table.buffer, table.byteOffset + TABLE_HEAD, 2 * count);
    this.pageCount = count - 1;
    if (file.size !== count * PAGE_BYTES) throw new StoreEntryError(`${where}: ${file.size} bytes, expected ${count * PAGE_BYTES} (not the page file of this index)`);
    const first = new Uint8Array(PAGE_BYTES);
    this.readChecked(first, 0, 1);
  }

  read(into: Uint8Array, first: number, count: number): void {
    if (first < 0 || first + count > this.pageCount) throw new StoreEntryError(`${this.where}: page ${first + count} is past the end`);
    this.readChecked(into, first + 1, count);
  }

  close(): void {
    this.file?.close();
    this.file = undefined;
  }

  private readChecked(into: Uint8Array, first: number, count: number): void {
    if (!this.file) throw new StoreEntryError(`${this.where}: read after close`);
    try {
      this.file.readAt(into.subarray(0, count * PAGE_BYTES), first * PAGE_BYTES);
    } catch (e) {
      throw new StoreEntryError(`${this.where} could not be read (${(e as Error).message})`);
    }
    for (let k = 0; k < count; k++) {
      pageSum(into.subarray(k * PAGE_BYTES, (k + 1) * PAGE_BYTES), this.check, 0);
      const p = first + k;
      if (this.check[0] !== this.sums[2 * p] || this.check[1] !== this.sums[2 * p + 1]) {
        throw new StoreEntryError(p === 0 ? `${this.where}: not the page file of this index` : `${this.where}: checksum mismatch at page ${p} (the file is damaged)`);
      }
    }
  }
}
