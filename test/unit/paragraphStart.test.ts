import { strict as assert } from "node:assert";
import { paragraphStartBefore } from "../../src/core/incremental/changes";

/** The straightforward version: every blank line from the start of the text. */
function reference(text: string, offset: number, back = 0): number {
  const re = /\n[ \t]*\r?\n/g;
  let at = offset;
  for (let k = 0; k <= back; k++) {
    const before = text.slice(0, Math.max(0, at));
    let found = 0;
    re.lastIndex = 0;
    for (let m = re.exec(before); m; m = re.exec(before)) if (m.index + m[0].length <= at) found = m.index + m[0].length;
    if (k === back || found === 0) return found;
    at = found - 1;
  }
  return 0;
}

describe("paragraph starts", () => {
  it("finds the same paragraph start as a scan from the top of the text", () => {
    const pieces = ["word", " ", "\n", "\n\n", "\n \n", "\r\n", "\t", "x\n\n\ny", "a".repeat(5000)];
    let seed = 3;
    const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    for (let t = 0; t < 500; t++) {
      let text = "";
      for (let k = next(40); k > 0; k--) text += pieces[next(pieces.length)];
      const offset = next(text.length + 1);
      const back = next(3);
      assert.equal(paragraphStartBefore(text, offset, back), reference(text, offset, back), JSON.stringify({ text: text.slice(0, 80), offset, back }));
    }
  });
});
