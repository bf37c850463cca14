import { describe, expect, it } from "vitest";
import { Network221, PARAM_NAMES_221, type Params221 } from "../../src/core";
import { genderDataset } from "../../src/data";
import { RandomState } from "../../src/random";
import { sgdStepExercise } from "../../src/exercises";
import { describeExercise } from "./table";

/** The learner's update with the rule for one parameter passed in. */
function step(p: Params221, x: number[], yTrue: number, rule: (value: number, gradient: number, name: string) => number): Params221 {
  const gradient = new Network221(p).backprop(x, yTrue).gradient;
  const next = { ...p };
  for (const name of PARAM_NAMES_221) next[name] = rule(p[name], gradient[name], name);
  return next;
}

/** The notebook's solution cell, verbatim. */
function sgdStep(p: Params221, x: number[], yTrue: number, learnRate: number): Params221 {
  const gradient = new Network221(p).backprop(x, yTrue).gradient;
  const next = { ...p };
  for (const name of PARAM_NAMES_221) next[name] = p[name] - learnRate * gradient[name]; // against the gradient
  return next;
}

describeExercise(sgdStepExercise, sgdStep, [
  { mistake: "+ instead of −", answer: (p, x, t, eta) => step(p, x, t, (v, g) => v + eta * g), hint: "+ instead of −" },
  { mistake: "η forgotten", answer: (p, x, t) => step(p, x, t, (v, g) => v - g), hint: "the learning rate is missing" },
  { mistake: "the gradient returned", answer: (p, x, t) => new Network221(p).backprop(x, t).gradient, hint: "that is the gradient itself" },
  { mistake: "the step alone", answer: (p, x, t, eta) => step(p, x, t, (_v, g) => -eta * g), hint: "that is the step alone" },
  { mistake: "nothing assigned", answer: (p) => ({ ...p }), hint: "came back unchanged" },
  {
    mistake: "the biases left alone",
    answer: (p, x, t, eta) => step(p, x, t, (v, g, name) => (name[0] === "w" ? v - eta * g : v)),
    hint: "only the weights moved",
  },
  { mistake: "divided by η", answer: (p, x, t, eta) => step(p, x, t, (v, g) => v - g / eta), hint: "multiply by η, do not divide" },
  {
    mistake: "b3 left out of the result",
    answer: (p, x, t, eta) => {
      const { b3: _dropped, ...rest } = step(p, x, t, (v, g) => v - eta * g);
      return rest as Params221;
    },
    hint: "the result has no b3",
  },
]);

describe("checkSgdStep's worked example", () => {
  it("is notebook 05's first update: the seed-0 network, Alice, η = 0.1", () => {
    const [p, x, yTrue, learnRate] = sgdStepExercise.cases[0]!.args;
    const { inputs, labels } = genderDataset();
    expect(p).toEqual(Network221.fromRandom(new RandomState(0)).params);
    expect([x, yTrue, learnRate]).toEqual([inputs[0], labels[0], 0.1]);
  });
});
