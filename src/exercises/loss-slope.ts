import { Network221 } from "../core";
import { Exercise } from "./exercise";
import { label, repeat } from "./random-inputs";

/** ∂L/∂y_pred for one sample's L = (y_true − y_pred)², as `Network221.backprop` computes it (`dL_dYpred`). */
export function lossSlopeOf(yTrue: number, yPred: number): number {
  return -2 * (yTrue - yPred);
}

/** Notebook 04's worked example: every weight 1, every bias 0, and Alice's prediction. */
const ALICE_PREDICTION = new Network221({ w1: 1, w2: 1, w3: 1, w4: 1, w5: 1, w6: 1, b1: 0, b2: 0, b3: 0 }).feedforward([-2, -1]);

/** Notebook 04: the chain rule's first factor, ∂L/∂y_pred = −2 (y_true − y_pred). */
export const lossSlopeExercise = new Exercise<[yTrue: number, yPred: number], number>({
  name: "lossSlope",
  notebook: "04-backpropagation",
  checkName: "checkLossSlope",
  parameters: ["yTrue", "yPred"],
  reference: lossSlopeOf,
  seed: 106,
  cases: (rng) => [
    { kind: "worked example", args: [1, ALICE_PREDICTION] },
    ...repeat(20, () => ({ kind: "random" as const, args: [label(rng), rng.random()] as [number, number] })),
    ...([[1, 1], [0, 0], [1, 0], [0, 1], [0.3, 0.8]] as [number, number][]).map((args) => ({ kind: "edge" as const, args })),
  ],
  mistakes: [
    {
      answer: (t, p) => 2 * (t - p),
      hint: "sign flipped: differentiating (y_true − y_pred)² with respect to y_pred brings a factor −1 from the inside, so ∂L/∂y_pred = −2 (y_true − y_pred).",
    },
    { answer: (t, p) => -(t - p), hint: "the factor 2 is missing: the derivative of u² is 2u, and this L has no ½ to cancel it." },
    { answer: (t, p) => (t - p) ** 2, hint: "that is the loss L itself; the exercise wants its slope with respect to y_pred." },
    {
      answer: (t, p) => -2 * (t - p) * p * (1 - p),
      hint: "that already multiplies by σ′(z_o1) = y_pred (1 − y_pred), which belongs to the next factor; ∂L/∂y_pred stops at −2 (y_true − y_pred).",
    },
  ],
  confirms: "lossSlope(yTrue, yPred) is ∂L/∂y_pred = −2 (y_true − y_pred)",
});

/** Checks the learner's ∂L/∂y_pred and shows the verdict under the cell. */
export function checkLossSlope(lossSlope: (yTrue: number, yPred: number) => number): void {
  lossSlopeExercise.check(lossSlope);
}
