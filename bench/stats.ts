/** Latency samples in milliseconds and what the report prints of them. */
export class Samples {
  readonly #values: number[] = [];

  add(ms: number): void {
    this.#values.push(ms);
  }

  get count(): number {
    return this.#values.length;
  }

  /** Nearest-rank percentile (p in 0..100); NaN when empty. */
  percentile(p: number): number {
    if (this.#values.length === 0) return Number.NaN;
    const sorted = [...this.#values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1]!;
  }
}

/** `12.3 / 45.6` — p50 / p99 in ms with one decimal. */
export function p50p99(s: Samples): string {
  return `${s.percentile(50).toFixed(1)} / ${s.percentile(99).toFixed(1)}`;
}

/** Runs `n` jobs on `concurrency` workers; each worker takes the next index until none remain. */
export async function runPool(n: number, concurrency: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}
