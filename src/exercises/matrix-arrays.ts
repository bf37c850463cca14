/**
 * Matrices as the learner writes them, `number[][]` with one row per sample, and the few operations the checks
 * need for their reference answers and for the answers a typical mistake would give.
 */
export type Rows = number[][];

/** a · b; throws when the shapes do not fit (a mistaken formula may ask for that). */
export function product(a: Rows, b: Rows): Rows {
  const inner = b.length;
  if (a.some((row) => row.length !== inner)) throw new RangeError(`cannot multiply ${a.length}×${a[0]?.length} by ${inner}×${b[0]?.length}`);
  const columns = b[0]?.length ?? 0;
  return a.map((row) =>
    Array.from({ length: columns }, (_, j) => {
      let sum = 0;
      for (let k = 0; k < inner; k++) sum += row[k]! * b[k]![j]!;
      return sum;
    }),
  );
}

/** aᵀ. */
export function transpose(a: Rows): Rows {
  return Array.from({ length: a[0]?.length ?? 0 }, (_, j) => a.map((row) => row[j]!));
}

/** f applied entry by entry. */
export function mapEntries(a: Rows, f: (value: number, i: number, j: number) => number): Rows {
  return a.map((row, i) => row.map((value, j) => f(value, i, j)));
}

/** f(a[i][j], b[i][j]) entry by entry; throws when the shapes differ. */
export function zipEntries(a: Rows, b: Rows, f: (x: number, y: number) => number): Rows {
  if (a.length !== b.length || a.some((row, i) => row.length !== b[i]!.length)) throw new RangeError("shapes differ");
  return a.map((row, i) => row.map((x, j) => f(x, b[i]![j]!)));
}

/** A column matrix, one row per value. */
export function column(values: readonly number[]): Rows {
  return values.map((value) => [value]);
}
