import { LayeredNetwork, sigmoid } from "../core";
import { Exercise } from "./exercise";
import { mapEntries, product, type Rows } from "./matrix-arrays";
import { normalRows, repeat, whole } from "./random-inputs";
import { tutorial2Stage1 } from "./worked-examples";

const σ = sigmoid.output;

/** Notebook 06: one layer for a whole batch, H = σ(X·W), one row per sample. */
export const layerForwardExercise = new Exercise<[X: Rows, W: Rows], Rows>({
  name: "layerForward",
  notebook: "06-classifier-from-scratch",
  checkName: "checkLayerForward",
  parameters: ["X", "W"],
  reference: (X, W) => new LayeredNetwork([W.length, W[0]!.length], { weights: [W], biases: null }).forwardBatch(X)[0]!.toArray(),
  seed: 109,
  cases: (rng) => {
    const { X, W1 } = tutorial2Stage1();
    return [
      { kind: "worked example", args: [X, W1] },
      ...repeat(12, () => {
        const [n, nIn, nOut] = [whole(rng, 1, 5), whole(rng, 1, 4), whole(rng, 1, 4)];
        return { kind: "random" as const, args: [normalRows(rng, n, nIn, 2), normalRows(rng, nIn, nOut)] as [Rows, Rows] };
      }),
      { kind: "edge", args: [normalRows(rng, 3, 3), normalRows(rng, 3, 3)] },
      { kind: "edge", args: [[[400, -400]], [[1, -1, 2], [-1, 1, 0.5]]] },
      { kind: "edge", args: [[[0.5]], [[-2]]] },
    ];
  },
  mistakes: [
    { answer: (X, W) => product(X, W), hint: "those are the total inputs X·W; the layer's output applies σ to every entry: σ(X·W)." },
    {
      answer: (X, W) => mapEntries(product(X, W), (z) => sigmoid.der(z)),
      hint: "that is σ′(X·W), the slope; the layer's output is σ(X·W).",
    },
    { answer: (X, W) => product(mapEntries(X, σ), W), hint: "σ comes after the product: σ(X·W), not σ(X)·W." },
    {
      answer: (X, W) => mapEntries(product(X, W), (z) => σ(-z)),
      hint: "sign flipped: that is σ(−X·W); σ(z) = 1 / (1 + e^(−z)).",
    },
  ],
  nonFiniteHint: "a NaN or an infinity for a large total input: compute σ as 1 / (1 + e^(−z)), or call the library's sigmoid.output(z).",
  confirms: "layerForward(X, W) is σ(X·W), a layer's outputs for a whole batch, for any shapes",
});

/** Checks the learner's batch forward pass through one layer and shows the verdict under the cell. */
export function checkLayerForward(layerForward: (X: number[][], W: number[][]) => number[][]): void {
  layerForwardExercise.check(layerForward);
}
