/**
 * The benchmark's archive on disk: every article in one temporary file (ASCII, so a byte is a
 * character), read back one article at a time, the way the CLI re-reads a source file.
 */
import * as fs from "node:fs";

export class ArchiveFile {
  private readonly starts: number[] = [];
  private readonly fd: number;
  readonly bytes: number;

  constructor(
    readonly file: string,
    texts: string[],
  ) {
    let at = 0;
    for (const t of texts) {
      this.starts.push(at);
      at += t.length;
    }
    this.starts.push(at);
    this.bytes = at;
    fs.writeFileSync(file, texts.join(""), "latin1");
    this.fd = fs.openSync(file, "r");
    // Gone when the process ends; the descriptor keeps it readable until then.
    fs.unlinkSync(file);
  }

  read(i: number): string {
    const length = this.starts[i + 1] - this.starts[i];
    const buf = Buffer.allocUnsafe(length);
    fs.readSync(this.fd, buf, 0, length, this.starts[i]);
    return buf.toString("latin1");
  }

  readAll(): string[] {
    return this.starts.slice(0, -1).map((_, i) => this.read(i));
  }
}
