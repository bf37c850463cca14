import { Exercise } from "./exercise";
import { mapEntries, product, transpose, zipEntries, type Rows } from "./matrix-arrays";
import { normalRows, repeat, whole } from "./random-inputs";
import { outputDeltaOf } from "./output-delta";
import { tutorial2Stage1 } from "./worked-examples";

type Args = [W: Rows, a: Rows, delta: Rows, learnRate: number];

/** W + η · aᵀ·δ: the delta rule's update of the weights from a layer with outputs `a` into units with deltas `delta`. */
export function updatedLayer(W: Rows, a: Rows, delta: Rows, learnRate: number): Rows {
  return zipEntries(W, product(transpose(a), delta), (w, adjustment) => w + learnRate * adjustment);
}

/** Notebook 06's worked example: W2's first update at Stage 1, from the hidden outputs H and the output delta δ₂. */
function workedExample(): Args {
  const { y, W2, H, yHat } = tutorial2Stage1();
  return [W2, H, outputDeltaOf(y, yHat), 1];
}

/** Notebook 06: the delta rule's update of one layer, W ← W + η aᵀ·δ. */
export const updateLayerExercise = new Exercise<Args, Rows>({
  name: "updateLayer",
  notebook: "06-classifier-from-scratch",
  checkName: "checkUpdateLayer",
  parameters: ["W", "a", "delta", "learnRate"],
  reference: updatedLayer,
  seed: 111,
  cases: (rng) => [
    { kind: "worked example", args: workedExample() },
    ...repeat(12, () => {
      const [n, nIn, nOut] = [whole(rng, 1, 6), whole(rng, 1, 4), whole(rng, 1, 3)];
      return {
        kind: "random" as const,
        args: [normalRows(rng, nIn, nOut), normalRows(rng, n, nIn), normalRows(rng, n, nOut, 0.2), rng.uniform(0.01, 2)] as Args,
      };
    }),
    { kind: "edge", args: [normalRows(rng, 3, 3), normalRows(rng, 3, 3), normalRows(rng, 3, 3, 0.2), 0.5] },
    { kind: "edge", args: [[[0.5, -0.5]], [[2]], [[0.1, -0.3]], 1] },
  ],
  mistakes: [
    {
      answer: (W, a, d, eta) => updatedLayer(W, a, d, -eta),
      hint: "− instead of +: the deltas are −∂E/∂z already, so the delta rule adds, W + η aᵀ·δ (a step against the gradient).",
    },
    { answer: (W, a, d) => updatedLayer(W, a, d, 1), hint: "the learning rate is missing: W + η aᵀ·δ." },
    {
      answer: (_W, a, d, eta) => mapEntries(product(transpose(a), d), (v) => eta * v),
      hint: "that is the adjustment η aᵀ·δ alone; the new weights are W plus it.",
    },
    {
      answer: (W, a, d, eta) => updatedLayer(W, a, d, eta / a.length),
      hint: "no mean here: aᵀ·δ already sums over the samples, and the delta rule adds that sum (times η).",
    },
    {
      answer: (W, a, d, eta) => zipEntries(W, product(transpose(d), a), (w, v) => w + eta * v),
      hint: "δᵀ·a is the transpose of the adjustment: aᵀ·δ has one row per unit of the layer below and one column per unit above, like W.",
    },
  ],
  confirms: "updateLayer(W, a, δ, η) is the delta rule's W + η aᵀ·δ for any shapes",
});

/** Checks the learner's delta-rule update and shows the verdict under the cell. */
export function checkUpdateLayer(updateLayer: (W: number[][], a: number[][], delta: number[][], learnRate: number) => number[][]): void {
  updateLayerExercise.check(updateLayer);
}
