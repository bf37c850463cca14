import { sigmoid, tanh } from "../core";
import { Exercise } from "./exercise";
import { repeat } from "./random-inputs";

const σ = sigmoid.output;

/** Notebook 01: the sigmoid's slope written from its output, σ′ = y (1 − y) for y = σ(z). */
export const sigmoidSlopeExercise = new Exercise<[y: number], number>({
  name: "sigmaPrime",
  notebook: "01-neuron",
  checkName: "checkSigmoidSlope",
  parameters: ["y"],
  reference: (y) => sigmoid.derFromOutput(y),
  seed: 102,
  cases: (rng) => [
    { kind: "worked example", args: [σ(7)] },
    ...repeat(20, () => ({ kind: "random" as const, args: [rng.uniform(0.001, 0.999)] as [number] })),
    ...[0.5, 0, 1, 1e-9, 1 - 1e-9].map((y) => ({ kind: "edge" as const, args: [y] as [number] })),
  ],
  mistakes: [
    {
      answer: (y) => σ(y) * (1 - σ(y)),
      hint: "that is σ′ at y, as if y were the total input: σ(y)(1 − σ(y)). But y is already the output σ(z), so the slope is y(1 − y), with no second σ.",
    },
    { answer: (y) => y, hint: "that is the output y itself; its slope is y(1 − y)." },
    { answer: (y) => y * (1 + y), hint: "(1 − y), not (1 + y): σ′ = y(1 − y)." },
    { answer: (y) => y * y - y, hint: "sign flipped: σ′ = y(1 − y) = y − y², which is never negative." },
    { answer: (y) => 1 - y, hint: "a factor is missing: σ′ = y · (1 − y)." },
    { answer: (y) => 2 * y * (1 - y), hint: "no factor 2: σ′ = y(1 − y)." },
    { answer: (y) => tanh.derFromOutput(y), hint: "1 − y² is tanh's slope written from its output; the sigmoid's is y(1 − y)." },
  ],
  confirms: "sigmaPrime(y) is the sigmoid's slope written from its output, y(1 − y)",
});

/** Checks the learner's σ′ written from the output y and shows the verdict under the cell. */
export function checkSigmoidSlope(sigmaPrime: (y: number) => number): void {
  sigmoidSlopeExercise.check(sigmaPrime);
}
