import { RandomState } from "../random";
import { describeKind, type Difference, firstDifference, formatNumber, formatValue, matrixShape, sameValue, type Value } from "./compare";
import { transpose, type Rows } from "./matrix-arrays";
import { showResult } from "./report";
import type { ExerciseResult } from "./result";
import { isNotDoneYet } from "./todo";

/** Where an input comes from: the notebook's worked example, the seeded generator, or a case chosen to break naive code. */
export type CaseKind = "worked example" | "random" | "edge";

/** One input a check tries. */
export interface Case<A extends unknown[]> {
  readonly kind: CaseKind;
  readonly args: A;
}

/** A typical wrong answer: what a function with that mistake returns, and what to tell a learner whose function does. */
export interface Mistake<A extends unknown[]> {
  readonly answer: (...args: A) => Value;
  readonly hint: string;
}

/** Everything one exercise's check needs. */
export interface ExerciseSpec<A extends unknown[], R extends Value> {
  /** The learner's function as the stub names it, e.g. `sigma`. */
  readonly name: string;
  /** The notebook the exercise sits in, e.g. `01-neuron`. */
  readonly notebook: string;
  /** The check the notebook calls, e.g. `checkSigmoid`. */
  readonly checkName: string;
  /** The names of the function's parameters, to show an input. */
  readonly parameters: readonly string[];
  /** The right answer, from the library. */
  readonly reference: (...args: A) => R;
  /** The inputs to try, in the order they are reported: the worked example, then random inputs, then edge cases. */
  readonly cases: (rng: RandomState) => Case<A>[];
  /** Seeds `cases`, so a failing input is the same on every run. */
  readonly seed: number;
  /** Recognised by their value; the first that explains every answer wins, else the first that explains the failing one. */
  readonly mistakes: readonly Mistake<A>[];
  /** Said when a NaN or an infinity comes back where a finite number was due and no mistake explains it. */
  readonly nonFiniteHint?: string;
  /** The claim a pass confirms, e.g. "sigma(z) is σ(z) = 1 / (1 + e^(−z))". */
  readonly confirms: string;
}

/** One input tried: what came back (or what was thrown) and where it departs from the reference. */
type Outcome<A extends unknown[]> =
  | { readonly case: Case<A>; readonly threw: false; readonly received: unknown; readonly expected: Value; readonly difference: Difference | null }
  | { readonly case: Case<A>; readonly threw: true; readonly thrown: unknown };

type Returned<A extends unknown[]> = Outcome<A> & { readonly threw: false };

/** Whether a mistaken answer gives exactly what the learner's function returned for this input. */
function explains<A extends unknown[]>(mistake: Mistake<A>, outcome: Returned<A>): boolean {
  try {
    return sameValue(outcome.received, mistake.answer(...structuredClone(outcome.case.args)));
  } catch {
    return false;
  }
}

/** Below this relative difference a wrong number is "close": a rounded constant rather than a wrong formula. */
const CLOSE = 1e-3;

/**
 * An exercise: a learner writes a function, and {@link evaluate} runs it against the library on the worked example,
 * on seeded random inputs and on edge inputs, and says what is wrong and, when it recognises the mistake, why.
 */
export class Exercise<A extends unknown[], R extends Value> {
  private tried: Case<A>[] | null = null;

  constructor(readonly spec: ExerciseSpec<A, R>) {}

  /** The inputs this exercise tries, in order (made once, from the exercise's seed). */
  get cases(): readonly Case<A>[] {
    this.tried ??= this.spec.cases(new RandomState(this.spec.seed));
    return this.tried;
  }

  /** Runs the learner's function on every input and judges it; never throws, whatever the function does. */
  evaluate(answer: (...args: A) => R): ExerciseResult {
    const { name, checkName } = this.spec;
    if (typeof answer !== "function") {
      return { passed: false, status: "error", message: `✗ ${checkName} needs your function itself, as in ${checkName}(${name}); it got ${describeKind(answer)}.` };
    }
    const outcomes: Outcome<A>[] = [];
    for (const tried of this.cases) {
      let received: unknown;
      try {
        received = (answer as (...args: unknown[]) => unknown)(...structuredClone(tried.args));
      } catch (thrown) {
        if (isNotDoneYet(thrown)) return notDone(name);
        outcomes.push({ case: tried, threw: true, thrown });
        continue;
      }
      const expected = this.spec.reference(...structuredClone(tried.args));
      outcomes.push({ case: tried, threw: false, received, expected, difference: firstDifference(received, expected) });
    }
    const failing = outcomes.find((outcome) => outcome.threw || outcome.difference !== null);
    if (failing === undefined) return { passed: true, status: "pass", message: this.passMessage() };
    const returned = outcomes.filter((outcome): outcome is Returned<A> => !outcome.threw);
    if (failing.threw) return { passed: false, status: "error", message: this.errorMessage(failing.case, failing.thrown, returned) };
    return { passed: false, status: "fail", message: this.failMessage(failing, returned) };
  }

  /** {@link evaluate}, shown as the cell's output (or printed outside a notebook). */
  check(answer: (...args: A) => R): void {
    showResult(this.evaluate(answer));
  }

  private passMessage(): string {
    const count = (kind: CaseKind) => this.cases.filter((tried) => tried.kind === kind).length;
    return `✓ ${this.spec.confirms}: it agrees with the library on the worked example, ${count("random")} random inputs and ${count("edge")} edge cases.`;
  }

