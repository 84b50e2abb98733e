import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { QuoteChecker } from "../../../src/core/check";
import { checkArchiveUrl } from "../../../src/archive/connection";
import { checkWithArchive } from "../../../src/archive/check";
import { ArchiveStore } from "../../../src/archive/store";
import { ROOT } from "./archiveHelpers";
import { ownCluster, type PgCluster } from "./pgCluster";

const CLI = path.join(ROOT, "dist", "cli.js");

/** Read scaling: ingest writes to the primary, checks read a streaming replica. */
describe("archive: a primary and a streaming replica on loopback", function () {
  this.timeout(180000);
  let primary: PgCluster;
  let replica: PgCluster;
  let dir: string;

  before(async () => {
    primary = await ownCluster({ replication: true });
    replica = await primary.replica();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-replica-"));
  });
  after(() => {
    replica?.destroy();
    primary?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("new documents added on the primary are checked on the replica within seconds; the replica refuses writes", async () => {
    const run = (args: string[], cwd = dir) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
    assert.equal(replica.psql("SELECT pg_is_in_recovery()"), "t");
    assert.equal(run(["archive", "init", "--db", primary.url()]).status, 0);
    fs.mkdirSync(path.join(dir, "wire"));
    fs.writeFileSync(path.join(dir, "wire", "ferry.txt"), 'The ferry service resumed on Monday.\n\n"Every crossing will run on time from now on," said Mara Voss, the operator\'s director.\n');
    const added = run(["archive", "add", "wire", "--db", primary.url(), "--quiet"]);
    assert.equal(added.status, 0, added.stderr);
    const start = performance.now();
    let seen = "0";
    while (performance.now() - start < 10000) {
      seen = replica.psql("SELECT count(*) FROM verbatim.document");
      if (seen === "1") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(seen, "1", "the document reached the replica within 10 s");

    const store = new ArchiveStore(checkArchiveUrl(replica.url(), "settings"));
    try {
      const text = '"Every crossing will run on time from now on," said Mara Voss.\n\n"Every crossing will run on time from now on," said Tobias Renn.';
      const [report] = await checkWithArchive(new QuoteChecker([]), [{ path: "draft.md", text }], store);
      assert.deepEqual(report.checks.map((c) => [c.verdict, c.source?.document.path, c.source?.sourceQuote?.speaker?.name]), [
        ["verified", "archive:wire/ferry.txt", "Mara Voss"],
        ["misattributed", "archive:wire/ferry.txt", "Mara Voss"],
      ]);
    } finally {
      await store.close();
    }
    const refused = run(["archive", "add", "wire", "--db", replica.url(), "--quiet"]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /read-only transaction/);
  });
});
