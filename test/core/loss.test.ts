import { describe, expect, it } from "vitest";
import { InputError, mseLoss } from "../../src";

describe("mseLoss", () => {
  it("is 0.5 when the network always says male (the tutorial's example)", () => {
    expect(mseLoss([1, 0, 0, 1], [0, 0, 0, 0])).toBe(0.5);
  });

  it("is the mean over samples, not the sum, with no ½ factor", () => {
    expect(mseLoss([1, 1], [0, 0])).toBe(1);
    expect(mseLoss([3], [1])).toBe(4);
    expect(mseLoss(new Float64Array([0.5, 0.5]), [0.25, 0.75])).toBe(0.0625);
  });

  it("mseLoss(…) validates lengths and numbers", () => {
    expect(() => mseLoss([1, 0], [1])).toThrow("yPred.length must be 2 (the length of yTrue), got 1");
    expect(() => mseLoss([], [])).toThrow(InputError);
    expect(() => mseLoss([1, Number.NaN], [1, 0])).toThrow("yTrue[1] must be a finite number, got NaN");
    expect(() => mseLoss([1], [Infinity])).toThrow("yPred[0] must be a finite number, got Infinity");
  });
});
