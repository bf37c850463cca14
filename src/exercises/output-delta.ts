import { sigmoid } from "../core";
import { Exercise } from "./exercise";
import { zipEntries, type Rows } from "./matrix-arrays";
import { labels, repeat, unitRows, whole } from "./random-inputs";
import { tutorial2Stage1 } from "./worked-examples";

/** δ = (y − ŷ) ⊙ f′ for a sigmoid output, its slope written from the output: the delta rule's output delta. */
export function outputDeltaOf(y: Rows, yHat: Rows): Rows {
  return zipEntries(y, yHat, (target, output) => (target - output) * sigmoid.derFromOutput(output));
}

const σ = sigmoid.output;

/** Notebook 06: the output layer's delta, δ₂ = (y − ŷ) ⊙ ŷ ⊙ (1 − ŷ). */
export const outputDeltaExercise = new Exercise<[y: Rows, yHat: Rows], Rows>({
  name: "outputDelta",
  notebook: "06-classifier-from-scratch",
  checkName: "checkOutputDelta",
  parameters: ["y", "yHat"],
  reference: outputDeltaOf,
  seed: 110,
  cases: (rng) => {
    const { y, yHat } = tutorial2Stage1();
    return [
      { kind: "worked example", args: [y, yHat] },
      ...repeat(12, () => {
        const [n, k] = [whole(rng, 1, 6), whole(rng, 1, 2)];
        return { kind: "random" as const, args: [repeat(n, () => labels(rng, k)), unitRows(rng, n, k)] as [Rows, Rows] };
      }),
      { kind: "edge", args: [[[1], [0], [1], [0]], [[0], [1], [1], [0]]] },
      { kind: "edge", args: [[[1], [0]], [[0.5], [0.5]]] },
    ];
  },
  mistakes: [
    {
      answer: (y, yHat) => zipEntries(y, yHat, (t, o) => (o - t) * o * (1 - o)),
      hint: "sign flipped: δ₂ = (y − ŷ) ⊙ ŷ ⊙ (1 − ŷ). It is −∂E/∂z, which is why the delta rule adds it.",
    },
    { answer: (y, yHat) => zipEntries(y, yHat, (t, o) => t - o), hint: "the slope is missing: multiply the error y − ŷ by σ′ = ŷ ⊙ (1 − ŷ)." },
    {
      answer: (y, yHat) => zipEntries(y, yHat, (t, o) => (t - o) * σ(o) * (1 - σ(o))),
      hint: "σ′ of ŷ as if ŷ were a total input: ŷ is already σ(z), so σ′ = ŷ(1 − ŷ), with no second σ (tutorial 2's x * (1 - x)).",
    },
    { answer: (y, yHat) => zipEntries(y, yHat, (t, o) => (t - o) * σ(o)), hint: "σ where σ′ was meant: the slope of the output unit is ŷ ⊙ (1 − ŷ)." },
    { answer: (y, yHat) => zipEntries(y, yHat, (t, o) => (t - o) * o), hint: "a factor is missing: σ′ = ŷ ⊙ (1 − ŷ), both ŷ and 1 − ŷ." },
    { answer: (y, yHat) => zipEntries(y, yHat, (t, o) => (t - o) * (1 - o)), hint: "a factor is missing: σ′ = ŷ ⊙ (1 − ŷ), both ŷ and 1 − ŷ." },
    {
      answer: (y, yHat) => zipEntries(y, yHat, (t, o) => 2 * (t - o) * o * (1 - o)),
      hint: "no factor 2: the delta rule descends E = ½ Σ (y − ŷ)², whose ½ cancels the 2 of the square.",
    },
  ],
  confirms: "outputDelta(y, ŷ) is δ₂ = (y − ŷ) ⊙ ŷ ⊙ (1 − ŷ) for any batch",
});

/** Checks the learner's output delta and shows the verdict under the cell. */
export function checkOutputDelta(outputDelta: (y: number[][], yHat: number[][]) => number[][]): void {
  outputDeltaExercise.check(outputDelta);
}
