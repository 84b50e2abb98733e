/**
 * Where a passage stands in its source — line and column (in the file, or in the text extracted
 * from it) and the page or timestamp — worked out in the worker, which has the source text, so
 * the extension host never needs it. Line maps of recently used sources are kept.
 */
import { Corpus, type SourceDocument } from "../core/corpus/corpus";
import type { SourcePlace } from "../core/plain/plainCheck";
import { LineMap } from "../core/report/position";

const KEPT = 32;

export class Places {
  private readonly maps = new Map<SourceDocument, LineMap>();

  constructor(
    private readonly exact: (path: string) => boolean,
    private readonly kept = KEPT,
  ) {}

  of(doc: SourceDocument, start: number, end: number): SourcePlace {
    const lines = this.lines(doc);
    const a = lines.position(start);
    const b = lines.position(end);
    return { exact: this.exact(doc.path), line: a.line, column: a.column, endLine: b.line, endColumn: b.column, region: Corpus.regionAt(doc, start)?.label };
  }

  private lines(doc: SourceDocument): LineMap {
    let map = this.maps.get(doc);
    if (map) this.maps.delete(doc);
    else map = new LineMap(doc.text);
    this.maps.set(doc, map);
    if (this.maps.size > this.kept) this.maps.delete(this.maps.keys().next().value!);
    return map;
  }
}
