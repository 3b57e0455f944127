import { describe, expect, it } from "vitest";
import { batchRecorder } from "@/lib/jobs/batch-recorder";
import { forEachBounded } from "@/lib/jobs/bounded-pool";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("forEachBounded", () => {
  it("runs every item, never more than the bound at once", async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await forEachBounded([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      done.push(item);
      inFlight -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it("does nothing for no items", async () => {
    let calls = 0;
    await forEachBounded([], 8, async () => void (calls += 1));
    expect(calls).toBe(0);
  });
});

describe("batchRecorder", () => {
  it("writes every result once, a batch at a time, one write after another", async () => {
    const writes: number[][] = [];
    let writing = false;
    const recorder = batchRecorder<number>(3, async (batch) => {
      expect(writing).toBe(false);
      writing = true;
      await tick();
      writes.push(batch);
      writing = false;
    });
    for (let i = 1; i <= 7; i++) recorder.add(i);
    await recorder.done();
    expect(writes).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it("reports a failed write when done", async () => {
    const recorder = batchRecorder<number>(2, async () => {
      throw new Error("database down");
    });
    recorder.add(1);
    recorder.add(2);
    await expect(recorder.done()).rejects.toThrow("database down");
  });
});
