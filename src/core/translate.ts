/**
 * The shape of `vscode.l10n.t`, so modules that build user-visible text without importing
 * vscode (and are unit-tested in plain Node) can be handed the real one. `english` fills the
 * `{0}` placeholders of the message itself, as `l10n.t` does when no translation is loaded.
 */
export type Translate = (message: string, ...args: Array<string | number>) => string;

export const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
