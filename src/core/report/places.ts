/**
 * Where a passage stands in its source: line and column (in the file, or in the text extracted
 * from it) and the page or timestamp. The one definition of passage positions: diagnostics'
 * related locations, hovers, the views, completion and the CLI's JSON and SARIF all use it.
 * Line maps of recently used sources are kept.
 */
import { Corpus, type SourceDocument } from "../corpus/corpus";
import { LineMap } from "./position";

/** Where a passage stands. Lines and columns are 1-based, columns in UTF-16 code units (as editors count). */
export interface SourcePlace {
  /** True when line and column are positions in the file; false when in the text extracted from it (PDF, DOCX, HTML). */
  exact: boolean;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A page or timestamp holding the passage, if the source names one. */
  region?: string;
}

const KEPT = 32;

export class Places {
  private readonly maps = new Map<SourceDocument, LineMap>();

  constructor(
    /** Is this source's checked text the file's own text (so positions are positions in the file)? */
    private readonly exact: (path: string) => boolean = () => true,
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
