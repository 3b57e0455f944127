/**
 * Gathers results and writes them `every` at a time, one write after another, so a batch
 * costs a few round trips instead of one per item, and what was sent is recorded soon after
 * (a runner that dies re-sends only what it had not recorded yet, within its lease).
 */
export function batchRecorder<T>(every: number, write: (results: T[]) => Promise<void>) {
  let pending: T[] = [];
  let chain: Promise<void> = Promise.resolve();
  const flush = () => {
    if (pending.length === 0) return chain;
    const taken = pending;
    pending = [];
    chain = chain.then(() => write(taken));
    return chain;
  };
  return {
    add(result: T): void {
      pending.push(result);
      if (pending.length >= every) void flush().catch(() => {});
    },
    /** Writes what is left and waits for every write; rejects if any failed. */
    async done(): Promise<void> {
      await flush();
    },
  };
}
