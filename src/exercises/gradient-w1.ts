import { Network221, type Params221, sigmoid } from "../core";
import { Exercise, type Mistake } from "./exercise";
import { label, normals, repeat } from "./random-inputs";

type Args = [p: Params221, x: number[], yTrue: number];

/** The pieces of ∂L/∂w1, each replaceable by a mistaken version. */
interface Pieces {
  /** Activation applied in the forward pass. */
  f: (z: number) => number;
  /** The factor ∂L/∂y_pred. */
  dL: (yTrue: number, yPred: number) => number;
  /** The slope at the output neuron, from its total input and output. */
  slopeO1: (sumO1: number, o1: number) => number;
  /** The slope at h1, from its total input and output. */
  slopeH1: (sumH1: number, h1: number) => number;
  /** The weight on h1's path to the output. */
  weight: (p: Params221) => number;
  /** The input that w1 multiplies. */
  input: (x: readonly number[]) => number;
  /** Whether the forward pass adds the biases. */
  biases: boolean;
  /** Which of the three factors are multiplied. */
  factors: readonly ("dL" | "dYpred_dH1" | "dH1_dW1")[];
}

const RIGHT: Pieces = {
  f: sigmoid.output,
  dL: (t, y) => -2 * (t - y),
  slopeO1: (sum) => sigmoid.der(sum),
  slopeH1: (sum) => sigmoid.der(sum),
  weight: (p) => p.w5,
  input: (x) => x[0]!,
  biases: true,
  factors: ["dL", "dYpred_dH1", "dH1_dW1"],
};

/** ∂L/∂w1 computed with some pieces replaced: what a learner with that mistake gets. */
function gradientWith(changes: Partial<Pieces>): (...args: Args) => number {
  const k = { ...RIGHT, ...changes };
  return (p, x, yTrue) => {
    const b = k.biases ? p : { ...p, b1: 0, b2: 0, b3: 0 };
    const sumH1 = p.w1 * x[0]! + p.w2 * x[1]! + b.b1;
    const h1 = k.f(sumH1);
    const h2 = k.f(p.w3 * x[0]! + p.w4 * x[1]! + b.b2);
    const sumO1 = p.w5 * h1 + p.w6 * h2 + b.b3;
    const yPred = k.f(sumO1);
    const factor = {
      dL: k.dL(yTrue, yPred),
      dYpred_dH1: k.weight(p) * k.slopeO1(sumO1, yPred),
      dH1_dW1: k.input(x) * k.slopeH1(sumH1, h1),
    };
    return k.factors.reduce((product, name) => product * factor[name], 1);
  };
}

const SIGMA_NOT_SLOPE = "σ(…) where σ′(…) was meant: each slope is σ′(z) = σ(z)(1 − σ(z)), taken at the total input z (the library's sigmoid.der(z)).";
const SLOPE_OF_OUTPUT =
  "σ′ of a neuron's output: the slope is taken at its total input, σ′(z_h1) (= h1(1 − h1)); sigmoid.der(h1) applies the sigmoid once too often.";
const MISSING_FACTOR = "a factor is missing: w1 reaches L through h1 and then y_pred, so ∂L/∂w1 = ∂L/∂y_pred · ∂y_pred/∂h1 · ∂h1/∂w1.";

