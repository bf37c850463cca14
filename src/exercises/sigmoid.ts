import { sigmoid } from "../core";
import { Exercise } from "./exercise";
import { repeat } from "./random-inputs";

/** Notebook 01: the sigmoid, σ(z) = 1 / (1 + e^(−z)). */
export const sigmoidExercise = new Exercise<[z: number], number>({
  name: "sigma",
  notebook: "01-neuron",
  checkName: "checkSigmoid",
  parameters: ["z"],
  reference: (z) => sigmoid.output(z),
  seed: 101,
  cases: (rng) => [
    { kind: "worked example", args: [7] },
    ...repeat(20, () => ({ kind: "random" as const, args: [rng.normal(0, 5)] as [number] })),
    ...[0, 40, -40, 710, -710, 1000, -1000].map((z) => ({ kind: "edge" as const, args: [z] as [number] })),
  ],
  mistakes: [
    {
      answer: (z) => Math.exp(z) / (1 + Math.exp(z)),
      hint: "e^z / (1 + e^z) is σ(z) on paper, but beyond z ≈ 709 e^z overflows to Infinity, and Infinity / Infinity is NaN. Write 1 / (1 + e^(−z)): there e^(−z) is simply 0.",
    },
    { answer: (z) => 1 / (1 + Math.exp(z)), hint: "sign flipped: 1 / (1 + e^z) is σ(−z). The exponent is −z." },
    {
      answer: (z) => Math.exp(-z) / (1 + Math.exp(-z)),
      hint: "e^(−z) / (1 + e^(−z)) is 1 − σ(z): the numerator is 1, σ(z) = 1 / (1 + e^(−z)).",
    },
    {
      answer: (z) => 1 + Math.exp(-z),
      hint: "that is the denominator 1 + e^(−z) itself. Divide 1 by it, with brackets: 1 / (1 + Math.exp(-z)) (1 / 1 + Math.exp(-z) is 1 + e^(−z)).",
    },
    { answer: (z) => 1 / (1 - Math.exp(-z)), hint: "the denominator is 1 + e^(−z), not 1 − e^(−z)." },
    { answer: (z) => sigmoid.output(z) * (1 - sigmoid.output(z)), hint: "that is the slope σ′(z) = σ(z)(1 − σ(z)); this exercise wants σ(z) itself." },
    { answer: (z) => Math.tanh(z), hint: "that is tanh(z), which runs from −1 to 1; the sigmoid is 1 / (1 + e^(−z)), from 0 to 1." },
    { answer: (z) => 1 / (1 + 2.718 ** -z), hint: "2.718 is close to e but not e: use Math.exp(-z) (or Math.E)." },
  ],
  nonFiniteHint:
    "a NaN or an infinity for a large |z|: e^z overflows to Infinity beyond z ≈ 709. Write σ(z) = 1 / (1 + e^(−z)): for large z, e^(−z) is 0; for very negative z, 1 / Infinity is 0.",
  confirms: "sigma(z) is σ(z) = 1 / (1 + e^(−z)), with no NaN or Infinity even at z = ±1000",
});

/** Checks the learner's σ(z) and shows the verdict under the cell. */
export function checkSigmoid(sigma: (z: number) => number): void {
  sigmoidExercise.check(sigma);
}
