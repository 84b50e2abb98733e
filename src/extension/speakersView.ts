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
import { sourceCredit } from "../core/formats/metadata";
import { shorten, sourceName } from "./quotesView";
import { placeLabel } from "./sourcePlace";

export type SourceSpeaker = P.SourceSpeaker;
export type SpeakerNode =
  | { type: "speaker"; speaker: SourceSpeaker }
  | { type: "sourceQuote"; speaker: SourceSpeaker; quote: P.SourceQuotation }
  /** Shown while the sources are still being read: the list is not complete yet. */
  | { type: "loading" };

/**
 * What the view is showing, as the `verbatim.speakers.state` context key: the welcome text for
 * an empty view depends on it, so "Create .verbatim.json" is never offered while the sources are
 * still being read.
 */
export type SpeakersState = "loading" | "ready" | "empty";

export class SpeakersTreeProvider implements vscode.TreeDataProvider<SpeakerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SpeakerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The project and build last listed, and the list (kept, so nodes keep their identity). */
  private shown?: { project: string; build: number; speakers: SourceSpeaker[] };
  private roots = new WeakMap<SourceSpeaker, SpeakerNode>();
  private readonly loadingNode: SpeakerNode = { type: "loading" };
  private current: SpeakersState = "loading";

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

  /** Loading, ready, or loaded with no one to show. */
  get state(): SpeakersState {
    return this.current;
  }

  private setState(state: SpeakersState): void {
    if (state === this.current) return;
    this.current = state;
    void vscode.commands.executeCommand("setContext", "verbatim.speakers.state", state);
  }

  async getChildren(node?: SpeakerNode): Promise<SpeakerNode[]> {
    if (node?.type === "sourceQuote" || node?.type === "loading") return [];
    if (node?.type === "speaker") return node.speaker.quotes.map((quote) => ({ type: "sourceQuote", speaker: node.speaker, quote }));
    const uri = this.draft.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!uri) {
      this.setState("empty");
      return [];
    }
    try {
      // A partial list (build 0, while the first build runs) is asked for again.
      if (!this.shown || this.shown.build === 0) {
        this.setState("loading");
        const request = this.client.request<P.SpeakersResult | null>(P.SPEAKERS, { uri: uri.toString() } satisfies P.SpeakersParams);
        const answer = await vscode.window.withProgress({ location: { viewId: "verbatim.speakers" } }, () => request);
        this.shown = answer ?? undefined;
      }
      const speakers = (this.shown?.speakers ?? []).map((speaker) => {
        let n = this.roots.get(speaker);
        if (!n) this.roots.set(speaker, (n = { type: "speaker", speaker }));
        return n;
      });
      // Still reading the sources: say so above what is known so far (the list fills when the build ends).
      if (this.shown?.build === 0) {
        this.setState("loading");
        return [this.loadingNode, ...speakers];
      }
      this.setState(speakers.length ? "ready" : "empty");
      return speakers;
    } catch (e) {
      this.log.error("listing speakers", e);
      this.setState("empty");
      return [];
    }
  }

  getParent(node: SpeakerNode): SpeakerNode | undefined {
    return node.type === "sourceQuote" ? this.roots.get(node.speaker) : undefined;
  }

  getTreeItem(node: SpeakerNode): vscode.TreeItem {
    if (node.type === "loading") {
      const item = new vscode.TreeItem(t("Reading the sources…"), vscode.TreeItemCollapsibleState.None);
      item.description = t("the list fills in when they are read");
      item.iconPath = new vscode.ThemeIcon("loading~spin");
      item.contextValue = "loading";
      return item;
    }
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
    const file = place ? `${quote.path}, ${place}` : quote.path;
    const credit = sourceCredit(quote.metadata);
    item.description = quote.metadata?.outlet || quote.metadata?.title ? sourceName(quote) : file;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendText(`“${quote.text}”\n\n${credit ? `${credit}\n\n${file}` : file}`);
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
