/**
 * The messages between the extension host and the index worker (node:worker_threads). Requests
 * carry an `id` the answer repeats; events (progress, a finished build) carry none. Everything
 * here survives structured clone; file bytes travel as transferred ArrayBuffers.
 */
import type { CheckOptions } from "../core/check";
import type { PlainQuoteCheck, SourcePlace } from "../core/plain/plainCheck";
import type { EntitySummary } from "../core/speakers/entity";

/** A source file of a build: its path as reports name it, and a change stamp (size and mtime). */
export interface FileStamp {
  path: string;
  stamp: string;
  size: number;
}

/** Where a folder's saved index lives (files the worker reads and writes itself). */
export interface StorageFiles {
  index: string;
  facts: string;
}

/** How far a folder's index is: sources whose current version the checker holds, of all. */
export interface Readiness {
  ready: number;
  total: number;
}

export type Request =
  /** Declares a folder's sources; the answer lists the files whose bytes the worker needs. */
  | { type: "build"; id: number; folder: string; build: number; files: FileStamp[]; options: CheckOptions; storage?: StorageFiles }
  /** One file's bytes for a build (`error` when the host could not read it). */
  | { type: "file"; id: number; folder: string; build: number; path: string; stamp: string; bytes?: Uint8Array; error?: string }
  | { type: "check"; id: number; folder: string; path: string; text: string; incremental: boolean; ignoredQuotes: string[] }
  | { type: "forget"; id: number; folder: string; path: string }
  | { type: "speakers"; id: number; folder: string }
  | { type: "complete"; id: number; folder: string; typed: string }
  | { type: "text"; id: number; folder: string; path: string }
  | { type: "close"; id: number; folder: string }
  /** Testing: wait this long before decoding each file, so a build can be caught midway. */
  | { type: "delay"; id: number; ms: number };

export interface BuildNeeds {
  /** Paths whose bytes the worker has not got at this stamp: the host sends each with `file`. */
  need: string[];
  threadId: number;
}

export interface CheckAnswer {
  checks: PlainQuoteCheck[];
  /** The build whose index answered (0: a partial index of a build under way). */
  build: number;
  /** Set when the index is still being built or updated: the answer used what was ready. */
  partial?: Readiness;
}

export interface PlainSourceQuotation {
  path: string;
  start: number;
  end: number;
  text: string;
  wordCount: number;
  place?: SourcePlace;
}

export interface PlainSourceSpeaker extends EntitySummary {
  aliases: string[];
  quotes: PlainSourceQuotation[];
}

export interface PlainCompletion {
  path: string;
  text: string;
  replaceFrom: number;
  /** The source's own words, from where the typed words start to the end of the completion. */
  passage: string;
  speaker?: EntitySummary;
  place?: SourcePlace;
}

export interface SpeakersAnswer {
  build: number;
  speakers: PlainSourceSpeaker[];
}

export interface BuildStats {
  folder: string;
  build: number;
  /** Source files in the index, and how many were tokenized anew / reused from a saved or live index. */
  files: number;
  tokenized: number;
  reused: number;
  /** The saved index was used as it was (nothing changed). */
  reusedIndex: boolean;
  /** A saved index was loaded from storage for this build. */
  loadedSaved: boolean;
  saved: boolean;
  skipped: { path: string; why: string }[];
  notes: string[];
  ms: number;
  threadId: number;
}

export type WorkerEvent =
  | { type: "progress"; folder: string; build: number; done: number; total: number; percent: number }
  | { type: "built"; stats: BuildStats }
  | { type: "log"; message: string };

export type Response = { type: "answer"; id: number; value?: unknown; error?: string };

export type FromWorker = Response | WorkerEvent;

/** Requests without their id, as callers write them. */
export type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/** Build progress as a percentage: reading and decoding the files is most of it, indexing the rest. */
export function buildPercent(decodedBytes: number, totalBytes: number, indexed: boolean): number {
  if (indexed) return 100;
  if (totalBytes <= 0) return 90;
  return Math.min(90, Math.floor((90 * decodedBytes) / totalBytes));
}
