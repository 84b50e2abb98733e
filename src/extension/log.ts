/** The "Verbatim" output channel: what the extension did and every error it caught. */
import * as vscode from "vscode";

export class Log implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel("Verbatim", { log: true });

  info(message: string): void {
    this.channel.appendLine(`[${time()}] ${message}`);
    if (MIRROR) console.log(`[log] ${message}`);
  }

  error(context: string, err: unknown): void {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    this.channel.appendLine(`[${time()}] ERROR ${context}: ${detail}`);
    if (MIRROR) console.log(`[log] ERROR ${context}: ${detail}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** VERBATIM_DEBUG_LOG=1 copies the log to the console, where the integration runner prints it. */
const MIRROR = !!process.env.VERBATIM_DEBUG_LOG;

const time = () => new Date().toISOString().slice(11, 23);
