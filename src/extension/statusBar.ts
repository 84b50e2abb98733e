/** The status bar item: quotes checked and problems found in the active draft; opens Problems. */
import * as vscode from "vscode";
import { t } from "./l10n";
import type { CheckResults } from "./results";

export class QuoteStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("verbatim.status", vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly results: CheckResults) {
    this.item.name = "Verbatim";
    this.item.command = "workbench.actions.view.problems";
    this.subscriptions = [results.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && this.results.latest(document.uri);
    if (!result) {
      this.item.hide();
      return;
    }
    const checked = result.checks.filter((c) => c.verdict !== "ignored" && c.verdict !== "unchecked").length;
    const problems = result.checks.filter((c) => c.findings.length > 0).length;
    const quotes = checked === 1 ? t("1 quote") : t("{0} quotes", checked);
    const partial = result.partial ? ` · $(sync~spin) ${result.partial.ready}/${result.partial.total}` : "";
    this.item.text = `$(quote) ${quotes}${problems ? ` · $(warning) ${problems}` : " · $(check)"}${partial}`;
    const tooltip = t("Verbatim: {0} quotation(s) checked, {1} with problems. Click to open the Problems panel.", checked, problems);
    this.item.tooltip = result.partial ? `${tooltip}\n${t("Index still building: checked against {0} of {1} sources; checked again when it is done.", result.partial.ready, result.partial.total)}` : tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
