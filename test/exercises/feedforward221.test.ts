import { sigmoid, type Params221 } from "../../src/core";
import { feedforward221Exercise } from "../../src/exercises";
import { describeExercise } from "./table";

const σ = sigmoid.output;

/** The notebook's solution cell, verbatim. */
function feedforward221(p: Params221, x: number[]): number {
  const h1 = sigmoid.output(p.w1 * x[0] + p.w2 * x[1] + p.b1);
  const h2 = sigmoid.output(p.w3 * x[0] + p.w4 * x[1] + p.b2);
  return sigmoid.output(p.w5 * h1 + p.w6 * h2 + p.b3);
}

describeExercise(feedforward221Exercise, feedforward221, [
  {
    mistake: "every bias forgotten",
    answer: (p, x) => σ(p.w5 * σ(p.w1 * x[0]! + p.w2 * x[1]!) + p.w6 * σ(p.w3 * x[0]! + p.w4 * x[1]!)),
    hint: "the biases are missing",
  },
  {
    mistake: "the output's bias forgotten",
    answer: (p, x) => σ(p.w5 * σ(p.w1 * x[0]! + p.w2 * x[1]! + p.b1) + p.w6 * σ(p.w3 * x[0]! + p.w4 * x[1]! + p.b2)),
    hint: "bias b3 is missing",
  },
  {
    mistake: "w2 and w3 crossed (weights read down the columns)",
    answer: (p, x) => σ(p.w5 * σ(p.w1 * x[0]! + p.w3 * x[1]! + p.b1) + p.w6 * σ(p.w2 * x[0]! + p.w4 * x[1]! + p.b2) + p.b3),
    hint: "the weights are crossed",
  },
  {
    mistake: "w5 and w6 swapped",
    answer: (p, x) => σ(p.w6 * σ(p.w1 * x[0]! + p.w2 * x[1]! + p.b1) + p.w5 * σ(p.w3 * x[0]! + p.w4 * x[1]! + p.b2) + p.b3),
    hint: "w5 and w6 are swapped",
  },
  {
    mistake: "no sigmoid on the output",
    answer: (p, x) => p.w5 * σ(p.w1 * x[0]! + p.w2 * x[1]! + p.b1) + p.w6 * σ(p.w3 * x[0]! + p.w4 * x[1]! + p.b2) + p.b3,
    hint: "the output neuron applies the sigmoid too",
  },
  {
    mistake: "no sigmoid on the hidden neurons",
    answer: (p, x) => σ(p.w5 * (p.w1 * x[0]! + p.w2 * x[1]! + p.b1) + p.w6 * (p.w3 * x[0]! + p.w4 * x[1]! + p.b2) + p.b3),
    hint: "the hidden neurons need their sigmoid too",
  },
  { mistake: "the output reading the inputs", answer: (p, x) => σ(p.w5 * x[0]! + p.w6 * x[1]! + p.b3), hint: "reads the hidden neurons' outputs" },
  { mistake: "h1 returned", answer: (p, x) => σ(p.w1 * x[0]! + p.w2 * x[1]! + p.b1), hint: "that is h1" },
]);
