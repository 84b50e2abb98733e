/**
 * The Speakers view: everyone the sources of the active draft's project quote — canonical name,
 * role, organisation, other names — with their quotations as children, as the language server
 * lists them (`verbatim/speakers`). A quotation opens the source at its passage; "Insert Quote"
 * puts it into the draft (insertQuote.ts).
 */
import * as vscode from "vscode";
import * as P from "../server/protocol";
import type { ActiveDraft } from "./activeDraft";
import type { VerbatimClient } from "./client";
import { t } from "./l10n";
import type { Log } from "./log";
import { shorten } from "./quotesView";
import { placeLabel } from "./sourcePlace";

export type SourceSpeaker = P.SourceSpeaker;
export type SpeakerNode = { type: "speaker"; speaker: SourceSpeaker } | { type: "sourceQuote"; speaker: SourceSpeaker; quote: P.SourceQuotation };

export class SpeakersTreeProvider implements vscode.TreeDataProvider<SpeakerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SpeakerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The project and build last listed, and the list (kept, so nodes keep their identity). */
  private shown?: { project: string; build: number; speakers: SourceSpeaker[] };
  private roots = new WeakMap<SourceSpeaker, SpeakerNode>();

  constructor(
    private readonly client: VerbatimClient,
    private readonly draft: ActiveDraft,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      // A finished build (sources changed): list again.
      client.onDidChangeIndex((p) => {
        if (p.stats && p.project === this.shown?.project) this.refresh();
      }),
      draft.onDidChange(() => this.changed.fire(undefined)),
    ];
  }

  refresh(): void {
    this.shown = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: SpeakerNode): Promise<SpeakerNode[]> {
    if (node?.type === "sourceQuote") return [];
    if (node?.type === "speaker") return node.speaker.quotes.map((quote) => ({ type: "sourceQuote", speaker: node.speaker, quote }));
    const uri = this.draft.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!uri) return [];
    try {
      // A partial list (build 0, while the first build runs) is asked for again.
      if (!this.shown || this.shown.build === 0) {
        const answer = await this.client.request<P.SpeakersResult | null>(P.SPEAKERS, { uri: uri.toString() } satisfies P.SpeakersParams);
        this.shown = answer ?? undefined;
      }
      return (this.shown?.speakers ?? []).map((speaker) => {
        let n = this.roots.get(speaker);
        if (!n) this.roots.set(speaker, (n = { type: "speaker", speaker }));
        return n;
      });
    } catch (e) {
      this.log.error("listing speakers", e);
      return [];
    }
  }

  getParent(node: SpeakerNode): SpeakerNode | undefined {
    return node.type === "sourceQuote" ? this.roots.get(node.speaker) : undefined;
  }

  getTreeItem(node: SpeakerNode): vscode.TreeItem {
    if (node.type === "speaker") {
      const s = node.speaker;
      const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = [s.role, s.organization].filter(Boolean).join(", ");
      const tooltip = new vscode.MarkdownString(undefined, false);
      tooltip.appendText(s.name + (item.description ? ` — ${item.description}` : ""));
      if (s.aliases.length) tooltip.appendText(`\n\n${t("Also named: {0}", s.aliases.join(", "))}`);
      tooltip.appendText(`\n\n${t("{0} quotation(s) in the sources", s.quotes.length)}`);
      item.tooltip = tooltip;
      item.iconPath = new vscode.ThemeIcon(s.kind === "organization" ? "organization" : s.kind === "person" ? "person" : "account");
      item.contextValue = "speaker";
      return item;
    }
    const { quote } = node;
    const item = new vscode.TreeItem(`“${shorten(quote.text, 70)}”`, vscode.TreeItemCollapsibleState.None);
    const place = placeLabel(quote.place);
    item.description = place ? `${quote.path}, ${place}` : quote.path;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendText(`“${quote.text}”\n\n${item.description}`);
    item.tooltip = tooltip;
    item.command = { command: "verbatim.openSource", title: t("Open Source"), arguments: [{ uri: quote.uri, start: quote.start, end: quote.end, exact: quote.place?.exact ?? true }] };
    item.contextValue = "sourceQuote";
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
