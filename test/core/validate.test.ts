import { describe, expect, it } from "vitest";
import { InputError } from "../../src";
import { checkFinite, checkMatrix, checkPositive, checkVector, checkWhole } from "../../src/core/validate";

describe("validate", () => {
  it("checkFinite and checkPositive refuse NaN, ±Infinity and non-numbers", () => {
    for (const bad of [NaN, Infinity, -Infinity, "1", null, undefined, [1]]) {
      expect(() => checkFinite("x", bad)).toThrow(InputError);
      expect(() => checkPositive("x", bad)).toThrow(InputError);
    }
    expect(() => checkPositive("learnRate", 0)).toThrow("learnRate must be a finite number > 0, got 0");
    expect(checkPositive("learnRate", Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
  });

  it("checkWhole(…) validates the specified range, naming the upper bound when there is one", () => {
    expect(() => checkWhole("epochs", 1.5, 0)).toThrow("epochs must be a whole number >= 0, got 1.5");
    expect(() => checkWhole("epochs", 2 ** 53, 0)).toThrow(InputError);
    expect(() => checkWhole("hidden", 1e7, 1, 1000)).toThrow("hidden must be a whole number in [1, 1000], got 10000000");
    expect(() => checkWhole("hidden", 1e7, 1, 1000, "why")).toThrow("hidden must be a whole number in [1, 1000], got 10000000 (why)");
    expect(checkWhole("hidden", 1000, 1, 1000)).toBe(1000);
  });

  it("checkVector(…) names the length that was expected, with the hint that says why", () => {
    expect(() => checkVector("inputs", [1, 2, 3], 2, "two weights")).toThrow("inputs.length must be 2, got 3 (two weights)");
    expect(() => checkVector("inputs", [], undefined)).toThrow("inputs must be a non-empty array of numbers, got []");
    expect(() => checkVector("inputs", "12")).toThrow('inputs must be an array of numbers, got "12"');
    expect(() => checkVector("inputs", [1, undefined])).toThrow("inputs[1] must be a finite number, got undefined");
    expect(checkVector("inputs", new Float64Array([1, 2]), 2)).toEqual(new Float64Array([1, 2]));
  });

  it("checkMatrix(…) names the row and column of a bad entry", () => {
    expect(() => checkMatrix("inputs", [[1, 2], [3, NaN]], 2)).toThrow("inputs[1][1] must be a finite number, got NaN");
    expect(() => checkMatrix("inputs", [[1, 2], [3]], 2)).toThrow("inputs[1].length must be 2, got 1");
    expect(() => checkMatrix("inputs", [], 2)).toThrow("inputs must be a non-empty array of rows, got []");
  });
});
