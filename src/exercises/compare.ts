/** Comparing a learner's return value with the library's, and writing either into a message. */

/** What a reference returns: a number, an array or matrix of numbers, or named numbers (a network's parameters). */
export type Value = number | readonly Value[] | { readonly [name: string]: number };

/**
 * Two numbers agree when |received − expected| ≤ ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE · |expected|: loose
 * enough for the same formula written in another order, far too tight for any real mistake to slip through.
 */
export const RELATIVE_TOLERANCE = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-12;

export function sameNumber(received: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(received);
  if (!Number.isFinite(expected)) return received === expected;
  return Math.abs(received - expected) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(expected);
}

/** Where a received value first departs from the expected one. */
export interface Difference {
  /** "" for the value itself, else the entry: "[2][0]" in a matrix, ".b3" among named numbers. */
  readonly path: string;
  readonly expected: unknown;
  readonly received: unknown;
  /** A different number, a different kind of value, a different length, or a missing name. */
  readonly kind: "number" | "type" | "length" | "missing";
}

/** The first place `received` departs from `expected`, or null when they agree (a NaN agrees only with NaN). */
export function firstDifference(received: unknown, expected: Value, path = ""): Difference | null {
  if (typeof expected === "number") {
    if (typeof received !== "number") return { path, expected, received, kind: "type" };
    return sameNumber(received, expected) ? null : { path, expected, received, kind: "number" };
  }
  if (isList(expected)) {
    if (!isList(received)) return { path, expected, received, kind: "type" };
    if (received.length !== expected.length) return { path, expected, received, kind: "length" };
    for (let i = 0; i < expected.length; i++) {
      const difference = firstDifference(received[i], expected[i]!, `${path}[${i}]`);
      if (difference !== null) return difference;
    }
    return null;
  }
  if (typeof received !== "object" || received === null || isList(received)) return { path, expected, received, kind: "type" };
  for (const [name, value] of Object.entries(expected)) {
    const entry = (received as Record<string, unknown>)[name];
    if (entry === undefined) return { path: `${path}.${name}`, expected: value, received: entry, kind: "missing" };
    const difference = firstDifference(entry, value, `${path}.${name}`);
    if (difference !== null) return difference;
  }
  return null;
}

export function sameValue(received: unknown, expected: Value): boolean {
  return firstDifference(received, expected) === null;
}

/** Arrays and typed arrays alike: a learner may return either. */
export function isList(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** "3×2" for a matrix (a list of equally long lists of numbers), else null. */
export function matrixShape(value: unknown): string | null {
  if (!isList(value) || value.length === 0 || !isList(value[0])) return null;
  const columns = (value[0] as ArrayLike<unknown>).length;
  for (let i = 0; i < value.length; i++) {
    const row = value[i];
    if (!isList(row) || row.length !== columns) return null;
  }
  return `${value.length}×${columns}`;
}

/** What kind of value this is, for "expected …, received …": "a number", "a 3×2 matrix", "undefined". */
export function describeKind(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number") return "a number";
  const shape = matrixShape(value);
  if (shape !== null) return `a ${shape} matrix`;
  if (isList(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** Characters a value may take in a message before its rows are cut short. */
const MAX_VALUE_LENGTH = 110;
/** Significant digits of numbers inside arrays; a single number is written in full. */
const ENTRY_DIGITS = 6;

/** A value written for a message: a number in full, arrays and matrices shortened to about one line. */
export function formatValue(value: unknown): string {
  if (typeof value === "number") return formatNumber(value);
  if (isList(value)) {
    const shape = matrixShape(value);
    const text = formatList(value);
    return shape !== null && value.length > 1 ? `${text}  (${shape})` : text;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([name, v]) => `${name}: ${typeof v === "number" ? formatEntry(v) : describeKind(v)}`);
    return `{ ${entries.join(", ")} }`;
  }
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

export function formatNumber(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}

function formatEntry(value: unknown): string {
  if (typeof value === "number") {
    return Number.isFinite(value) && !Number.isInteger(value) ? String(Number(value.toPrecision(ENTRY_DIGITS))) : formatNumber(value);
  }
  return isList(value) ? formatList(value) : formatValue(value);
}

function formatList(list: ArrayLike<unknown>): string {
  const parts: string[] = [];
  let length = 2;
  for (let i = 0; i < list.length; i++) {
    const part = formatEntry(list[i]);
    if (length + part.length > MAX_VALUE_LENGTH && parts.length > 0) {
      parts.push("…");
      break;
    }
    parts.push(part);
    length += part.length + 2;
  }
  return `[${parts.join(", ")}]`;
}
