/**
 * A look at a ZIP container's central directory before anything is inflated, so a damaged file
 * or a zip bomb posing as a .docx is refused instead of filling memory.
 */
import { FormatError } from "./errors";

/** Largest total the entries may inflate to. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 10000;

export function checkZip(bytes: Uint8Array, required: string): void {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) throw new FormatError("not a ZIP container (is it an old .doc file?)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FormatError("damaged ZIP container (no central directory)");
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (entries > MAX_ENTRIES) throw new FormatError(`ZIP container with ${entries} entries`);
  let total = 0;
  let found = false;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new FormatError("damaged ZIP container");
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === required) found = true;
    total += size === 0xffffffff ? Infinity : size; // ZIP64 sizes: far beyond any document
    at += 46 + nameLength + extra + comment;
  }
  if (total > MAX_UNZIPPED_BYTES) throw new FormatError(`unpacks to more than ${MAX_UNZIPPED_BYTES / 1048576} MB (a zip bomb?)`);
  if (!found) throw new FormatError(`not a Word document (no ${required})`);
}
