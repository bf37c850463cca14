import { describe, expect, it } from "vitest";
import * as library from "../../src";
import { EXERCISES, Exercise, isNotDoneYet, mseExercise, NotDoneYet, sigmoidExercise, todo, updateLayerExercise } from "../../src/exercises";
import { expectResult, hintOf } from "./table";

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe("todo()", () => {
  it("throws the marker a check recognises, also when it comes from another copy of the library", () => {
    expect(() => todo()).toThrow(NotDoneYet);
    expect(isNotDoneYet(new NotDoneYet())).toBe(true);
    expect(isNotDoneYet({ notDoneYet: true })).toBe(true);
    expect(isNotDoneYet(new Error("not done yet"))).toBe(false);
    expect(isNotDoneYet(undefined)).toBe(false);
  });
});

describe("Exercise.evaluate", () => {
  it("asks for the function itself when given something else", () => {
    const result = sigmoidExercise.evaluate(0.5 as unknown as (z: number) => number);
    expectResult(result, "error");
    expect(result.message).toBe("✗ checkSigmoid needs your function itself, as in checkSigmoid(sigma); it got a number.");
  });

  it("reports a thrown string, not only Errors, on one line", () => {
    const result = sigmoidExercise.evaluate(() => {
      throw "no idea\nsecond line";
    });
    expectResult(result, "error");
    expect(result.message).toContain('  error     "no idea\\nsecond line" (thrown)');
  });

  it("keeps only the first line of a multi-line error message", () => {
    const result = sigmoidExercise.evaluate(() => {
      throw new RangeError("first line\n    at somewhere (file.ts:1:1)");
    });
    expect(result.message).toContain("  error     RangeError: first line\nHint:");
  });

  it("asks whether a return is missing when the function returns undefined", () => {
    const result = sigmoidExercise.evaluate((() => undefined) as unknown as (z: number) => number);
    expectResult(result, "fail");
    expect(result.message).toContain("  received  undefined");
    expect(hintOf(result)).toBe("sigma returned undefined: is a `return` missing?");
  });

  it("names a wrong length", () => {
    const result = mseExercise.evaluate((() => [0.5]) as unknown as (t: number[], p: number[]) => number);
    expect(hintOf(result)).toBe("mse should be a number but is an array of 1.");
  });

  it("gives every input a fresh copy, so a function that overwrites its arguments cannot spoil the reference", () => {
    const result = mseExercise.evaluate((yTrue, yPred) => {
      const loss = yTrue.reduce((sum, y, i) => sum + (y - yPred[i]!) ** 2, 0) / yTrue.length;
      yTrue.fill(NaN);
      yPred.length = 0;
      return loss;
    });
    expectResult(result, "pass");
  });

  it("shows the first differing entry of a matrix at full precision", () => {
    const result = updateLayerExercise.evaluate((W, a, delta, eta) => {
      const updated = updateLayerExercise.spec.reference(W, a, delta, eta);
      return updated.map((row, i) => row.map((w, j) => (i === 2 && j === 0 ? w + 1e-6 : w)));
    });
    expectResult(result, "fail");
    expect(result.message).toMatch(/\n {2}first difference at \[2\]\[0\]: expected -?\d\.\d{10,}, received -?\d\.\d{10,}\n/);
  });

  it("makes the same inputs from the same seed, so a failing input is the same on every run", () => {
    const again = new Exercise(sigmoidExercise.spec);
    expect(again.cases).toEqual(sigmoidExercise.cases);
  });

  it("never says ✓ for a function that is right on the worked example only", () => {
    const result = sigmoidExercise.evaluate((z) => (z === 7 ? sigma(7) : 0.5));
    expectResult(result, "fail");
    expect(result.message).toContain("(a random input)");
  });
});

describe("the catalogue of exercises", () => {
  it("has at least twelve exercises in notebooks 01–06 and at least one in 07, in course order", () => {
    const notebooks = EXERCISES.map((exercise) => exercise.spec.notebook);
    expect(notebooks.filter((name) => name < "07").length).toBeGreaterThanOrEqual(12);
    expect(notebooks.filter((name) => name.startsWith("07")).length).toBeGreaterThanOrEqual(1);
    expect(notebooks).toEqual([...notebooks].sort());
  });

  it("names one check per exercise, each exported from the package root", () => {
    const checks = EXERCISES.map((exercise) => exercise.spec.checkName);
    expect(new Set(checks).size).toBe(checks.length);
    for (const check of checks) expect(typeof (library as Record<string, unknown>)[check], check).toBe("function");
    expect(typeof library.todo).toBe("function");
  });

  it("gives every exercise a seed of its own", () => {
    const seeds = EXERCISES.map((exercise) => exercise.spec.seed);
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it("lists mistakes that each differ from the reference on the worked example or a random input", () => {
    for (const exercise of EXERCISES) {
      for (const mistake of exercise.spec.mistakes) {
        const result = exercise.evaluate(mistake.answer);
        expect(result.passed, `${exercise.spec.name}: ${mistake.hint}`).toBe(false);
        expect(result.message, `${exercise.spec.name}: ${mistake.hint}`).toContain(mistake.hint);
      }
    }
  });
});
