/**
 * The draft the views show: the active editor's document when it is a draft, else the last
 * draft that was active — so opening a source beside the draft does not empty the views.
 */
import * as vscode from "vscode";
import { isDraft } from "./drafts";

export class ActiveDraft implements vscode.Disposable {
  private current?: vscode.Uri;
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((e) => this.update(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === this.current?.toString()) this.set(undefined);
      }),
    ];
    this.update(vscode.window.activeTextEditor);
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  private update(editor: vscode.TextEditor | undefined): void {
    if (editor && isDraft(editor.document)) this.set(editor.document.uri);
  }

  private set(uri: vscode.Uri | undefined): void {
    if (uri?.toString() === this.current?.toString()) return;
    this.current = uri;
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
