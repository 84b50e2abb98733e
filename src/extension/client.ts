/**
 * The language client: starts the Verbatim language server (`dist/cli.js lsp --stdio`, the very
 * server any other editor runs) and keeps what the server tells the editor — the settings in
 * force per folder, each draft's last check, each project's index progress — for the views,
 * the status bar and the extension's API. Settings are sent as the user set them (not VS Code's
 * defaults), so the server can merge them over `.verbatim.json` the way the CLI reads it.
 */
import * as vscode from "vscode";
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from "vscode-languageclient/node";
import * as P from "../server/protocol";

/** Settings a workspace may not choose while untrusted (see package.json `restrictedConfigurations`). */
const RESTRICTED = new Set(["sources", "aliasFile", "archive"]);
const KEYS = ["sources", "languages", "severity.misattributed", "severity.misquoted", "severity.unsourced", "similarity.misquote", "debounceMs", "ignoreMarker", "aliasFile", "insertCitation", "archive", "citationStyle"];

/** The `verbatim.*` values the user set explicitly (any level), nested as the server reads them. */
export function explicitSettings(scope: vscode.Uri | undefined): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration("verbatim", scope);
  const trusted = vscode.workspace.isTrusted;
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const i = c.inspect(key);
    if (!i) continue;
    const leaf = !trusted && RESTRICTED.has(key.split(".")[0]) ? i.globalValue : (i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue);
    if (leaf === undefined) continue;
    const [head, tail] = key.split(".");
    if (tail) out[head] = { ...(out[head] as object | undefined), [tail]: leaf };
    else out[head] = leaf;
  }
  return out;
}

export class VerbatimClient implements vscode.Disposable {
  readonly client: LanguageClient;
  private readonly settings = new Map<string, P.EffectiveSettings>();
  private readonly checked = new Map<string, P.CheckResultSummary>();
  private readonly progress = new Map<string, { building: boolean; percent: number; progress: number[]; stats?: P.IndexProgressParams["stats"] }>();
  private readonly onChecked = new vscode.EventEmitter<P.CheckResultSummary>();
  private readonly onSettings = new vscode.EventEmitter<P.EffectiveSettings>();
  private readonly onIndex = new vscode.EventEmitter<P.IndexProgressParams>();
  readonly onDidCheck = this.onChecked.event;
  readonly onDidChangeSettings = this.onSettings.event;
  readonly onDidChangeIndex = this.onIndex.event;
  serverPid?: number;

  constructor(context: vscode.ExtensionContext, output: vscode.LogOutputChannel) {
    const module = vscode.Uri.joinPath(context.extensionUri, "dist", "cli.js").fsPath;
    const server: ServerOptions = {
      run: { module, args: ["lsp"], transport: TransportKind.stdio },
      debug: { module, args: ["lsp"], transport: TransportKind.stdio },
    };
    const options: LanguageClientOptions = {
      // Every document: which ones are drafts is a setting the server applies.
      documentSelector: [{ scheme: "file" }, { scheme: "untitled" }],
      outputChannel: output,
      initializationOptions: { extractedText: true, storagePath: (context.storageUri ?? context.globalStorageUri).fsPath } satisfies P.InitializationOptions,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*") },
      markdown: { isTrusted: false, supportHtml: false },
      middleware: {
        workspace: {
          configuration: (params, token, next) => {
            if (params.items.every((i) => i.section === "verbatim")) return params.items.map((i) => explicitSettings(i.scopeUri ? vscode.Uri.parse(i.scopeUri) : undefined));
            return next(params, token);
          },
        },
        // Source text is untrusted: hovers are escaped Markdown, no HTML; only Verbatim's own command may run from them.
        provideHover: async (document, position, token, next) => {
          const hover = await next(document, position, token);
          for (const c of hover?.contents ?? []) {
            if (c instanceof vscode.MarkdownString) {
              c.isTrusted = { enabledCommands: ["verbatim.openSource"] };
              c.supportHtml = false;
            }
          }
          return hover;
        },
      },
    };
    this.client = new LanguageClient("verbatim", "Verbatim", server, options);
    this.client.onNotification(P.SETTINGS, (s: P.EffectiveSettings) => {
      this.settings.set(vscode.Uri.file(s.folder).toString(), s);
      this.onSettings.fire(s);
    });
    this.client.onNotification(P.CHECKED, (c: P.CheckResultSummary) => {
      this.checked.set(c.uri, c);
      this.onChecked.fire(c);
    });
    this.client.onNotification(P.INDEX_PROGRESS, (p: P.IndexProgressParams) => {
      const old = this.progress.get(p.project);
      const restarted = !old?.building && p.building;
      const state = { building: p.building, percent: p.percent, progress: restarted ? [p.percent] : [...(old?.progress ?? []), p.percent], stats: p.stats ?? old?.stats };
      if (p.stats) this.serverPid = p.stats.pid;
      this.progress.set(p.project, state);
      this.onIndex.fire(p);
    });
  }

  start(): Promise<void> {
    return this.client.start();
  }

  /** The settings in force for a folder, as the server last said (undefined until it has). */
  settingsOf(folder: vscode.Uri): P.EffectiveSettings | undefined {
    return this.settings.get(folder.toString());
  }

  lastCheck(uri: vscode.Uri): P.CheckResultSummary | undefined {
    return this.checked.get(uri.toString());
  }

  forgetCheck(uri: vscode.Uri): void {
    this.checked.delete(uri.toString());
  }

  /** The index of the project (by root path) as last reported. */
  indexOf(project: string) {
    return this.progress.get(project);
  }

  /** Any project whose index is being built, with its progress. */
  buildingNow() {
    return [...this.progress.values()].find((p) => p.building);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.client.sendRequest<R>(method, params);
  }

  dispose(): void {
    void this.client.stop();
    this.onChecked.dispose();
    this.onSettings.dispose();
    this.onIndex.dispose();
  }
}
