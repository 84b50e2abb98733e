/**
 * The child process of the kill-loop test: saves a project's index through the store on disk as
 * a host does (seal, write the index and the source records, each written beside its
 * file and renamed over it), over and over — alternating between two saves the test prepared —
 * until it is killed. Prints `saving` once it is saving at full speed.
 *
 *   node saveLoop.js STORE_FOLDER SAVE_A.json SAVE_B.json   (each: {index: base64, sources})
 */
import * as fs from "node:fs";
import type { SaveParts } from "../../src/core/service";
import { FileStore } from "../../src/node/store";

const [dir, ...saves] = process.argv.slice(2);
const versions: SaveParts[] = saves.map((f) => {
  const s = JSON.parse(fs.readFileSync(f, "utf8"));
  return { ...s, index: { head: Buffer.from(s.index.head, "base64"), pages: s.index.pages.map((p: string) => Buffer.from(p, "base64")) } };
});
const store = new FileStore(dir, { info: () => {}, warn: (m) => process.stderr.write(m + "\n"), error: () => {} });
// Two saves first, so that the kill finds the loop at its working speed (not compiling).
store.save(versions[0]);
store.save(versions[1]);
process.stdout.write("saving\n");
for (let k = 0; ; k++) store.save(versions[k % 2]);
