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

/**
 * numericalGradient's estimate carries an absolute error of about 1e-12, so a relative comparison means something
 * only for slopes well above that; smaller ones must agree to an absolute 1e-11 instead.
 */
const SMALL_GRADIENT = 1e-5;
const SMALL_GRADIENT_DELTA = 1e-11;

/** Asserts an analytic gradient matches a numerical one: relative error < `tolerance` (absolute 1e-11 for tiny slopes). */
export function assertGradientClose(analytic: number, numeric: number, tolerance: number, label: string): void {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  const difference = Math.abs(analytic - numeric);
  if (scale < SMALL_GRADIENT) {
    expect(difference, `${label}: ${analytic} vs ${numeric} (absolute)`).toBeLessThan(SMALL_GRADIENT_DELTA);
  } else {
    expect(difference / scale, `${label}: ${analytic} vs ${numeric} (relative)`).toBeLessThan(tolerance);
  }
}
