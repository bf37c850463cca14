import { Network221, type Params221, sigmoid } from "../core";
import { Exercise } from "./exercise";
import { normals, repeat } from "./random-inputs";

const σ = sigmoid.output;

/** How a mistaken feedforward computes o1: its own hidden neurons, then its own output neuron. */
function feedforwardWith(
  p: Params221,
  x: readonly number[],
  hidden: (p: Params221, x: readonly number[]) => [number, number],
  output: (p: Params221, h1: number, h2: number) => number,
): number {
  const [h1, h2] = hidden(p, x);
  return output(p, h1, h2);
}

const rightHidden = (p: Params221, x: readonly number[]): [number, number] => [
  σ(p.w1 * x[0]! + p.w2 * x[1]! + p.b1),
  σ(p.w3 * x[0]! + p.w4 * x[1]! + p.b2),
];
const rightOutput = (p: Params221, h1: number, h2: number) => σ(p.w5 * h1 + p.w6 * h2 + p.b3);

/** Notebook 02's worked example: every neuron with w = [0, 1], b = 0. */
const SHARED: Params221 = { w1: 0, w2: 1, w3: 0, w4: 1, w5: 0, w6: 1, b1: 0, b2: 0, b3: 0 };

/** Notebook 02: the 2-2-1 network's feedforward, h1, h2 from x, then o1 = y_pred from h1, h2. */
export const feedforward221Exercise = new Exercise<[p: Params221, x: number[]], number>({
  name: "feedforward221",
  notebook: "02-network-feedforward",
  checkName: "checkFeedforward221",
  parameters: ["p", "x"],
  reference: (p, x) => new Network221(p).feedforward(x),
  seed: 104,
  cases: (rng) => [
    { kind: "worked example", args: [SHARED, [2, 3]] },
    ...repeat(20, () => ({ kind: "random" as const, args: [Network221.fromRandom(rng).params, normals(rng, 2, 3)] as [Params221, number[]] })),
    { kind: "edge", args: [{ ...SHARED, w2: 0, w4: 0, w6: 0 }, [0, 0]] },
    { kind: "edge", args: [{ w1: 1, w2: -1, w3: -1, w4: 1, w5: 2, w6: -3, b1: 0.5, b2: -0.5, b3: 1 }, [1000, -1000]] },
  ],
  mistakes: [
    {
      answer: (p, x) => feedforwardWith({ ...p, b1: 0, b2: 0, b3: 0 }, x, rightHidden, rightOutput),
      hint: "the biases are missing: each neuron adds its own, b1 for h1, b2 for h2, b3 for o1.",
    },
    {
      answer: (p, x) => feedforwardWith({ ...p, b3: 0 }, x, rightHidden, rightOutput),
      hint: "the output neuron's bias b3 is missing: o1 = σ(w5·h1 + w6·h2 + b3).",
    },
    {
      answer: (p, x) => feedforwardWith({ ...p, w2: p.w3, w3: p.w2 }, x, rightHidden, rightOutput),
      hint: "the weights are crossed: h1 = σ(w1·x1 + w2·x2 + b1) and h2 = σ(w3·x1 + w4·x2 + b2).",
    },
    {
      answer: (p, x) => feedforwardWith({ ...p, w5: p.w6, w6: p.w5 }, x, rightHidden, rightOutput),
      hint: "w5 and w6 are swapped: w5 multiplies h1 and w6 multiplies h2.",
    },
    {
      answer: (p, x) => feedforwardWith(p, x, rightHidden, (q, h1, h2) => q.w5 * h1 + q.w6 * h2 + q.b3),
      hint: "that is o1's total input; the output neuron applies the sigmoid too: o1 = σ(w5·h1 + w6·h2 + b3).",
    },
    {
      answer: (p, x) => feedforwardWith(p, x, (q, v) => [q.w1 * v[0]! + q.w2 * v[1]! + q.b1, q.w3 * v[0]! + q.w4 * v[1]! + q.b2], rightOutput),
      hint: "the hidden neurons need their sigmoid too: h1 = σ(w1·x1 + w2·x2 + b1), likewise h2.",
    },
    {
      answer: (p, x) => rightOutput(p, x[0]!, x[1]!),
      hint: "the output neuron reads the hidden neurons' outputs h1, h2, not the inputs x1, x2.",
    },
    { answer: (p, x) => rightHidden(p, x)[0], hint: "that is h1; the network's answer is the output neuron's, o1 = σ(w5·h1 + w6·h2 + b3)." },
  ],
  nonFiniteHint: "a NaN or an infinity for a large input: compute σ as 1 / (1 + e^(−z)), or call the library's sigmoid.output(z).",
  confirms: "feedforward221(p, x) is o1 = σ(w5·h1 + w6·h2 + b3), with h1 and h2 from x, for any nine parameters",
});

/** Checks the learner's 2-2-1 feedforward and shows the verdict under the cell. */
export function checkFeedforward221(feedforward221: (p: Params221, x: number[]) => number): void {
  feedforward221Exercise.check(feedforward221);
}
