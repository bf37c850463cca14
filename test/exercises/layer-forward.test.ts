import { describe, expect, it } from "vitest";
import { sigmoid } from "../../src/core";
import { layerForwardExercise } from "../../src/exercises";
import { describeExercise } from "./table";

const times = (X: number[][], W: number[][]) => X.map((row) => W[0]!.map((_, j) => row.reduce((z, xi, i) => z + xi * W[i]![j]!, 0)));
const each = (M: number[][], f: (v: number) => number) => M.map((row) => row.map(f));

/** The notebook's solution cell, verbatim. */
function layerForward(X: number[][], W: number[][]): number[][] {
  return X.map((row) => W[0].map((_, j) => sigmoid.output(row.reduce((z, xi, i) => z + xi * W[i][j], 0))));
}

describeExercise(layerForwardExercise, layerForward, [
  { mistake: "no sigmoid", answer: (X, W) => times(X, W), hint: "those are the total inputs X·W" },
  { mistake: "σ′ instead of σ", answer: (X, W) => each(times(X, W), sigmoid.der), hint: "that is σ′(X·W)" },
  { mistake: "σ before the product", answer: (X, W) => times(each(X, sigmoid.output), W), hint: "σ comes after the product" },
  { mistake: "the sign flipped", answer: (X, W) => each(times(X, W), (z) => 1 / (1 + Math.exp(z))), hint: "sign flipped" },
  {
    mistake: "the result transposed (units as rows)",
    answer: (X, W) => W[0]!.map((_, j) => X.map((row) => sigmoid.output(row.reduce((z, xi, i) => z + xi * W[i]![j]!, 0)))),
    hint: "your matrix is the transpose of the right one (4×15 instead of 15×4)",
  },
  { mistake: "only the first sample", answer: (X, W) => each(times(X, W), sigmoid.output).slice(0, 1), hint: "wrong shape: the result should be 15×4, yours is 1×4" },
  {
    mistake: "σ written as e^z / (1 + e^z), NaN for a large total",
    answer: (X, W) => each(times(X, W), (z) => Math.exp(z) / (1 + Math.exp(z))),
    hint: "a NaN or an infinity for a large total input",
  },
]);

describe("checkLayerForward's worked example", () => {
  it("is the fifteen points and Stage 1's W1 (2×4)", () => {
    const [X, W] = layerForwardExercise.cases[0]!.args;
    expect([X.length, X[0]!.length, W.length, W[0]!.length]).toEqual([15, 2, 2, 4]);
    expect(W[0]![0]).toBeCloseTo(-0.16595599, 8);
  });
});
