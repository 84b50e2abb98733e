/**
 * Assembles extracted text paragraph by paragraph while recording the offsets of speaker turns
 * and named regions (pages, timestamps), so every offset refers to the final text.
 */
import type { Region, SourceText, Utterance } from "../corpus/corpus";

export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private last = "";
  readonly utterances: Utterance[] = [];
  readonly regions: Region[] = [];

  get offset(): number {
    return this.length;
  }

  /** Appends raw text; returns the span it occupies. */
  append(s: string): { start: number; end: number } {
    const start = this.length;
    if (s) {
      this.parts.push(s);
      this.length += s.length;
      this.last = s;
    }
    return { start, end: this.length };
  }

  /** Ends the current paragraph: the next text starts after a blank line. */
  paragraphBreak(): void {
    if (this.length === 0 || this.last.endsWith("\n\n")) return;
    this.append(this.last.endsWith("\n") ? "\n" : "\n\n");
  }

  /** Appends a whole paragraph. */
  paragraph(s: string): { start: number; end: number } {
    this.paragraphBreak();
    return this.append(s);
  }

  utterance(start: number, end: number, speaker: string): void {
    if (end > start && speaker) this.utterances.push({ start, end, speaker });
  }

  region(start: number, end: number, label: string): void {
    if (end > start) this.regions.push({ start, end, label });
  }

  build(path: string): SourceText {
    const source: SourceText = { path, text: this.parts.join("") };
    if (this.utterances.length) source.utterances = this.utterances;
    if (this.regions.length) source.regions = this.regions;
    return source;
  }
}

/** Collapses runs of whitespace (including no-break spaces) to one space. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, " ");
}
