import { describe, expect, it } from "vitest";
import { LayeredNetwork, sigmoid } from "../../src/core";
import { RandomState } from "../../src/random";
import { outputDeltaExercise } from "../../src/exercises";
import { outputDeltaOf } from "../../src/exercises/output-delta";
import { assertAllInDelta } from "../assert";
import { describeExercise } from "./table";

const each = (y: number[][], yHat: number[][], f: (t: number, o: number) => number) => y.map((row, s) => row.map((t, j) => f(t, yHat[s]![j]!)));
const σ = sigmoid.output;

/** The notebook's solution cell, verbatim. */
function outputDelta(y: number[][], yHat: number[][]): number[][] {
  return y.map((row, s) => row.map((ys, j) => (ys - yHat[s][j]) * yHat[s][j] * (1 - yHat[s][j])));
}

describeExercise(outputDeltaExercise, outputDelta, [
  { mistake: "the sign flipped", answer: (y, yHat) => each(y, yHat, (t, o) => (o - t) * o * (1 - o)), hint: "sign flipped" },
  { mistake: "no slope", answer: (y, yHat) => each(y, yHat, (t, o) => t - o), hint: "the slope is missing" },
  {
    mistake: "σ′ from ŷ as if it were the total input",
    answer: (y, yHat) => each(y, yHat, (t, o) => (t - o) * σ(o) * (1 - σ(o))),
    hint: "σ′ of ŷ as if ŷ were a total input",
  },
  { mistake: "σ where σ′ was meant", answer: (y, yHat) => each(y, yHat, (t, o) => (t - o) * σ(o)), hint: "σ where σ′ was meant" },
  { mistake: "(1 − ŷ) missing", answer: (y, yHat) => each(y, yHat, (t, o) => (t - o) * o), hint: "a factor is missing" },
  { mistake: "a factor 2", answer: (y, yHat) => each(y, yHat, (t, o) => 2 * (t - o) * o * (1 - o)), hint: "no factor 2" },
  {
    mistake: "a row instead of a column",
    answer: (y, yHat) => [y.map((row, s) => (row[0]! - yHat[s]![0]!) * yHat[s]![0]! * (1 - yHat[s]![0]!))],
    hint: "your matrix is the transpose of the right one (1×15 instead of 15×1)",
  },
]);

describe("the reference output delta", () => {
  it("gives Xᵀ·δ = −∂E/∂W of a one-layer sigmoid network, as LayeredNetwork.gradients computes it", () => {
    const rng = new RandomState(5);
    const net = LayeredNetwork.fromRandom([3, 2], rng);
    const X = [[1, -2, 0.5], [0.3, 0.1, -1], [2, 2, 2], [-1, 0, 1]];
    const y = [[1, 0], [0, 0], [1, 1], [0, 1]];
    const yHat = net.forwardBatch(X)[0]!.toArray();
    const delta = outputDeltaOf(y, yHat);
    const adjustment = [0, 1, 2].map((i) => [0, 1].map((j) => X.reduce((sum, row, s) => sum + row[i]! * delta[s]![j]!, 0)));
    const gradient = net.gradients(X, y).weights[0]!;
    assertAllInDelta(adjustment, gradient.map((row) => row.map((g) => -g)), 1e-15);
    expect(delta).toHaveLength(4);
  });
});
