/**
 * Timing for the benchmarks: contenders run in turn, round after round, so that a busy moment of the machine falls on
 * all of them alike; each one's time is the median of its rounds, each ratio the median of the rounds' ratios.
 */
import { performance } from "node:perf_hooks";

export interface Timing {
  /** Median milliseconds per run, by contender. */
  ms: Record<string, number>;
  /** Median over rounds of (this contender's time / the baseline's time). */
  ratio: Record<string, number>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs every contender once to warm it up, then `rounds` rounds of each in turn. A contender returns a number
 * computed from its result, checked to be finite so that no work can be optimised away.
 */
export function sideBySide(contenders: Record<string, () => number>, rounds: number, baseline: string): Timing {
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const runOnce = (name: string): number => {
    const start = performance.now();
    const check = contenders[name]!();
    const elapsed = performance.now() - start;
    if (!Number.isFinite(check)) throw new Error(`${name} produced a non-finite result`);
    return elapsed;
  };
  names.forEach(runOnce);
  for (let r = 0; r < rounds; r++) names.forEach((name) => times[name]!.push(runOnce(name)));
  const base = times[baseline]!;
  return {
    ms: Object.fromEntries(names.map((name) => [name, median(times[name]!)])),
    ratio: Object.fromEntries(names.map((name) => [name, median(times[name]!.map((t, r) => t / base[r]!))])),
  };
}
