/** A status bar item while sources are being indexed: `Verbatim: indexing 40%`; hidden otherwise. */
import * as vscode from "vscode";
import type { VerbatimClient } from "./client";
import { t } from "./l10n";

export class IndexStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("verbatim.indexing", vscode.StatusBarAlignment.Left, 49);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: VerbatimClient) {
    this.item.name = t("Verbatim indexing");
    this.item.command = "verbatim.showLog";
    this.subscription = client.onDidChangeIndex(() => this.update());
  }

  /** The text shown now (empty when hidden), for tests. */
  get text(): string {
    return this.client.buildingNow() ? this.item.text : "";
  }

  private update(): void {
    const state = this.client.buildingNow();
    if (!state) {
      this.item.hide();
      return;
    }
    this.item.text = `$(sync~spin) ${t("Verbatim: indexing {0}%", state.percent)}`;
    this.item.tooltip = t("Verbatim is reading and indexing the source documents in the background. Drafts are checked against what is ready meanwhile.");
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
