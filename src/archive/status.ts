/** `verbatim archive status`: what the archive holds, how big it is, and the last ingest. */
import type pg from "pg";
import { requireSchema, schemaVersion } from "./schema";

export interface ArchiveStatus {
  schemaVersion: number;
  documents: number;
  quotations: number;
  attributedQuotations: number;
  passages: number;
  /** Characters of source text stored. */
  textChars: number;
  /** Bytes on disk: the documents (text, compressed), quotations, and the retrieval index (passages + GIN). */
  documentBytes: number;
  quotationBytes: number;
  indexBytes: number;
  databaseBytes: number;
  lastIngest?: { id: number; status: string; startedAt: Date; finishedAt?: Date; filesSeen: number; added: number; replaced: number; unchanged: number; skipped: number };
  readOnly: boolean;
}

export async function archiveStatus(pool: pg.Pool): Promise<ArchiveStatus> {
  const client = await pool.connect();
  try {
    await requireSchema(client);
    const counts = (
      await client.query(`SELECT
        (SELECT count(*) FROM verbatim.document) AS documents,
        (SELECT coalesce(sum(text_length), 0) FROM verbatim.document) AS text_chars,
        (SELECT count(*) FROM verbatim.quotation) AS quotations,
        (SELECT count(*) FROM verbatim.quotation WHERE speaker_name IS NOT NULL) AS attributed,
        (SELECT count(*) FROM verbatim.passage) AS passages,
        pg_total_relation_size('verbatim.document') AS document_bytes,
        pg_total_relation_size('verbatim.quotation') AS quotation_bytes,
        pg_total_relation_size('verbatim.passage') AS index_bytes,
        pg_database_size(current_database()) AS database_bytes,
        current_setting('transaction_read_only') = 'on' AS read_only`)
    ).rows[0];
    const last = (await client.query(`SELECT * FROM verbatim.ingest ORDER BY id DESC LIMIT 1`)).rows[0];
    return {
      schemaVersion: await schemaVersion(client),
      documents: Number(counts.documents),
      quotations: Number(counts.quotations),
      attributedQuotations: Number(counts.attributed),
      passages: Number(counts.passages),
      textChars: Number(counts.text_chars),
      documentBytes: Number(counts.document_bytes),
      quotationBytes: Number(counts.quotation_bytes),
      indexBytes: Number(counts.index_bytes),
      databaseBytes: Number(counts.database_bytes),
      readOnly: counts.read_only,
      lastIngest: last && {
        id: Number(last.id),
        status: last.status,
        startedAt: last.started_at,
        finishedAt: last.finished_at ?? undefined,
        filesSeen: last.files_seen,
        added: last.added,
        replaced: last.replaced,
        unchanged: last.unchanged,
        skipped: last.skipped,
      },
    };
  } finally {
    client.release();
  }
}

export const size = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

export function formatStatus(s: ArchiveStatus, display: string): string {
  const lines = [
    `archive ${display} (schema version ${s.schemaVersion}${s.readOnly ? ", read-only connection" : ""})`,
    `  documents    ${s.documents.toLocaleString("en")}  (${size(s.textChars)} of text)`,
    `  quotations   ${s.quotations.toLocaleString("en")}  (${s.attributedQuotations.toLocaleString("en")} with a speaker)`,
    `  on disk      documents ${size(s.documentBytes)}, quotations ${size(s.quotationBytes)}, retrieval index ${size(s.indexBytes)} (${s.passages.toLocaleString("en")} passages); database ${size(s.databaseBytes)}`,
  ];
  const i = s.lastIngest;
  if (i) {
    const when = (d: Date) => d.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
    lines.push(
      `  last ingest  #${i.id} ${i.status}, started ${when(i.startedAt)}${i.finishedAt ? `, ended ${when(i.finishedAt)}` : ""}: ${i.filesSeen} files — ${i.added} added, ${i.replaced} replaced, ${i.unchanged} unchanged, ${i.skipped} skipped`,
    );
    if (i.status === "interrupted" || i.status === "running") lines.push(`  (an interrupted ingest is finished by running the same "verbatim archive add" again)`);
  } else lines.push("  last ingest  none yet");
  return lines.join("\n");
}
