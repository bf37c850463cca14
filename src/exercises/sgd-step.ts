import { Network221, PARAM_NAMES_221, type Params221 } from "../core";
import { genderDataset } from "../data";
import { RandomState } from "../random";
import { Exercise } from "./exercise";
import { label, normals, repeat } from "./random-inputs";

type Args = [p: Params221, x: number[], yTrue: number, learnRate: number];

/** Every parameter moved to `step(value, gradient, learnRate)`, the gradient being backprop's for the sample. */
function stepWith(step: (value: number, gradient: number, learnRate: number, name: string) => number): (...args: Args) => Params221 {
  return (p, x, yTrue, learnRate) => {
    const gradient = new Network221(p).backprop(x, yTrue).gradient;
    const next = { ...p };
    for (const name of PARAM_NAMES_221) next[name] = step(p[name], gradient[name], learnRate, name);
    return next;
  };
}

/** Notebook 05's first update: the seed-0 network, Alice, η = 0.1. */
function workedExample(): Args {
  const { inputs, labels } = genderDataset();
  return [Network221.fromRandom(new RandomState(0)).params, inputs[0]!, labels[0]!, 0.1];
}

/** Notebook 05: one stochastic-gradient-descent update for one sample, p ← p − η ∂L/∂p for all nine parameters. */
export const sgdStepExercise = new Exercise<Args, Params221>({
  name: "sgdStep",
  notebook: "05-training",
  checkName: "checkSgdStep",
  parameters: ["p", "x", "yTrue", "learnRate"],
  reference: (p, x, yTrue, learnRate) => {
    const net = new Network221(p);
    net.train([x], [yTrue], { epochs: 1, learnRate });
    return net.params;
  },
  seed: 108,
  cases: (rng) => [
    { kind: "worked example", args: workedExample() },
    ...repeat(12, () => ({
      kind: "random" as const,
      args: [Network221.fromRandom(rng).params, normals(rng, 2, 3), label(rng), rng.uniform(0.01, 2)] as Args,
    })),
    { kind: "edge", args: [...workedExample().slice(0, 3), 100] as Args },
    { kind: "edge", args: [Network221.fromRandom(new RandomState(1)).params, [0, 0], 0, 0.5] },
  ],
  mistakes: [
    { answer: stepWith((v, g, eta) => v + eta * g), hint: "+ instead of −: a step *against* the gradient lowers the loss, p ← p − η ∂L/∂p." },
    { answer: stepWith((v, g) => v - g), hint: "the learning rate is missing: p ← p − η ∂L/∂p." },
    { answer: stepWith((_v, g) => g), hint: "that is the gradient itself; the new value is p − η ∂L/∂p." },
    { answer: stepWith((_v, g, eta) => -eta * g), hint: "that is the step alone, −η ∂L/∂p; add it to the parameter: p − η ∂L/∂p." },
    { answer: stepWith((v) => v), hint: "the parameters came back unchanged: assign each updated value (and return the updated parameters)." },
    {
      answer: stepWith((v, g, eta, name) => (name.startsWith("b") ? v : v - eta * g)),
      hint: "only the weights moved: the biases b1, b2, b3 step the same way, b ← b − η ∂L/∂b.",
    },
    { answer: stepWith((v, g, eta) => v - g / eta), hint: "multiply by η, do not divide: p ← p − η ∂L/∂p." },
  ],
  confirms: "sgdStep(p, x, yTrue, η) moves every parameter to p − η ∂L/∂p, exactly one update of Network221.train",
});

/** Checks the learner's SGD update and shows the verdict under the cell. */
export function checkSgdStep(sgdStep: (p: Params221, x: number[], yTrue: number, learnRate: number) => Params221): void {
  sgdStepExercise.check(sgdStep);
}
