import { describe, it } from "vitest";
import { LayeredNetwork } from "../../src/core";
import { RandomState } from "../../src/random";
import { updateLayerExercise } from "../../src/exercises";
import { outputDeltaOf } from "../../src/exercises/output-delta";
import { updatedLayer } from "../../src/exercises/update-layer";
import { assertAllInDelta } from "../assert";
import { describeExercise } from "./table";

/** aᵀ·δ written as a learner would, with the loops. */
const aTd = (a: number[][], delta: number[][]) =>
  a[0]!.map((_, i) => delta[0]!.map((_, j) => a.reduce((sum, row, s) => sum + row[i]! * delta[s]![j]!, 0)));
const plus = (W: number[][], M: number[][], scale: number) => W.map((row, i) => row.map((w, j) => w + scale * M[i]![j]!));

/** The notebook's solution cell, verbatim. */
function updateLayer(W: number[][], a: number[][], delta: number[][], learnRate: number): number[][] {
  return W.map((row, i) =>
    row.map((w, j) => {
      let adjustment = 0; // entry (i, j) of aᵀ·δ
      for (let s = 0; s < a.length; s++) adjustment += a[s][i] * delta[s][j];
      return w + learnRate * adjustment; // plus: the deltas are already −∂E/∂z
    }),
  );
}

describeExercise(updateLayerExercise, updateLayer, [
  { mistake: "− instead of +", answer: (W, a, delta, eta) => plus(W, aTd(a, delta), -eta), hint: "− instead of +" },
  { mistake: "η forgotten", answer: (W, a, delta) => plus(W, aTd(a, delta), 1), hint: "the learning rate is missing" },
  {
    mistake: "the adjustment alone",
    answer: (_W, a, delta, eta) => aTd(a, delta).map((row) => row.map((v) => eta * v)),
    hint: "that is the adjustment η aᵀ·δ alone",
  },
  { mistake: "a mean over samples", answer: (W, a, delta, eta) => plus(W, aTd(a, delta), eta / a.length), hint: "no mean here" },
  {
    mistake: "δᵀ·a, which cannot be added to a non-square W",
    answer: (W, a, delta, eta) => {
      const dTa = delta[0]!.map((_, j) => a[0]!.map((_, i) => a.reduce((sum, row, s) => sum + delta[s]![j]! * row[i]!, 0)));
      if (dTa.length !== W.length || dTa[0]!.length !== W[0]!.length) throw new RangeError("the shapes do not match");
      return plus(W, dTa, eta);
    },
    hint: "δᵀ·a is the transpose of the adjustment",
    status: "error",
  },
]);

describe("the reference update", () => {
  it("is one delta-rule epoch of a one-layer LayeredNetwork (W + η Xᵀ·δ)", () => {
    const net = LayeredNetwork.fromRandom([3, 2], new RandomState(8));
    const X = [[1, -2, 0.5], [0.3, 0.1, -1], [2, 2, 2]];
    const y = [[1, 0], [0, 0], [1, 1]];
    const W = net.params.weights[0]!;
    const delta = outputDeltaOf(y, net.forwardBatch(X)[0]!.toArray());
    net.train(X, y, { epochs: 1, learnRate: 0.7 });
    assertAllInDelta(updatedLayer(W, X, delta, 0.7), net.params.weights[0]!, 1e-15);
  });
});
