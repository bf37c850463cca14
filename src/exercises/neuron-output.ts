import { Neuron, sigmoid } from "../core";
import { Exercise } from "./exercise";
import { normals, repeat, whole } from "./random-inputs";

const σ = sigmoid.output;
const dot = (w: readonly number[], x: readonly number[]) => w.reduce((sum, wi, i) => sum + wi * x[i]!, 0);

/** Notebook 01: one neuron's feedforward, y = σ(w · x + b), for any number of inputs. */
export const neuronOutputExercise = new Exercise<[w: number[], b: number, x: number[]], number>({
  name: "neuronOutput",
  notebook: "01-neuron",
  checkName: "checkNeuronOutput",
  parameters: ["w", "b", "x"],
  reference: (w, b, x) => new Neuron(w, b).feedforward(x),
  seed: 103,
  cases: (rng) => [
    { kind: "worked example", args: [[0, 1], 4, [2, 3]] },
    ...repeat(20, () => {
      const n = whole(rng, 1, 5);
      return { kind: "random" as const, args: [normals(rng, n), rng.normal(), normals(rng, n, 3)] as [number[], number, number[]] };
    }),
    { kind: "edge", args: [[0, 0], 0, [5, -5]] },
    { kind: "edge", args: [[1, 1, 1], 0, [400, 400, 200]] },
    { kind: "edge", args: [[1, 1, 1], 0, [-400, -400, -200]] },
    { kind: "edge", args: [[2], -3, [1.5]] },
  ],
  mistakes: [
    { answer: (w, _b, x) => σ(dot(w, x)), hint: "the bias is missing: z = w · x + b." },
    { answer: (w, b, x) => dot(w, x) + b, hint: "that is the total input z = w · x + b; the neuron's output is σ(z)." },
    { answer: (w, b, x) => σ(dot(w, x)) + b, hint: "the bias goes inside the sigmoid: σ(w · x + b), not σ(w · x) + b." },
    { answer: (w, b, x) => σ(dot(w, x) - b), hint: "the bias is added, not subtracted: z = w · x + b." },
    { answer: (w, b, x) => σ(-(dot(w, x) + b)), hint: "sign flipped: that is σ(−z); σ(z) = 1 / (1 + e^(−z))." },
    {
      answer: (w, b, x) => σ(w[0]! * x[0]! + w[1]! * x[1]! + b),
      hint: "it uses exactly two inputs, w[0]·x[0] + w[1]·x[1]; a neuron can have any number n, so sum wᵢxᵢ over all of them (a loop or reduce).",
    },
  ],
  nonFiniteHint: "a NaN or an infinity for a large total input: compute σ as 1 / (1 + e^(−z)), or call the library's sigmoid.output(z).",
  confirms: "neuronOutput(w, b, x) is σ(w · x + b) for neurons with any number of inputs",
});

/** Checks the learner's neuron feedforward and shows the verdict under the cell. */
export function checkNeuronOutput(neuronOutput: (w: number[], b: number, x: number[]) => number): void {
  neuronOutputExercise.check(neuronOutput);
}
