/**
 * Verbatim's own LSP messages, beyond the standard ones (diagnostics, hover, code actions,
 * completion, commands, `$/progress`): what the VS Code client needs for its views, status bar
 * and extracted-text documents. Any other client can use them too; none is required.
 */
import type { CitationStyle } from "../core/edits/citation";
import type { SourceMetadata } from "../core/formats/metadata";
import type { PlainQuoteCheck } from "../core/plain/plainCheck";
import type { SourcePlace } from "../core/report/places";
import type { BuildStats, Readiness } from "../core/service";
import type { EntitySummary } from "../core/speakers/entity";

/** `verbatim/quotes`: the latest check of an open draft (for the Quotes view and its commands). */
export const QUOTES = "verbatim/quotes";
export interface QuotesParams {
  uri: string;
}
export interface QuotesResult {
  uri: string;
  version: number;
  checks: PlainQuoteCheck[];
  /** Each source path a passage names → the URI to open it at. */
  sources: Record<string, string>;
  ignoreMarker: string;
  build: number;
  partial?: Readiness;
}

/** `verbatim/speakers`: everyone the sources of the draft's project quote (for the Speakers view). */
export const SPEAKERS = "verbatim/speakers";
export interface SpeakersParams {
  /** A draft (or folder) whose project's sources are listed. */
  uri: string;
}
export interface SourceQuotation {
  path: string;
  /** The source file's URI. */
  uri: string;
  start: number;
  end: number;
  text: string;
  wordCount: number;
  place?: SourcePlace;
  /** What the source says about itself (outlet, headline, date…). */
  metadata?: SourceMetadata;
}
export interface SourceSpeaker extends EntitySummary {
  aliases: string[];
  quotes: SourceQuotation[];
}
export interface SpeakersResult {
  /** Identifies the project (its root), so a client can tell a list of another project. */
  project: string;
  build: number;
  speakers: SourceSpeaker[];
}

/** `verbatim/sourceText`: the text Verbatim checked for a source file (for PDF, Word, HTML: the extracted text). */
export const SOURCE_TEXT = "verbatim/sourceText";
export interface SourceTextParams {
  uri: string;
}

/** `verbatim/check`: checks a draft now (open or on disk), publishes its diagnostics and resolves when done. */
export const CHECK = "verbatim/check";
export interface CheckParams {
  uri: string;
  /** A file on disk that is not open: its diagnostics stay after it is closed (a workspace check). */
  fromDisk?: boolean;
}
export interface CheckResultSummary {
  uri: string;
  /** False when the document is not a draft (not a configured language, or one of the sources). */
  draft: boolean;
  version: number;
  quotes: number;
  problems: number;
  build: number;
  partial?: Readiness;
}

/** `verbatim/checked` (server → client): a draft was checked; for the status bar and the views. */
export const CHECKED = "verbatim/checked";

/** `verbatim/indexState`: the index of the project a URI belongs to. */
export const INDEX_STATE = "verbatim/indexState";
export interface IndexStateParams {
  uri: string;
  /** Resolve only when the project's current build has finished. */
  wait?: boolean;
}
export interface IndexStateResult {
  project?: string;
  building: boolean;
  percent: number;
  progress: number[];
  stats?: BuildStats & { pid: number };
}

/** `verbatim/indexProgress` (server → client): a project's index is being built (for the status bar). */
export const INDEX_PROGRESS = "verbatim/indexProgress";
export interface IndexProgressParams {
  project: string;
  building: boolean;
  percent: number;
  /** The figures of the build that just finished. */
  stats?: BuildStats & { pid: number };
}

/** `verbatim/settings` (server → client): the settings in force for a workspace folder, merged. */
export const SETTINGS = "verbatim/settings";
export interface EffectiveSettings {
  folder: string;
  /** Source entries as globs relative to the folder (`sources/**`), or absolute. */
  sources: string[];
  languages: string[];
  severity: Record<"misattributed" | "misquoted" | "unsourced" | "speaker-unclear", "error" | "warning" | "information" | "hint" | "off">;
  misquoteSimilarity?: number;
  misquoteCoverage?: number;
  debounceMs: number;
  ignoreMarker?: string;
  aliasFile?: string;
  ignoredQuotes: string[];
  insertCitation: boolean;
  /** How "Add citation" credits a source. */
  citationStyle: CitationStyle;
  /** The project file's problem, when it is invalid (the same text the CLI prints). */
  configError?: string;
}

/** `verbatim/restart`: forgets every index in memory (the saved ones are reused). */
export const RESTART = "verbatim/restart";
/** `verbatim/setDelay`: testing: wait this long before reading each source file. */
export const SET_DELAY = "verbatim/setDelay";

/** Commands the server executes (`workspace/executeCommand`). */
export const REBUILD_COMMAND = "verbatim.server.rebuildIndex";
/**
 * The review sheet of a draft (every quote with verdict, speakers, source and its metadata,
 * similarity, changed words): arguments `[{uri, format}]` (format `markdown` or `csv`); the draft
 * is checked first; answers `{text}`, or null when the URI is not a draft.
 */
export const EXPORT_REVIEW_COMMAND = "verbatim.server.exportReview";
export interface ExportReviewArgs {
  uri: string;
  format: "markdown" | "csv";
}

/** What the client may say in `initializationOptions`. */
export interface InitializationOptions {
  /** The client shows `verbatim-extracted:` documents (the VS Code extension does). */
  extractedText?: boolean;
  /** Where to keep saved indexes (default: the user's cache folder). */
  storagePath?: string;
  /** Settings for clients that do not answer `workspace/configuration`. */
  settings?: Record<string, unknown>;
}

export const EXTRACTED_SCHEME = "verbatim-extracted";

/** `verbatim/fixes`: the quick fixes of one quote of an open draft (for the Quotes view's commands), edits as offsets. */
export const FIXES = "verbatim/fixes";
export interface FixesParams {
  uri: string;
  /** The quote's start offset and words, as the client last saw them. */
  start: number;
  text: string;
}

/**
 * `verbatim/archivePassword` (server → client): the password of the newsroom archive
 * `user@host:port/db`, if the client keeps one (VS Code: in its secret storage). A client that
 * does not answer leaves it to PGPASSWORD / ~/.pgpass of the server's environment.
 */
export const ARCHIVE_PASSWORD = "verbatim/archivePassword";
export interface ArchivePasswordParams {
  display: string;
}

/** `verbatim/archivePasswordChanged` (client → server): connect to this archive again, asking for its password. */
export const ARCHIVE_PASSWORD_CHANGED = "verbatim/archivePasswordChanged";
