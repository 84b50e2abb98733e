/**
 * The archive in the language server (`verbatim lsp --stdio`), driven over LSP as an editor
 * drives it: the archive named by the `verbatim.archive` setting, the password asked of the
 * client (`verbatim/archivePassword`, which VS Code answers from its secret storage), a wrong
 * password reported once with the local sources still checked, a password in the setting
 * refused. Against a real PostgreSQL whose checker role must give a password.
 */
import { strict as assert } from "node:assert";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import * as P from "../../../src/server/protocol";
import { ROOT } from "./archiveHelpers";
import { ownCluster, type PgCluster } from "./pgCluster";

const CLI = path.join(ROOT, "dist", "cli.js");
const PASSWORD = "quill-7-harbour";

interface Session {
  child: ChildProcess;
  connection: MessageConnection;
  asked: string[];
  shown: string[];
  opened: Set<string>;
  log: string[];
}

async function startServer(workspace: string, settings: Record<string, unknown>, password: string | undefined, cache: string): Promise<Session> {
  const child = spawn(process.execPath, [CLI, "lsp", "--stdio"], { cwd: workspace, env: { ...process.env, PGPASSWORD: "", VERBATIM_CACHE_DIR: cache, XDG_CACHE_HOME: cache }, stdio: ["pipe", "pipe", "ignore"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const session: Session = { child, connection, asked: [], shown: [], opened: new Set(), log: [] };
  connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => settings));
  connection.onRequest(P.ARCHIVE_PASSWORD, (params: P.ArchivePasswordParams) => {
    session.asked.push(params.display);
    return password ?? null;
  });
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onRequest("client/registerCapability", () => null);
  // What the server shows the user (a warning is a showMessageRequest, a plain message a notification).
  connection.onNotification("window/showMessage", (params: { message: string }) => {
    session.shown.push(params.message);
  });
  connection.onRequest("window/showMessageRequest", (params: { message: string }) => {
    session.shown.push(params.message);
    return null;
  });
  connection.onNotification("window/logMessage", (params: { message: string }) => {
    session.log.push(params.message);
  });
  connection.onNotification(() => {});
  connection.listen();
  const folder = pathToFileURL(workspace).toString();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: "news" }], capabilities: { workspace: { configuration: true } }, initializationOptions: {} });
  await connection.sendNotification("initialized", {});
  return session;
}

async function stop(s: Session): Promise<void> {
  await s.connection.sendRequest("shutdown").catch(() => {});
  await s.connection.sendNotification("exit").catch(() => {});
  s.connection.dispose();
  s.child.kill();
}

/** Opens the draft and returns its checks (verdict, source path) once the server has checked it. */
async function checksOf(s: Session, file: string): Promise<{ text: string; verdict: string; source: string | null }[]> {
  const uri = pathToFileURL(file).toString();
  // The whole index first (a check during the first build is partial), then the draft.
  await s.connection.sendRequest(P.INDEX_STATE, { uri, wait: true } satisfies P.IndexStateParams);
  if (!s.opened.has(uri)) {
    s.opened.add(uri);
    await s.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text: fs.readFileSync(file, "utf8") } });
  }
  // A check that a newer one overtook answers null: ask until one answers.
  for (let i = 0; i < 10 && !(await s.connection.sendRequest(P.CHECK, { uri } satisfies P.CheckParams)); i++);
  const r = await s.connection.sendRequest<P.QuotesResult | null>(P.QUOTES, { uri } satisfies P.QuotesParams);
  return (r?.checks ?? []).map((c) => ({ text: c.text, verdict: c.verdict, source: c.source?.document.path ?? null }));
}

