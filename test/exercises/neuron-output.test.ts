import { sigmoid } from "../../src/core";
import { neuronOutputExercise } from "../../src/exercises";
import { describeExercise } from "./table";

const total = (w: number[], x: number[]) => {
  let z = 0;
  for (let i = 0; i < w.length; i++) z += w[i]! * x[i]!;
  return z;
};

/** The notebook's solution cell, verbatim. */
function neuronOutput(w: number[], b: number, x: number[]): number {
  let z = b;
  for (let i = 0; i < w.length; i++) z += w[i] * x[i]; // w · x, for any number of inputs
  return sigmoid.output(z);
}

describeExercise(neuronOutputExercise, neuronOutput, [
  { mistake: "the bias forgotten", answer: (w, _b, x) => sigmoid.output(total(w, x)), hint: "the bias is missing" },
  { mistake: "no activation, z returned", answer: (w, b, x) => total(w, x) + b, hint: "that is the total input z" },
  { mistake: "the bias outside the sigmoid", answer: (w, b, x) => sigmoid.output(total(w, x)) + b, hint: "the bias goes inside the sigmoid" },
  { mistake: "the bias subtracted", answer: (w, b, x) => sigmoid.output(total(w, x) - b), hint: "added, not subtracted" },
  { mistake: "the sign of z flipped", answer: (w, b, x) => 1 / (1 + Math.exp(total(w, x) + b)), hint: "sign flipped" },
  {
    mistake: "exactly two inputs hard-coded",
    answer: (w, b, x) => sigmoid.output(w[0]! * x[0]! + w[1]! * x[1]! + b),
    hint: "it uses exactly two inputs",
  },
  {
    mistake: "σ written as e^z / (1 + e^z), NaN for a large total",
    answer: (w, b, x) => Math.exp(total(w, x) + b) / (1 + Math.exp(total(w, x) + b)),
    hint: "a NaN or an infinity for a large total input",
  },
]);
