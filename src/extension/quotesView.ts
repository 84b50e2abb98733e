/**
 * The Quotes view: every quotation of the active draft, grouped by verdict, each with its
 * speaker, source file and similarity. Clicking one reveals it in the draft; its context menu
 * opens the source, applies the preferred fix or ignores it (see quoteActions.ts).
 */
import * as vscode from "vscode";
import { apDate, type SourceMetadata } from "../core/formats/metadata";
import type { PlainQuoteCheck as QuoteCheck } from "../core/plain/plainCheck";
import type { Verdict } from "../core/verdict/judge";
import type { ActiveDraft } from "./activeDraft";
import { t } from "./l10n";
import type { DraftQuotes, Quotes } from "./quotes";

export type QuoteNode = { type: "group"; verdict: Verdict; uri: vscode.Uri; checks: QuoteCheck[] } | { type: "quote"; uri: vscode.Uri; check: QuoteCheck; result: DraftQuotes };

const ORDER: Verdict[] = ["misattributed", "misquoted", "unsourced", "speaker-unclear", "verified", "ignored", "unchecked"];
const ICONS: Record<Verdict, [string, string?]> = {
  misattributed: ["error", "problemsErrorIcon.foreground"],
  misquoted: ["warning", "problemsWarningIcon.foreground"],
  unsourced: ["question", "problemsInfoIcon.foreground"],
  "speaker-unclear": ["person", "problemsInfoIcon.foreground"],
  verified: ["pass", "testing.iconPassed"],
  ignored: ["circle-slash"],
  unchecked: ["dash"],
};

export function verdictLabel(v: Verdict): string {
  switch (v) {
    case "misattributed":
      return t("Misattributed");
    case "misquoted":
      return t("Misquoted");
    case "unsourced":
      return t("Unsourced");
    case "speaker-unclear":
      return t("Speaker unclear");
    case "verified":
      return t("Verified");
    case "ignored":
      return t("Ignored");
    case "unchecked":
      return t("Not checked (emphasis)");
  }
}

export class QuotesTreeProvider implements vscode.TreeDataProvider<QuoteNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<QuoteNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly results: Quotes,
    private readonly draft: ActiveDraft,
  ) {
    this.subscriptions = [
      results.onDidChange((uri) => {
        if (uri.toString() === draft.uri?.toString()) this.changed.fire(undefined);
      }),
      draft.onDidChange(() => this.changed.fire(undefined)),
    ];
  }

  getChildren(node?: QuoteNode): QuoteNode[] {
    if (node?.type === "quote") return [];
    const uri = this.draft.uri;
    const result = uri && this.results.latest(uri);
    if (!uri || !result) return [];
    if (node?.type === "group") return node.checks.map((check) => ({ type: "quote", uri, check, result }));
    return ORDER.map((verdict) => ({ type: "group" as const, verdict, uri, checks: result.checks.filter((c) => c.verdict === verdict) })).filter((g) => g.checks.length > 0);
  }

  getParent(): QuoteNode | undefined {
    return undefined; // only groups are revealed
  }

  getTreeItem(node: QuoteNode): vscode.TreeItem {
    if (node.type === "group") {
      const item = new vscode.TreeItem(`${verdictLabel(node.verdict)} (${node.checks.length})`, vscode.TreeItemCollapsibleState.Expanded);
      const [icon, color] = ICONS[node.verdict];
      item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
      item.contextValue = "verdict";
      return item;
    }
    const { check } = node;
    const item = new vscode.TreeItem(`“${shorten(check.text, 60)}”`, vscode.TreeItemCollapsibleState.None);
    item.description = quoteDescription(check);
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendText(`“${check.text}”\n\n${item.description}`);
    item.tooltip = tooltip;
    const piece = check.quote.pieces[0];
    item.command = { command: "verbatim.quotes.reveal", title: t("Show in Draft"), arguments: [node.uri.toString(), piece.start, piece.end] };
    // What the context menu may offer: `quote` always; `source` when there is a passage to open; `fixable` when a finding can be fixed.
    item.contextValue = ["quote", check.source ? "source" : "", check.findings.length ? "fixable" : "", check.verdict !== "ignored" ? "ignorable" : ""].filter(Boolean).join(" ");
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

/** `Jane Doe · Bellmouth Gazette, Oct. 8, 2024 · 100%`: the draft's speaker, the source (its outlet and date, else its file), the similarity. */
export function quoteDescription(check: QuoteCheck): string {
  const speaker = check.speaker?.name ?? t("no speaker");
  if (!check.source) return `${speaker} · ${t("no source")}`;
  return `${speaker} · ${sourceName(check.source.document)} · ${Math.round(check.source.similarity * 100)}%`;
}

/** A source as the views name it: `Outlet, date` when the source says, else its file. */
export function sourceName(doc: { path: string; metadata?: SourceMetadata }): string {
  const m = doc.metadata;
  const credit = [m?.outlet ?? (m?.title && `“${m.title}”`), m?.date && apDate(m.date)].filter(Boolean).join(", ");
  return m?.outlet || m?.title ? credit : doc.path;
}

export function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, " ");
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}
