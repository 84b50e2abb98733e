/** Line and column (1-based, UTF-16 columns as editors count them) of an offset. */
export class LineMap {
  private readonly lineStarts: number[] = [0];
  constructor(text: string) {
    // Line ends found by indexOf (a built-in search, fast from the first call: a report maps a
    // position in a 1 MB source once, where a loop over every character ran cold), LF and CR
    // alike; a CR that a LF follows ends its line at the LF.
    let lf = text.indexOf("\n");
    let cr = text.indexOf("\r");
    while (lf >= 0 || cr >= 0) {
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        if (cr + 1 !== lf) this.lineStarts.push(cr + 1);
        cr = text.indexOf("\r", cr + 1);
      } else {
        this.lineStarts.push(lf + 1);
        lf = text.indexOf("\n", lf + 1);
      }
    }
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }
}
