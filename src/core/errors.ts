/**
 * The one error type for mistakes a caller can make: a bad shape, a non-finite number, a bad hyperparameter.
 * Its message is one line naming the parameter, what was expected and the value given.
 */
export class InputError extends Error {
  override readonly name: string = "InputError";

  constructor(
    /** The parameter at fault, e.g. `learnRate` or `inputs[3][1]`. */
    readonly parameter: string,
    /** The value that was given. */
    readonly value: unknown,
    /** What was expected, e.g. `a finite number > 0`. */
    readonly expected: string,
  ) {
    super(`${parameter} must be ${expected}, got ${describe(value)}`);
  }
}

const MAX_DESCRIPTION_LENGTH = 60;

/** A short, one-line rendering of any value for an error message. */
function describe(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) =>
      typeof v === "number" && !Number.isFinite(v) ? String(v) : ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
    );
  } catch {
    text = Object.prototype.toString.call(value);
  }
  if (text === undefined) text = String(value);
  return text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH - 1)}…` : text;
}
