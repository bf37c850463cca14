import { LayeredNetwork, relu, sigmoid } from "../core";
import { Exercise } from "./exercise";
import { mapEntries, product, type Rows } from "./matrix-arrays";
import { normalRows, normals, repeat, whole } from "./random-inputs";

type Args = [X: Rows, W: Rows, b: number[]];

/** X·W with `addBias(z, i, j)` applied to every total input (row i is a sample, column j a unit). */
const totals = (X: Rows, W: Rows, addBias: (z: number, i: number, j: number) => number) => mapEntries(product(X, W), addBias);

/** Notebook 07's small worked example: two samples, two inputs, three relu units. */
const WORKED: Args = [
  [[1, 2], [-1, 0.5]],
  [[1, -1, 0.5], [0.5, 1, -2]],
  [0, 0.5, -1],
];

/** Notebook 07: a relu layer with biases for a whole batch, max(0, X·W + b), b added to every row. */
export const reluLayerExercise = new Exercise<Args, Rows>({
  name: "reluLayer",
  notebook: "07-playground",
  checkName: "checkReluLayer",
  parameters: ["X", "W", "b"],
  reference: (X, W, b) =>
    new LayeredNetwork([W.length, W[0]!.length], { weights: [W], biases: [b] }, { activation: "relu" }).forwardBatch(X)[0]!.toArray(),
  seed: 113,
  cases: (rng) => [
    { kind: "worked example", args: WORKED },
    ...repeat(12, () => {
      const [n, nIn, nOut] = [whole(rng, 1, 5), whole(rng, 1, 4), whole(rng, 1, 4)];
      return { kind: "random" as const, args: [normalRows(rng, n, nIn, 2), normalRows(rng, nIn, nOut), normals(rng, nOut)] as Args };
    }),
    { kind: "edge", args: [normalRows(rng, 3, 3), normalRows(rng, 3, 3), normals(rng, 3)] },
    { kind: "edge", args: [[[0, 0]], [[1, 2], [3, 4]], [0, 0]] },
    { kind: "edge", args: [[[1, 1]], [[-1], [-1]], [-0.5]] },
  ],
  mistakes: [
    { answer: (X, W) => totals(X, W, (z) => relu.output(z)), hint: "the bias is missing: max(0, X·W + b)." },
    { answer: (X, W, b) => totals(X, W, (z, _i, j) => z + b[j]!), hint: "those are the total inputs X·W + b; the layer's output is relu of them, max(0, ·)." },
    {
      answer: (X, W, b) => totals(X, W, (z, _i, j) => relu.output(z) + b[j]!),
      hint: "the bias goes inside the relu: max(0, X·W + b), not max(0, X·W) + b.",
    },
    { answer: (X, W, b) => totals(X, W, (z, _i, j) => Math.min(0, z + b[j]!)), hint: "max, not min: relu keeps the positive totals and zeroes the negative ones." },
    {
      answer: (X, W, b) => totals(X, W, (z, _i, j) => sigmoid.output(z + b[j]!)),
      hint: "that is the sigmoid; relu is max(0, z).",
    },
    {
      answer: (X, W, b) => totals(X, W, (z, i) => relu.output(z + b[i]!)),
      hint: "b has one entry per unit, that is per column: add b[j] to column j of every row (b[i] would pick by sample).",
    },
  ],
  confirms: "reluLayer(X, W, b) is max(0, X·W + b), with b added to every sample's row, for any shapes",
});

/** Checks the learner's relu layer and shows the verdict under the cell. */
export function checkReluLayer(reluLayer: (X: number[][], W: number[][], b: number[]) => number[][]): void {
  reluLayerExercise.check(reluLayer);
}
