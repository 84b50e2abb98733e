/**
 * The newsroom archive in the language server: for a draft whose project names an archive
 * (`verbatim.archive` in the editor's settings, else `"archive"` in `.verbatim.json`), the
 * archive is looked up before each check and its passages handed to the engine service.
 *
 * The connection string never holds a password (one that does is refused, once, with the
 * configuration message). The password is asked of the client (`verbatim/archivePassword`: VS
 * Code answers from its secret storage); a client that does not answer leaves it to
 * `PGPASSWORD`/`~/.pgpass` of the server's environment. An unreachable archive is one message,
 * and checks go on with the local sources (see `ArchiveStore`).
 */
import type { Logger } from "../core/service";
import type { ForeignPassages } from "../core/foreignSources";
// The PostgreSQL client and the archive's look-up are loaded when a project first uses an
// archive: a server without one does not start them up (~0.1 s of every editor start).
import type { ArchiveStore } from "../archive/store";
import { ArchiveConfigError, checkArchiveUrl, type UrlOrigin } from "../archive/url";

/** Archive documents are named `archive:KEY` in reports (see `ArchiveStore`). */
export const isArchivePath = (p: string) => p.startsWith("archive:");

export interface ArchiveSetting {
  url: string;
  origin: UrlOrigin;
}

export class ServerArchives {
  private readonly stores = new Map<string, Promise<ArchiveStore>>();
  private readonly refused = new Set<string>();

  constructor(
    /** Asks the client for the password of `user@host:port/db` (undefined: none stored, or no such client). */
    private readonly askPassword: (display: string) => Promise<string | undefined>,
    private readonly log: Logger,
    /** Shows a message to the user (each outage, each refusal: once). */
    private readonly show: (message: string) => void,
  ) {}

  /** The archive's passages for a draft's quotations, or undefined when the project has no (usable) archive. */
  async passagesFor(setting: ArchiveSetting | undefined, draft: { path: string; text: string }): Promise<ForeignPassages | undefined> {
    if (!setting) return undefined;
    let store: ArchiveStore;
    try {
      store = await this.storeFor(setting);
    } catch (e) {
      if (!(e instanceof ArchiveConfigError)) throw e;
      if (!this.refused.has(setting.url)) {
        this.refused.add(setting.url);
        this.log.warn(e.message);
        this.show(`Verbatim: ${e.message}`);
      }
      return undefined;
    }
    const { lookUpDrafts } = await import("../archive/check");
    return (await lookUpDrafts(store, [draft])).passagesFor;
  }

  private storeFor(setting: ArchiveSetting): Promise<ArchiveStore> {
    const url = checkArchiveUrl(setting.url, setting.origin);
    let store = this.stores.get(url.url);
    if (!store) {
      store = this.askPassword(url.display)
        .catch(() => undefined)
        .then(async (password) => {
          const { ArchiveStore } = await import("../archive/store");
          return new ArchiveStore(url, {
            password,
            warn: (m) => {
              this.log.warn(m);
              this.show(`Verbatim: ${m}`);
            },
          });
        });
      this.stores.set(url.url, store);
    }
    return store;
  }

  /** A new password for `display`: the next check connects again with it. */
  async passwordChanged(display: string): Promise<void> {
    for (const [key, store] of [...this.stores]) {
      const s = await store;
      if (s.url.display !== display) continue;
      this.stores.delete(key);
      await s.close();
    }
  }

  async dispose(): Promise<void> {
    const all = [...this.stores.values()];
    this.stores.clear();
    for (const s of all) await (await s).close();
  }
}
