import { InputError } from "./errors";

/** Checks at the library's boundary; code behind them trusts its inputs. Each throws {@link InputError}. */

export function checkFinite(parameter: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new InputError(parameter, value, "a finite number");
  return value;
}

export function checkPositive(parameter: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InputError(parameter, value, "a finite number > 0");
  }
  return value;
}

/** A whole number ≥ `min`, and ≤ `max` when one is given (a size whose cost grows with it). */
export function checkWhole(parameter: string, value: unknown, min: number, max?: number, hint?: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || (max !== undefined && value > max)) {
    throw new InputError(parameter, value, max === undefined ? `a whole number >= ${min}` : `a whole number in [${min}, ${max}]`, hint);
  }
  return value;
}

/**
 * A vector of finite numbers of the given length (any length when `length` is undefined, but never empty).
 * `hint` says where the length comes from, e.g. `this neuron has 2 weights, one per input`.
 */
export function checkVector(parameter: string, value: unknown, length?: number, hint?: string): ArrayLike<number> {
  if (!isArrayLike(value)) throw new InputError(parameter, value, "an array of numbers");
  if (length !== undefined && value.length !== length) {
    throw new InputError(`${parameter}.length`, value.length, `${length}`, hint);
  }
  if (value.length === 0) throw new InputError(parameter, value, "a non-empty array of numbers");
  for (let i = 0; i < value.length; i++) checkFinite(`${parameter}[${i}]`, value[i]);
  return value as ArrayLike<number>;
}

/** A non-empty list of rows, each a vector of `width` finite numbers. */
export function checkMatrix(parameter: string, value: unknown, width: number): readonly ArrayLike<number>[] {
  if (!Array.isArray(value)) throw new InputError(parameter, value, "an array of rows");
  if (value.length === 0) throw new InputError(parameter, value, "a non-empty array of rows");
  value.forEach((row, i) => checkVector(`${parameter}[${i}]`, row, width));
  return value as readonly ArrayLike<number>[];
}

/** Inputs and targets for supervised training: same number of rows, all finite. Messages use the caller's names. */
export function checkDataset(
  inputs: unknown,
  targets: unknown,
  inputWidth: number,
  targetWidth: number,
  names: { inputs: string; targets: string } = { inputs: "inputs", targets: "targets" },
): { inputs: readonly ArrayLike<number>[]; targets: readonly ArrayLike<number>[] } {
  const x = checkMatrix(names.inputs, inputs, inputWidth);
  if (!Array.isArray(targets)) throw new InputError(names.targets, targets, "an array");
  if (targets.length !== x.length) {
    throw new InputError(`${names.targets}.length`, targets.length, `${x.length} (one per row of ${names.inputs})`);
  }
  const rows = targets.map((t: unknown, i) => (typeof t === "number" ? [checkFinite(`${names.targets}[${i}]`, t)] : t));
  return { inputs: x, targets: checkMatrix(names.targets, rows, targetWidth) };
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}
