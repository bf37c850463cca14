import { describe, expect, it } from "vitest";
import { Network221 } from "../../src/core";
import { RandomState } from "../../src/random";
import { lossSlopeExercise } from "../../src/exercises";
import { lossSlopeOf } from "../../src/exercises/loss-slope";
import { assertInDelta } from "../assert";
import { describeExercise } from "./table";

/** The notebook's solution cell, verbatim. */
function lossSlope(yTrue: number, yPred: number): number {
  return -2 * (yTrue - yPred); // the 2 from the square, the minus from the inside's slope with respect to y_pred
}

describeExercise(lossSlopeExercise, lossSlope, [
  { mistake: "the sign flipped", answer: (t, p) => 2 * (t - p), hint: "sign flipped" },
  { mistake: "the factor 2 missing", answer: (t, p) => -(t - p), hint: "the factor 2 is missing" },
  { mistake: "y_pred − y_true, both at once", answer: (t, p) => p - t, hint: "the factor 2 is missing" },
  { mistake: "the loss itself", answer: (t, p) => (t - p) ** 2, hint: "that is the loss L itself" },
  { mistake: "σ′ already multiplied in", answer: (t, p) => -2 * (t - p) * p * (1 - p), hint: "belongs to the next factor" },
]);

describe("the reference ∂L/∂y_pred", () => {
  it("is Network221.backprop's dL_dYpred for random networks and samples", () => {
    const rng = new RandomState(3);
    for (let k = 0; k < 10; k++) {
      const net = Network221.fromRandom(rng);
      const x = [rng.normal(0, 3), rng.normal(0, 3)];
      const yTrue = k % 2;
      const d = net.backprop(x, yTrue);
      expect(lossSlopeOf(yTrue, d.forward.o1)).toBe(d.dL_dYpred);
    }
  });

  it("matches a central difference of (y_true − y_pred)² to 1e-8", () => {
    const h = 1e-5;
    for (const [yTrue, yPred] of [[1, 0.3], [0, 0.9], [1, 1]] as const) {
      const numeric = ((yTrue - (yPred + h)) ** 2 - (yTrue - (yPred - h)) ** 2) / (2 * h);
      assertInDelta(lossSlopeOf(yTrue, yPred), numeric, 1e-8);
    }
  });
});
