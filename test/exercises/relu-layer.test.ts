import { describe, expect, it } from "vitest";
import { reluLayerExercise } from "../../src/exercises";
import { describeExercise } from "./table";

const totals = (X: number[][], W: number[][], b: number[]) => X.map((row) => b.map((bj, j) => row.reduce((z, xi, i) => z + xi * W[i]![j]!, 0) + bj));
const each = (M: number[][], f: (v: number) => number) => M.map((row) => row.map(f));
const relu = (z: number) => Math.max(0, z);

/** The notebook's solution cell, verbatim. */
function reluLayer(X: number[][], W: number[][], b: number[]): number[][] {
  return X.map((row) => b.map((bj, j) => Math.max(0, row.reduce((z, xi, i) => z + xi * W[i][j], 0) + bj)));
}

describeExercise(reluLayerExercise, reluLayer, [
  { mistake: "the bias forgotten", answer: (X, W, b) => each(totals(X, W, b.map(() => 0)), relu), hint: "the bias is missing" },
  { mistake: "no relu", answer: (X, W, b) => totals(X, W, b), hint: "those are the total inputs X·W + b" },
  {
    mistake: "the bias added after the relu",
    answer: (X, W, b) => each(totals(X, W, b.map(() => 0)), relu).map((row) => row.map((v, j) => v + b[j]!)),
    hint: "the bias goes inside the relu",
  },
  { mistake: "min for max", answer: (X, W, b) => each(totals(X, W, b), (z) => Math.min(0, z)), hint: "max, not min" },
  { mistake: "the sigmoid", answer: (X, W, b) => each(totals(X, W, b), (z) => 1 / (1 + Math.exp(-z))), hint: "that is the sigmoid" },
  {
    mistake: "the bias picked by sample",
    answer: (X, W, b) => each(totals(X, W, b.map(() => 0)), (z) => z).map((row, i) => row.map((z) => relu(z + b[i]!))),
    hint: "b has one entry per unit",
  },
]);

describe("checkReluLayer's worked example", () => {
  it("is the prompt's: max(0, XW + b) = [[2, 1.5, 0], [0, 2, 0]]", () => {
    const [X, W, b] = reluLayerExercise.cases[0]!.args;
    expect(reluLayerExercise.spec.reference(X, W, b)).toEqual([[2, 1.5, 0], [0, 2, 0]]);
  });
});
