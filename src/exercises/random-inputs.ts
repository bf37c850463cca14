import type { RandomState } from "../random";
import type { Rows } from "./matrix-arrays";

/** `count` results of `draw`, in order (so the seeded stream is consumed the same way every run). */
export function repeat<T>(count: number, draw: () => T): T[] {
  return Array.from({ length: count }, draw);
}

/** A whole number with low ≤ n ≤ high. */
export function whole(rng: RandomState, low: number, high: number): number {
  return low + Math.floor(rng.random() * (high - low + 1));
}

export function normals(rng: RandomState, count: number, scale = 1): number[] {
  return repeat(count, () => rng.normal(0, scale));
}

export function normalRows(rng: RandomState, rows: number, columns: number, scale = 1): Rows {
  return repeat(rows, () => normals(rng, columns, scale));
}

/** Values strictly between 0 and 1, like a sigmoid's outputs. */
export function unitRows(rng: RandomState, rows: number, columns: number): Rows {
  return repeat(rows, () => repeat(columns, () => rng.uniform(0.001, 0.999)));
}

/** A label, 0 or 1 with equal chance. */
export function label(rng: RandomState): number {
  return rng.random() < 0.5 ? 0 : 1;
}

/** Labels, each 0 or 1. */
export function labels(rng: RandomState, count: number): number[] {
  return repeat(count, () => label(rng));
}
