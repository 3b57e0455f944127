/** Timing helpers for the benchmark: run a thing n times, keep every duration. */
export type Timing = { runs: number; median: number; p95: number; min: number; max: number };

export function summarise(durations: number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { runs: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Runs `work` `warmup` times unmeasured, then `runs` times measured (sequentially). */
export async function measure(runs: number, work: (i: number) => Promise<unknown>, warmup = 10): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(i);
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    durations.push(performance.now() - started);
  }
  return summarise(durations);
}

/** Two workloads measured turn about, so drift (cache, autovacuum) hits both alike. */
export async function measurePair(
  runs: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
  warmup = 10,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) {
    await a(i);
    await b(i);
  }
  const da: number[] = [];
  const db: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [work, into] of (i % 2
      ? [
          [b, db],
          [a, da],
        ]
      : [
          [a, da],
          [b, db],
        ]) as [typeof a, number[]][]) {
      const started = performance.now();
      await work(i);
      into.push(performance.now() - started);
    }
  }
  return [summarise(da), summarise(db)];
}

export function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

/** A plain text table, columns padded, first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