describe("archive: the language server checks against the archive, with the password from the editor", function () {
  this.timeout(180000);
  let cluster: PgCluster;
  let dir: string;
  let cache: string;
  let url: string;

  before(async () => {
    cluster = await ownCluster({ passwordRoles: ["reporter"] });
    const admin = cluster.url();
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
    assert.equal(run(["archive", "init", "--db", admin]).status, 0);
    assert.equal(run(["archive", "add", "sample/sources", "--db", admin, "--quiet"]).status, 0);
    cluster.psql(`CREATE ROLE reporter LOGIN PASSWORD '${PASSWORD}'; GRANT verbatim_reader TO reporter`);
    url = cluster.url("postgres", "reporter");
    // The reporter's own folder lacks the mayor's briefing: that quote is only in the archive.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-lsp-archive-"));
    cache = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-lsp-cache-"));
    fs.cpSync(path.join(ROOT, "sample"), path.join(dir, "news"), { recursive: true });
    fs.rmSync(path.join(dir, "news", "sources", "mayor-briefing.txt"));
  });
  after(() => {
    cluster?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (cache) fs.rmSync(cache, { recursive: true, force: true });
  });

  const mayor = (checks: { text: string; verdict: string; source: string | null }[]) => checks.find((c) => c.text.startsWith("I am asking both sides"))!;

  it("asks the client for the password once, and shows archive passages beside the local ones", async () => {
    const s = await startServer(path.join(dir, "news"), { archive: url }, PASSWORD, cache);
    try {
      const draft = path.join(dir, "news", "drafts", "harbour-strike.md");
      let checks = await checksOf(s, draft);
      assert.deepEqual(mayor(checks), { text: mayor(checks).text, verdict: "verified", source: "archive:sample/sources/mayor-briefing.txt" }, `asked ${JSON.stringify(s.asked)}\n` + s.log.join("\n"));
      // Everything else comes from the local folder, as before.
      // The mayor's briefing's two quotes come from the archive; every other source is local.
      assert.deepEqual(
        checks.filter((c) => c.source?.startsWith("archive:")).map((c) => [c.text.slice(0, 24), c.verdict, c.source]),
        [
          ["I am asking both sides t", "verified", "archive:sample/sources/mayor-briefing.txt"],
          ["Every day the cranes sta", "misattributed", "archive:sample/sources/mayor-briefing.txt"],
        ],
      );
      checks = await checksOf(s, draft);
      assert.equal(mayor(checks).verdict, "verified");
      assert.deepEqual(s.asked, [`reporter@127.0.0.1:${cluster.port}/postgres`]);
      assert.deepEqual(s.shown, []);
    } finally {
      await stop(s);
    }
  });

  it("a wrong password: one message, the local sources still checked; a new password is asked for after verbatim/archivePasswordChanged", async () => {
    let password = "not-the-password";
    const s = await startServer(path.join(dir, "news"), { archive: url }, undefined, cache);
    s.connection.onRequest(P.ARCHIVE_PASSWORD, (params: P.ArchivePasswordParams) => {
      s.asked.push(params.display);
      return password;
    });
    try {
      const draft = path.join(dir, "news", "drafts", "harbour-strike.md");
      let checks = await checksOf(s, draft);
      assert.equal(mayor(checks).verdict, "unsourced");
      assert.equal(checks.filter((c) => c.verdict === "misattributed").length, 2);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(s.shown.length, 1, s.shown.join("\n"));
      assert.match(s.shown[0], /^Verbatim: archive unavailable \(reporter@127\.0\.0\.1:\d+\/postgres: authentication failed .*\); checking against local sources only$/);
      // The user sets the right password ("Verbatim: Set Archive Password").
      password = PASSWORD;
      await s.connection.sendNotification(P.ARCHIVE_PASSWORD_CHANGED, { display: `reporter@127.0.0.1:${cluster.port}/postgres` } satisfies P.ArchivePasswordParams);
      await new Promise((r) => setTimeout(r, 500));
      checks = await checksOf(s, draft);
      assert.equal(mayor(checks).verdict, "verified");
      assert.equal(s.asked.length, 2);
    } finally {
      await stop(s);
    }
  });

  it("refuses a password in the setting, says so once, and checks the local sources", async () => {
    const withPassword = url.replace("reporter@", `reporter:${PASSWORD}@`);
    const s = await startServer(path.join(dir, "news"), { archive: withPassword }, PASSWORD, cache);
    try {
      const checks = await checksOf(s, path.join(dir, "news", "drafts", "harbour-strike.md"));
      assert.equal(mayor(checks).verdict, "unsourced");
      await checksOf(s, path.join(dir, "news", "drafts", "harbour-strike.md"));
      assert.deepEqual(s.asked, []);
      assert.equal(s.shown.length, 1);
      assert.ok(!s.shown[0].includes(PASSWORD));
      assert.match(s.shown[0], /^Verbatim: archive: the connection string in settings contains a password; remove it \(postgres:\/\/reporter:\*\*\*@127\.0\.0\.1:\d+\/postgres\) and give the password through PGPASSWORD or ~\/\.pgpass, or the command "Verbatim: Set Archive Password"$/);
    } finally {
      await stop(s);
    }
  });
});
