/**
 * The Speakers view: everyone the sources of the active draft's folder quote — canonical name,
 * role, organisation, other names — with their quotations as children. A quotation opens the
 * source at its passage; "Insert Quote" puts it into the draft (insertQuote.ts).
 */
import * as vscode from "vscode";
import type { PlainSourceQuotation as SourceQuotation, PlainSourceSpeaker as SourceSpeaker } from "../indexWorker/protocol";
import type { ActiveDraft } from "./activeDraft";
import { folderOf } from "./drafts";
import { t } from "./l10n";
import type { Log } from "./log";
import { shorten } from "./quotesView";
import type { CheckResults } from "./results";
import type { FolderIndex, SourceIndex } from "./sourceIndex";
import { placeLabel } from "./sourcePlace";

export type SpeakerNode = { type: "speaker"; speaker: SourceSpeaker; index: FolderIndex } | { type: "sourceQuote"; speaker: SourceSpeaker; quote: SourceQuotation; index: FolderIndex };

export class SpeakersTreeProvider implements vscode.TreeDataProvider<SpeakerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SpeakerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The folder and build last listed, and the list (kept, so nodes keep their identity). */
  private shown?: { key: string; build: number; speakers: SourceSpeaker[] };
  /** The root nodes last listed, so a node keeps its identity (TreeView.reveal needs that). */
  private roots = new WeakMap<SourceSpeaker, SpeakerNode>();

  constructor(
    private readonly index: SourceIndex,
    results: CheckResults,
    private readonly draft: ActiveDraft,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      // A re-check with a rebuilt index (sources changed) or another folder's draft: list again.
      results.onDidChange((uri) => {
        const r = results.latest(uri);
        if (r && uri.toString() === draft.uri?.toString() && (r.index.key !== this.shown?.key || r.build !== this.shown.build)) this.changed.fire(undefined);
      }),
      index.onDidBuild((stats) => {
        if (stats.folder === this.shown?.key) this.refresh();
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
    if (node?.type === "speaker") return node.speaker.quotes.map((quote) => ({ type: "sourceQuote", speaker: node.speaker, quote, index: node.index }));
    const folder = this.draft.uri ? folderOf(this.draft.uri) : vscode.workspace.workspaceFolders?.[0];
    if (!folder) return [];
    try {
      const index = await this.index.get(folder);
      if (!index) {
        this.shown = undefined;
        return [];
      }
      // A partial list (build 0, while the first build runs) is asked for again.
      if (this.shown?.key !== index.key || this.shown.build === 0) this.shown = { key: index.key, ...(await this.index.speakers(index)) };
      const { speakers } = this.shown;
      return speakers.map((speaker) => {
        let n = this.roots.get(speaker);
        if (!n) this.roots.set(speaker, (n = { type: "speaker", speaker, index }));
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
    const { quote, index } = node;
    const item = new vscode.TreeItem(`“${shorten(quote.text, 70)}”`, vscode.TreeItemCollapsibleState.None);
    const uri = index.sources.get(quote.path);
    const place = placeLabel(quote.place);
    item.description = place ? `${quote.path}, ${place}` : quote.path;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendText(`“${quote.text}”\n\n${item.description}`);
    item.tooltip = tooltip;
    if (uri) item.command = { command: "verbatim.openSource", title: t("Open Source"), arguments: [{ uri: uri.toString(), start: quote.start, end: quote.end, exact: quote.place?.exact ?? true }] };
    item.contextValue = "sourceQuote";
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
