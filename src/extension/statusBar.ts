/** The status bar item: quotes checked and problems found in the active draft; opens Problems. */
import * as vscode from "vscode";
import type { VerbatimClient } from "./client";
import { t } from "./l10n";

export class QuoteStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("verbatim.status", vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: VerbatimClient) {
    this.item.name = "Verbatim";
    this.item.command = "workbench.actions.view.problems";
    this.subscriptions = [client.onDidCheck(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && this.client.lastCheck(document.uri);
    if (!result || !result.draft) {
      this.item.hide();
      return;
    }
    const quotes = result.quotes === 1 ? t("1 quote") : t("{0} quotes", result.quotes);
    const partial = result.partial ? ` · $(sync~spin) ${result.partial.ready}/${result.partial.total}` : "";
    this.item.text = `$(quote) ${quotes}${result.problems ? ` · $(warning) ${result.problems}` : " · $(check)"}${partial}`;
    const tooltip = t("Verbatim: {0} quotation(s) checked, {1} with problems. Click to open the Problems panel.", result.quotes, result.problems);
    this.item.tooltip = result.partial ? `${tooltip}\n${t("Index still building: checked against {0} of {1} sources; checked again when it is done.", result.partial.ready, result.partial.total)}` : tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
