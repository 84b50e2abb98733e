/**
 * Edits to a draft as offsets into its text, so the engine can propose fixes without knowing
 * about any editor. The editor turns them into its own edits; tests apply them with `applyEdits`.
 */

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type FixKind = "attribute" | "wording" | "citation" | "ignore";

/** One proposed fix for a quotation: a title for the user and the edits that make it. */
export interface QuoteFix {
  kind: FixKind;
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants for this finding. */
  preferred?: boolean;
  /** Why the fix cannot be made (no edits then): shown instead of silently offering nothing. */
  disabledReason?: string;
  /** What the title names, for hosts that word it in another language: the speaker, or the source cited. */
  subject?: string;
  /** An attribution-phrase citation: the phrase it writes (`told the Evening Post on March 12, 2025`). */
  phrase?: string;
}

/** Applies non-overlapping edits to a text (in any order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
