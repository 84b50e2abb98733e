import { strict as assert } from "node:assert";
import fc from "fast-check";
import { LineMap } from "../../src/core/report/position";

/** Line and column counted one character at a time: LF, CR and CR LF each end a line. */
function counted(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe("line and column of an offset", () => {
  it("counts LF, CR and CR LF line ends as an editor does", () => {
    const text = "a\r\nb\rc\nd\n\re\r\r\nf";
    const map = new LineMap(text);
    for (let i = 0; i <= text.length; i++) assert.deepEqual(map.position(i), counted(text, i), `offset ${i}`);
    assert.deepEqual(map.position(text.length), { line: 8, column: 2 });
  });

  it("agrees with counting on random text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("\n", "\r", "\r\n", "a", "é", " "), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const map = new LineMap(text);
        for (let i = 0; i <= text.length; i++) assert.deepEqual(map.position(i), counted(text, i));
      }),
      { numRuns: 1000 },
    );
  });
});
