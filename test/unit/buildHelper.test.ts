import { strict as assert } from "node:assert";
import { type BuildAnswer, type BuildHelper, type BuildTask, COMMON_NGRAM_CAP, int32s, NgramIndex, runBuildTask } from "../../src/core/corpus/ngramIndex";
import { ThreadBuildHelper } from "../../src/node/buildHelper";

/** Word ids with common 3-grams (over the cap), crowded buckets, empty and tiny ranges, in shared memory or not. */
function corpus(shared: boolean): { ids: Int32Array; ranges: Int32Array } {
  let seed = 11;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const ids = int32s(90000, shared);
  for (let i = 0; i < ids.length; i++) ids[i] = i % 3 === 0 && next() % 4 === 0 ? (i / 3) % 3 : next() % 1200;
  for (let i = 50000; i < 50000 + 3 * (COMMON_NGRAM_CAP + 50); i += 3) ids.set([1, 2, 3], i);
  return { ids, ranges: Int32Array.from([0, 20000, 20010, 20010, 20011, 20013, 20013, 41000, 41005, 66000, 66000, 90000]) };
}

const plain = (index: NgramIndex) => Object.fromEntries(Object.entries(index.arrays).map(([k, v]) => [k, typeof v === "number" ? v : Array.from(v as Uint32Array)]));

/** A helper on this thread: as another thread sees the task (a copy of what is not shared), done now or only when waited for. */
function localHelper(when: "now" | "waited", done: BuildTask["kind"][]): BuildHelper {
  return {
    minTrigrams: 0,
    begin(task: BuildTask): () => BuildAnswer {
      const copy = structuredClone(task);
      if (when === "now") {
        done.push(task.kind);
        const answer = runBuildTask(copy);
        return () => answer;
      }
      return () => (done.push(task.kind), runBuildTask(copy));
    },
  };
}

describe("an index built with a helper thread", () => {
  const alone = plain(NgramIndex.build(corpus(false).ids, corpus(false).ranges, 1200));

  it("gives the very arrays one thread builds, whether the helper does its tasks at once or only when waited for", () => {
    for (const when of ["now", "waited"] as const) {
      const done: BuildTask["kind"][] = [];
      const { ids, ranges } = corpus(true);
      assert.ok(ids.buffer instanceof SharedArrayBuffer);
      const index = NgramIndex.build(ids, ranges, 1200, localHelper(when, done));
      assert.deepEqual(done, ["count", "scatter", "group", "postings"], when);
      assert.ok(index.arrays.positions.buffer instanceof SharedArrayBuffer);
      assert.deepEqual(plain(index), alone, when);
    }
  });

  it("is not used for word ids outside shared memory, nor for a small build", () => {
    const done: BuildTask["kind"][] = [];
    const { ids, ranges } = corpus(false);
    assert.deepEqual(plain(NgramIndex.build(ids, ranges, 1200, localHelper("now", done))), alone);
    const shared = corpus(true);
    assert.deepEqual(plain(NgramIndex.build(shared.ids, shared.ranges, 1200, { ...localHelper("now", done), minTrigrams: 1 << 20 })), alone);
    assert.deepEqual(done, []);
  });

  it("in a worker thread gives the same arrays, each task done by the thread or, not started there yet, here", async () => {
    const helper = ThreadBuildHelper.start();
    assert.ok(helper, "the worker script is built beside the helper");
    try {
      const { ids, ranges } = corpus(true);
      for (let round = 0; round < 3; round++) {
        const index = NgramIndex.build(ids, ranges, 1200, Object.assign(Object.create(helper), { minTrigrams: 0 }));
        assert.deepEqual(plain(index), alone);
        // Let the thread start up and take the next round's tasks.
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(helper.tasks.thread + helper.tasks.here, 12);
    } finally {
      helper.close();
    }
  });
});
