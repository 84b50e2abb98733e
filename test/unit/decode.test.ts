import { strict as assert } from "node:assert";
import { decodeText } from "../../src/core/formats/decode";

const utf16 = (s: string, bigEndian: boolean, bom = true) => {
  const le = Buffer.from(s, "utf16le");
  if (bigEndian) le.swap16();
  return new Uint8Array([...(bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : []), ...le]);
};

describe("decoding source bytes", () => {
  it("reads UTF-8 with and without a BOM", () => {
    assert.deepEqual(decodeText(new TextEncoder().encode("“Café”")), { text: "“Café”" });
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), { text: "A" });
  });

  it("reads UTF-16 with a BOM, little- and big-endian, surrogate pairs included", () => {
    const s = "“Wall” 🧱 done";
    assert.deepEqual(decodeText(utf16(s, false)), { text: s });
    assert.deepEqual(decodeText(utf16(s, true)), { text: s });
  });

  it("reads UTF-16 without a BOM, with a note", () => {
    const d = decodeText(utf16("The wall will be rebuilt.", false, false));
    assert.ok("text" in d && d.text === "The wall will be rebuilt." && /UTF-16/.test(d.note ?? ""));
  });

  it("replaces lone surrogates in UTF-16 rather than keeping unencodable strings", () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]); // A, lone high surrogate, B
    assert.deepEqual(decodeText(bytes), { text: "A\uFFFDB" });
  });

  it("reads a legacy 8-bit file as Windows-1252, with a note", () => {
    const d = decodeText(new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94])); // “Café” in Windows-1252
    assert.ok("text" in d);
    assert.equal(d.text, "“Café”");
    assert.match(d.note ?? "", /Windows-1252/);
  });

  it("replaces the bad bytes of damaged UTF-8, with a note", () => {
    const good = new TextEncoder().encode("Café ");
    const d = decodeText(new Uint8Array([...good, 0xff, 0x41]));
    assert.ok("text" in d);
    assert.equal(d.text, "Café \uFFFDA");
    assert.match(d.note ?? "", /invalid UTF-8/);
  });

  it("refuses binary data", () => {
    assert.ok("binary" in decodeText(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2])));
    assert.ok("binary" in decodeText(new Uint8Array(Array.from({ length: 200 }, (_, i) => (i * 7) % 32 || 1))));
  });
});
