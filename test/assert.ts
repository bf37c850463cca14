import { expect } from "vitest";

/** Asserts |actual − expected| <= delta: the one helper for comparing floats. */
export function assertInDelta(actual: number, expected: number, delta: number): void {
  expect(Number.isFinite(actual), `expected a finite number, got ${actual}`).toBe(true);
  expect(Math.abs(actual - expected), `|${actual} - ${expected}| <= ${delta}`).toBeLessThanOrEqual(delta);
}

/** Element-wise {@link assertInDelta} for nested arrays of the same shape. */
export function assertAllInDelta(actual: unknown, expected: unknown, delta: number, path = "value"): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const a = actual as unknown[];
    expect(a.length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => assertAllInDelta(a[i], e, delta, `${path}[${i}]`));
  } else {
    expect(typeof actual, `${path} is a number`).toBe("number");
    expect(Math.abs((actual as number) - (expected as number)), `${path}: |${actual} - ${expected}| <= ${delta}`).toBeLessThanOrEqual(delta);
  }
}
