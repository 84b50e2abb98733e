#!/usr/bin/env node
// Draws media/icon.png (128×128): a navy tile with a white quotation mark and a green check.
// No image libraries: shapes are distance tests, 4×4 supersampled, written as an RGBA PNG.
import fs from "node:fs";
import zlib from "node:zlib";

const SIZE = 128;
const SS = 4;
const NAVY = [31, 58, 95];
const WHITE = [255, 255, 255];
const GREEN = [76, 201, 120];

const inRoundedSquare = (x, y, r) => {
  const m = 4, lo = m + r, hi = SIZE - m - r;
  const dx = Math.max(lo - x, 0, x - hi), dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= r * r;
};
// One comma of the quotation mark: a disc with a tail curving down-left.
const inComma = (x, y, cx, cy) => {
  const r = 13;
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  const t = (y - (cy - 30)) / 30; // the tail rises from the disc's top-right to above it
  if (t < 0 || t > 1) return false;
  const tailX = cx + 2 - 10 * Math.sin(t * Math.PI / 2) + 12 * (1 - t);
  return Math.abs(x - tailX) <= 4 + 5 * t;
};
const distToSegment = (x, y, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};
const inCheck = (x, y) => distToSegment(x, y, 70, 88, 84, 102) <= 7 || distToSegment(x, y, 84, 102, 110, 70) <= 7;

function colourAt(x, y) {
  if (inCheck(x, y)) return GREEN;
  if (inComma(x, y, 40, 62) || inComma(x, y, 78, 62)) return WHITE;
  if (inRoundedSquare(x, y, 22)) return NAVY;
  return null;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
      const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
      if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0; raw[o + 1] = a ? Math.round(g / a) : 0; raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / (SS * SS));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0)),
]);
fs.mkdirSync(new URL("../media/", import.meta.url), { recursive: true });
fs.writeFileSync(new URL("../media/icon.png", import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
