import { describe, expect, it } from "vitest";
import { sigmoidExercise } from "../../src/exercises";
import { describeExercise, hintOf } from "./table";

/** The notebook's solution cell, verbatim. */
function sigma(z: number): number {
  return 1 / (1 + Math.exp(-z)); // for z < −709, e^(−z) is Infinity and 1 / Infinity is 0: no NaN
}

describeExercise(sigmoidExercise, sigma, [
  { mistake: "e^z / (1 + e^z), NaN for large z", answer: (z) => Math.exp(z) / (1 + Math.exp(z)), hint: "Infinity / Infinity is NaN" },
  { mistake: "the sign of the exponent flipped", answer: (z) => 1 / (1 + Math.exp(z)), hint: "sign flipped" },
  { mistake: "e^(−z) on top", answer: (z) => Math.exp(-z) / (1 + Math.exp(-z)), hint: "the numerator is 1" },
  { mistake: "1 / 1 + e^(−z) without brackets", answer: (z) => 1 / 1 + Math.exp(-z), hint: "with brackets" },
  { mistake: "1 − e^(−z) in the denominator", answer: (z) => 1 / (1 - Math.exp(-z)), hint: "not 1 − e^(−z)" },
  { mistake: "the slope σ′ instead of σ", answer: (z) => sigma(z) * (1 - sigma(z)), hint: "that is the slope σ′(z)" },
  { mistake: "tanh instead of the sigmoid", answer: (z) => Math.tanh(z), hint: "that is tanh(z)" },
  { mistake: "e rounded to 2.718", answer: (z) => 1 / (1 + Math.pow(2.718, -z)), hint: "2.718 is close to e but not e" },
  { mistake: "the worked example's number copied", answer: () => 0.9990889488055994, hint: "the same answer, 0.9990889488055994, whatever its input" },
]);

describe("checkSigmoid's generic hints", () => {
  it("explains an infinity on a large input with the overflow of e^z when no listed mistake matches", () => {
    const result = sigmoidExercise.evaluate((z) => (Math.abs(z) > 700 ? Infinity : sigma(z)));
    expect(result.message).toContain("z = 710");
    expect(hintOf(result)).toContain("e^z overflows to Infinity beyond z ≈ 709");
  });

  it("calls a number close to the right one close, as a rounded constant gives", () => {
    const result = sigmoidExercise.evaluate((z) => 1 / (1 + Math.pow(2.71828, -z)));
    expect(hintOf(result)).toContain("close, but not the same number");
  });
});
