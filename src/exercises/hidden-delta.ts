import { sigmoid, tanh } from "../core";
import { Exercise } from "./exercise";
import { mapEntries, product, transpose, zipEntries, type Rows } from "./matrix-arrays";
import { outputDeltaOf } from "./output-delta";
import { normalRows, repeat, whole } from "./random-inputs";
import { tutorial2Stage1 } from "./worked-examples";

type Args = [deltaNext: Rows, W: Rows, A: Rows];

/** (δ_next · Wᵀ) ⊙ f′ for a tanh layer with outputs A, f′ written from the output as 1 − A ⊙ A. */
export function tanhHiddenDeltaOf(deltaNext: Rows, W: Rows, A: Rows): Rows {
  return zipEntries(product(deltaNext, transpose(W)), A, (error, a) => error * tanh.derFromOutput(a));
}

/** The delta with the error sent back by `error` and scaled by `slope` of each output: what a mistaken answer computes. */
const deltaWith = (error: (deltaNext: Rows, W: Rows) => Rows, slope: (a: number) => number) => (deltaNext: Rows, W: Rows, A: Rows) =>
  zipEntries(error(deltaNext, W), A, (e, a) => e * slope(a));

const backAlongW = (deltaNext: Rows, W: Rows) => product(deltaNext, transpose(W));

/** Tutorial 2's points and seeded 2-4-1 network with a tanh hidden layer: W2, the hidden outputs, the output delta. */
function workedExample(): Args {
  const { y, W2, H, yHat } = tutorial2Stage1("tanh");
  return [outputDeltaOf(y, yHat), W2, H];
}

/** Notebook 07: a tanh hidden layer's delta in matrix form, (δ · Wᵀ) ⊙ (1 − A ⊙ A). */
export const hiddenDeltaExercise = new Exercise<Args, Rows>({
  name: "hiddenDelta",
  notebook: "07-playground",
  checkName: "checkHiddenDelta",
  parameters: ["deltaNext", "W", "A"],
  reference: tanhHiddenDeltaOf,
  seed: 114,
  cases: (rng) => [
    { kind: "worked example", args: workedExample() },
    ...repeat(12, () => {
      const [n, size, nNext] = [whole(rng, 1, 5), whole(rng, 1, 4), whole(rng, 1, 3)];
      const A = mapEntries(normalRows(rng, n, size), Math.tanh);
      return { kind: "random" as const, args: [normalRows(rng, n, nNext, 0.3), normalRows(rng, size, nNext), A] as Args };
    }),
    { kind: "edge", args: [normalRows(rng, 3, 3, 0.3), normalRows(rng, 3, 3), mapEntries(normalRows(rng, 3, 3), Math.tanh)] },
    { kind: "edge", args: [[[0.2, -0.1]], [[1, 2], [-1, 0.5]], [[0, 0.99]]] },
  ],
  mistakes: [
    {
      answer: deltaWith(backAlongW, (a) => sigmoid.derFromOutput(a)),
      hint: "A ⊙ (1 − A) is the sigmoid's slope; this layer is tanh, whose slope from its output is 1 − A ⊙ A.",
    },
    {
      answer: deltaWith(backAlongW, (a) => tanh.der(a)),
      hint: "tanh′ of A as if A were the total input: A is already tanh(Z), so the slope is 1 − A ⊙ A, with no second tanh.",
    },
    { answer: deltaWith(backAlongW, () => 1), hint: "the slope is missing: multiply δ·Wᵀ entry by entry by f′ = 1 − A ⊙ A." },
    { answer: deltaWith(backAlongW, (a) => 1 - a), hint: "tanh's slope is 1 − A ⊙ A: the output is squared." },
    {
      answer: deltaWith((d, W) => product(d, W), (a) => tanh.derFromOutput(a)),
      hint: "W is not transposed: W maps this layer to the next (size × next), so the deltas come back along it as δ·Wᵀ.",
    },
    {
      answer: deltaWith(backAlongW, (a) => -tanh.derFromOutput(a)),
      hint: "sign flipped: the layer's deltas are (δ·Wᵀ) ⊙ (1 − A ⊙ A), with the same sign convention as the next layer's δ.",
    },
  ],
  confirms: "hiddenDelta(δ, W, A) is (δ·Wᵀ) ⊙ (1 − A ⊙ A), a tanh layer's delta, for any shapes",
});

/** Checks the learner's matrix-form hidden delta and shows the verdict under the cell. */
export function checkHiddenDelta(hiddenDelta: (deltaNext: number[][], W: number[][], A: number[][]) => number[][]): void {
  hiddenDeltaExercise.check(hiddenDelta);
}
