import { describe, it } from "vitest";
import { LayeredNetwork } from "../../src/core";
import { RandomState } from "../../src/random";
import { hiddenDeltaExercise } from "../../src/exercises";
import { outputDeltaOf } from "../../src/exercises/output-delta";
import { tanhHiddenDeltaOf } from "../../src/exercises/hidden-delta";
import { assertAllInDelta } from "../assert";
import { describeExercise } from "./table";

/** δ·Wᵀ ⊙ slope(A), written as a learner would, with the loops; `transposed = false` multiplies by W itself. */
function delta(deltaNext: number[][], W: number[][], A: number[][], slope: (a: number) => number, transposed = true): number[][] {
  return A.map((row, s) =>
    row.map((a, i) => {
      let error = 0;
      for (let j = 0; j < deltaNext[s]!.length; j++) error += deltaNext[s]![j]! * (transposed ? W[i]![j]! : W[j]![i]!);
      return error * slope(a);
    }),
  );
}

/** The notebook's solution cell, verbatim. */
function hiddenDelta(deltaNext: number[][], W: number[][], A: number[][]): number[][] {
  return A.map((row, s) =>
    row.map((a, i) => {
      let error = 0; // entry (s, i) of δ·Wᵀ
      for (let j = 0; j < W[i].length; j++) error += deltaNext[s][j] * W[i][j];
      return error * (1 - a * a);
    }),
  );
}

describeExercise(hiddenDeltaExercise, hiddenDelta, [
  { mistake: "the sigmoid's slope A(1 − A)", answer: (d, W, A) => delta(d, W, A, (a) => a * (1 - a)), hint: "the sigmoid's slope" },
  {
    mistake: "tanh′ of the outputs as if they were total inputs",
    answer: (d, W, A) => delta(d, W, A, (a) => 1 - Math.tanh(a) ** 2),
    hint: "tanh′ of A as if A were the total input",
  },
  { mistake: "no slope", answer: (d, W, A) => delta(d, W, A, () => 1), hint: "the slope is missing" },
  { mistake: "1 − A, the square missing", answer: (d, W, A) => delta(d, W, A, (a) => 1 - a), hint: "the output is squared" },
  { mistake: "the sign flipped", answer: (d, W, A) => delta(d, W, A, (a) => a * a - 1), hint: "sign flipped" },
  {
    mistake: "W not transposed (δ·W), which fails on the non-square worked example",
    answer: (d, W, A) => {
      if (W.length !== W[0]!.length) throw new RangeError("cannot multiply");
      return delta(d, W, A, (a) => 1 - a * a, false);
    },
    hint: "W is not transposed",
    status: "error",
  },
]);

describe("the reference tanh hidden delta", () => {
  it("gives Xᵀ·Δ = −∂E/∂W₁ of a 2-3-1 tanh → sigmoid network, as LayeredNetwork.gradients computes it", () => {
    const net = LayeredNetwork.fromRandom([2, 3, 1], new RandomState(4), { activation: "tanh", outputActivation: "sigmoid" });
    const X = [[1, -2], [0.3, 0.1], [2, 2], [-1, 0.5]];
    const y = [[1], [0], [1], [0]];
    const [A, yHat] = net.forwardBatch(X).map((m) => m.toArray()) as [number[][], number[][]];
    const hidden = tanhHiddenDeltaOf(outputDeltaOf(y, yHat), net.params.weights[1]!, A);
    const adjustment = [0, 1].map((i) => [0, 1, 2].map((j) => X.reduce((sum, row, s) => sum + row[i]! * hidden[s]![j]!, 0)));
    assertAllInDelta(adjustment, net.gradients(X, y).weights[0]!.map((row) => row.map((g) => -g)), 1e-15);
  });
});