const mistakes: Mistake<Args>[] = [
  { answer: gradientWith({ dL: (t, y) => 2 * (t - y) }), hint: "sign flipped: ∂L/∂y_pred = −2 (y_true − y_pred)." },
  { answer: gradientWith({ dL: (t, y) => -(t - y) }), hint: "the factor 2 is missing: ∂L/∂y_pred = −2 (y_true − y_pred)." },
  { answer: gradientWith({ weight: (p) => p.w6 }), hint: "∂y_pred/∂h1 = w5·σ′(z_o1): w5 is the weight from h1 to o1 (w6 comes from h2)." },
  { answer: gradientWith({ input: (x) => x[1]! }), hint: "∂h1/∂w1 = x1·σ′(z_h1): w1 multiplies x1, the first input." },
  { answer: gradientWith({ slopeO1: sigmoid.output, slopeH1: sigmoid.output }), hint: SIGMA_NOT_SLOPE },
  { answer: gradientWith({ slopeO1: sigmoid.output }), hint: SIGMA_NOT_SLOPE },
  { answer: gradientWith({ slopeH1: sigmoid.output }), hint: SIGMA_NOT_SLOPE },
  { answer: gradientWith({ slopeO1: (_s, o) => sigmoid.der(o), slopeH1: (_s, h) => sigmoid.der(h) }), hint: SLOPE_OF_OUTPUT },
  { answer: gradientWith({ slopeO1: (_s, o) => sigmoid.der(o) }), hint: SLOPE_OF_OUTPUT },
  { answer: gradientWith({ slopeH1: (_s, h) => sigmoid.der(h) }), hint: SLOPE_OF_OUTPUT },
  { answer: gradientWith({ factors: ["dL", "dH1_dW1"] }), hint: MISSING_FACTOR },
  { answer: gradientWith({ factors: ["dL", "dYpred_dH1"] }), hint: MISSING_FACTOR },
  { answer: gradientWith({ factors: ["dYpred_dH1", "dH1_dW1"] }), hint: MISSING_FACTOR },
  { answer: gradientWith({ slopeO1: () => 1 }), hint: "∂y_pred/∂h1 = w5·σ′(z_o1), not w5 alone: the output neuron's sigmoid is on the path." },
  { answer: gradientWith({ slopeH1: () => 1 }), hint: "∂h1/∂w1 = x1·σ′(z_h1), not x1 alone: h1's sigmoid is on the path." },
  { answer: gradientWith({ input: () => 1 }), hint: "∂h1/∂w1 = x1·σ′(z_h1): the input x1 is a factor." },
  { answer: gradientWith({ biases: false }), hint: "the forward pass is missing the biases b1, b2, b3." },
];

/** Notebook 04's worked example: every weight 1, every bias 0. */
const ONES: Params221 = { w1: 1, w2: 1, w3: 1, w4: 1, w5: 1, w6: 1, b1: 0, b2: 0, b3: 0 };

/** Notebook 04: the whole chain-rule product ∂L/∂w1 for one sample, L = (y_true − y_pred)². */
export const gradientW1Exercise = new Exercise<Args, number>({
  name: "gradientW1",
  notebook: "04-backpropagation",
  checkName: "checkGradientW1",
  parameters: ["p", "x", "yTrue"],
  reference: (p, x, yTrue) => new Network221(p).backprop(x, yTrue).gradient.w1,
  seed: 107,
  cases: (rng) => [
    { kind: "worked example", args: [ONES, [-2, -1], 1] },
    ...repeat(20, () => ({ kind: "random" as const, args: [Network221.fromRandom(rng).params, normals(rng, 2, 2), label(rng)] as Args })),
    { kind: "edge", args: [ONES, [0, 0], 1] },
    { kind: "edge", args: [{ ...ONES, w5: -1 }, [1, 0.5], 0] },
  ],
  mistakes,
  nonFiniteHint: "a NaN or an infinity: compute σ as 1 / (1 + e^(−z)) and σ′ as σ(z)(1 − σ(z)), or use the library's sigmoid.output and sigmoid.der.",
  confirms: "gradientW1(p, x, yTrue) is ∂L/∂w1 = ∂L/∂y_pred · ∂y_pred/∂h1 · ∂h1/∂w1 for any parameters and sample",
});

/** Checks the learner's ∂L/∂w1 and shows the verdict under the cell. */
export function checkGradientW1(gradientW1: (p: Params221, x: number[], yTrue: number) => number): void {
  gradientW1Exercise.check(gradientW1);
}
