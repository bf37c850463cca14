/**
 * How Node's `util.inspect` asks an object to render itself. A notebook cell's uncaught error reaches the learner
 * through it: tslab prints the error with `console.error(error)`. A registered symbol, so the core needs no Node import.
 */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The one error type for mistakes a caller can make: a bad shape, a non-finite number, a bad hyperparameter.
 * Its message is one line naming the parameter, what was expected and the value given, then a hint when one helps.
 *
 * Inspected (a notebook cell's error, `console.log(error)`) it is that one line, `InputError: …`, without the
 * stack: the frames would lead into the library's own files and the kernel, never to the learner's mistake.
 * `error.stack` itself is left whole for debugging; errors that are not InputErrors (bugs) show their stack as usual.
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
    /** Why, in the caller's terms, when the rule alone does not say, e.g. `this neuron has 2 weights, one per input`. */
    readonly hint?: string,
  ) {
    super(`${parameter} must be ${expected}, got ${describe(value)}${hint === undefined ? "" : ` (${hint})`}`);
  }

  [INSPECT](): string {
    return `${this.name}: ${this.message}`;
  }
}

const MAX_DESCRIPTION_LENGTH = 60;

/** A short, one-line rendering of any value for an error message. */
function describe(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === undefined) return "undefined";
  if (typeof value === "string") return clip(JSON.stringify(value));
  if (typeof value === "function") return value.name === "" ? "a function" : `function ${value.name}`;
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) =>
      typeof v === "number" && !Number.isFinite(v)
        ? String(v)
        : ArrayBuffer.isView(v)
          ? Array.from(v as Float64Array)
          : typeof v === "function"
            ? describe(v)
            : v,
    );
  } catch {
    text = Object.prototype.toString.call(value);
  }
  if (text === undefined) text = String(value);
  return clip(text);
}

/** One line (a symbol's description could hold a newline), at most MAX_DESCRIPTION_LENGTH characters. */
function clip(text: string): string {
  text = text.replace(/\s*\n\s*/g, " ");
  return text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH - 1)}…` : text;
}