  /** An exception, with the hint of a mistake that explains every answer the function did return, if one does. */
  private errorMessage(tried: Case<A>, thrown: unknown, returned: readonly Returned<A>[]): string {
    const mistake = returned.length === 0 ? undefined : this.spec.mistakes.find((m) => returned.every((outcome) => explains(m, outcome)));
    return [
      `✗ ${this.spec.name} threw an error on ${describeCase(tried.kind)}.`,
      ...this.inputLines(tried),
      `  error     ${describeThrown(thrown)}`,
      `Hint: ${mistake?.hint ?? "fix it in your cell, run that cell, then run this check again."}`,
    ].join("\n");
  }

  private failMessage(failing: Returned<A>, returned: readonly Returned<A>[]): string {
    const { received, expected, difference } = failing;
    const lines = [
      `✗ ${this.spec.name} is not right yet. The first input where it differs from the library (${describeCase(failing.case.kind)}):`,
      ...this.inputLines(failing.case),
      `  expected  ${formatValue(expected)}`,
      `  received  ${formatValue(received)}`,
    ];
    if (difference !== null && difference.path !== "" && difference.kind === "number") {
      lines.push(`  first difference at ${difference.path}: expected ${formatNumber(difference.expected as number)}, received ${formatValue(difference.received)}`);
    }
    const hint = this.recognise(failing, returned) ?? genericHint(this.spec, failing, returned);
    if (hint !== null) lines.push(`Hint: ${hint}`);
    return lines.join("\n");
  }

  /** The hint of the mistake that explains every returned answer, else of one that explains the failing answer. */
  private recognise(failing: Returned<A>, returned: readonly Returned<A>[]): string | null {
    const mistakes = this.spec.mistakes;
    const mistake =
      mistakes.find((m) => returned.every((outcome) => explains(m, outcome))) ?? mistakes.find((m) => explains(m, failing));
    return mistake?.hint ?? null;
  }

  private inputLines(tried: Case<A>): string[] {
    return this.spec.parameters.map(
      (parameter, k) => `${k === 0 ? "  input" : "       "}     ${parameter} = ${formatValue(tried.args[k])}`,
    );
  }
}

function notDone(name: string): ExerciseResult {
  return {
    passed: false,
    status: "not-done",
    message: `Not done yet: write ${name} in the cell above (replace \`return todo();\` with your code), run that cell, then this one.`,
  };
}

function describeCase(kind: CaseKind): string {
  return kind === "worked example" ? "the worked example" : kind === "random" ? "a random input" : "an edge case";
}

/** "TypeError: x is not a function", on one line; anything else thrown is written as a value. */
function describeThrown(thrown: unknown): string {
  const { name, message } = (typeof thrown === "object" && thrown !== null ? thrown : {}) as { name?: unknown; message?: unknown };
  const text = typeof message === "string" ? `${typeof name === "string" ? name : "Error"}: ${message}` : `${formatValue(thrown)} (thrown)`;
  return text.split("\n")[0]!;
}

/** A hint from the kind of difference alone, when no listed mistake explains the answer. */
function genericHint(
  spec: { name: string; nonFiniteHint?: string },
  failing: { case: { kind: CaseKind }; received: unknown; expected: Value; difference: Difference | null },
  returned: readonly { received: unknown; expected: Value }[],
): string | null {
  const { name } = spec;
  const { received, expected } = failing;
  const difference = failing.difference!;
  if (received === undefined) return `${name} returned undefined: is a \`return\` missing?`;
  const receivedShape = matrixShape(received);
  const expectedShape = matrixShape(expected);
  if (receivedShape !== null && expectedShape !== null && sameValue(received, transpose(expected as Rows))) {
    return `your matrix is the transpose of the right one (${receivedShape} instead of ${expectedShape}): rows are samples, columns are units; check which factor is transposed and in what order you multiply.`;
  }
  if (difference.kind === "type") {
    const where = difference.path === "" ? name : `entry ${difference.path} of the result`;
    return `${where} should be ${describeKind(difference.expected)} but is ${describeKind(difference.received)}.`;
  }
  if (difference.kind === "length") {
    if (receivedShape !== null && expectedShape !== null) return `wrong shape: the result should be ${expectedShape}, yours is ${receivedShape}.`;
    const where = difference.path === "" ? "the result" : `entry ${difference.path}`;
    return `${where} should have ${(difference.expected as ArrayLike<unknown>).length} entries, yours has ${(difference.received as ArrayLike<unknown>).length}.`;
  }
  if (difference.kind === "missing") return `the result has no ${difference.path.slice(1)}: return every entry, not only the ones you changed.`;
  const value = difference.received as number;
  if (!Number.isFinite(value)) {
    const generic = `${formatNumber(value)} where a finite number was due: somewhere a 0/0, ∞/∞ or ∞ − ∞ (NaN) or an overflow (Infinity) happened.`;
    return failing.case.kind === "edge" ? (spec.nonFiniteHint ?? generic) : generic;
  }
  if (answersAlike(returned.map((outcome) => outcome.received)) && !answersAlike(returned.map((outcome) => outcome.expected))) {
    return `${name} gives the same answer, ${formatValue(received)}, whatever its input: compute it from the arguments rather than copying a number.`;
  }
  const scale = Math.abs(difference.expected as number);
  if (scale > 0 && Math.abs(value - (difference.expected as number)) / scale < CLOSE) {
    return `close, but not the same number: a rounded constant (e ≈ 2.718 instead of Math.exp) or a rounded intermediate result?`;
  }
  return null;
}

/** True when every answer is the same number (or array of numbers). */
function answersAlike(answers: readonly unknown[]): boolean {
  const [first, ...rest] = answers;
  const comparable = typeof first === "number" || matrixShape(first) !== null || (Array.isArray(first) && first.every((v) => typeof v === "number"));
  return comparable && rest.length > 0 && rest.every((answer) => sameValue(answer, first as Value));
}
