import { describe, expect, it } from "vitest";
import { type Exercise, type ExerciseResult, todo } from "../../src/exercises";
import type { Value } from "../../src/exercises/compare";

/** A typical wrong answer, written as a learner would write it, and a fragment of the hint it must get. */
export interface WrongAnswer<A extends unknown[], R> {
  mistake: string;
  answer: (...args: A) => R;
  hint: string;
  /** "error" when the wrong answer throws on the worked example (a shape that cannot be multiplied). Default "fail". */
  status?: "fail" | "error";
}

/** The rows every exercise has: the untouched stub, the reference solution, the typical mistakes, a throw and a NaN. */
export function describeExercise<A extends unknown[], R extends Value>(
  exercise: Exercise<A, R>,
  solution: (...args: A) => R,
  wrongAnswers: readonly WrongAnswer<A, R>[],
): void {
  const { name, checkName } = exercise.spec;

  describe(`${checkName}(${name})`, () => {
    it("says 'not done yet' for the untouched stub, which returns todo()", () => {
      const result = exercise.evaluate(() => todo());
      expectResult(result, "not-done");
      expect(result.message).toMatch(/^Not done yet: write /);
      expect(result.message).toContain(name);
    });

    it("passes the notebook's solution with ✓ and one sentence", () => {
      const result = exercise.evaluate(solution);
      expectResult(result, "pass");
      expect(result.message.split("\n")).toHaveLength(1);
    });

    it("tries the worked example first, then random inputs, then edge cases", () => {
      const kinds = exercise.cases.map((tried) => tried.kind);
      expect(kinds[0]).toBe("worked example");
      expect(kinds.filter((kind) => kind === "random").length).toBeGreaterThanOrEqual(10);
      expect(kinds.filter((kind) => kind === "edge").length).toBeGreaterThanOrEqual(2);
      expect(kinds).toEqual([...kinds].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
    });

    it.each(wrongAnswers.map((row) => [row.mistake, row] as const))("recognises %s", (_mistake, row) => {
      const result = exercise.evaluate(row.answer);
      expectResult(result, row.status ?? "fail");
      if ((row.status ?? "fail") === "fail") {
        expect(result.message).toMatch(/\n {2}expected {2}.+\n {2}received {2}/);
      }
      expect(hintOf(result)).toContain(row.hint);
    });

    it("reports an exception from the learner's function in a few lines, without a stack trace", () => {
      const result = exercise.evaluate(() => {
        throw new TypeError("Cannot read properties of undefined (reading 'length')");
      });
      expectResult(result, "error");
      expect(result.message).toContain(`✗ ${name} threw an error on the worked example.`);
      expect(result.message).toContain("TypeError: Cannot read properties of undefined (reading 'length')");
      expect(result.message).not.toMatch(/\n\s+at /);
    });

    it("fails an answer of NaN and says where a NaN comes from", () => {
      const result = exercise.evaluate((...args: A) => allNaN(exercise.spec.reference(...args)) as R);
      expectResult(result, "fail");
      expect(hintOf(result)).toMatch(/NaN/);
    });
  });
}

const ORDER = ["worked example", "random", "edge"];

/** The same shape as `value` with every number NaN: what a NaN somewhere in a learner's formula returns. */
function allNaN(value: Value): Value {
  if (typeof value === "number") return NaN;
  if (Array.isArray(value)) return value.map(allNaN);
  return Object.fromEntries(Object.keys(value).map((name) => [name, NaN]));
}

export function expectResult(result: ExerciseResult, status: ExerciseResult["status"]): void {
  expect(result.status, result.message).toBe(status);
  expect(result.passed).toBe(status === "pass");
  expect(result.message.startsWith("✓")).toBe(status === "pass");
}

/** The text after "Hint: ", or "" when the message has none. */
export function hintOf(result: ExerciseResult): string {
  const at = result.message.indexOf("\nHint: ");
  return at < 0 ? "" : result.message.slice(at + "\nHint: ".length);
}
