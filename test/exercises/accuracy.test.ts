import { accuracyExercise } from "../../src/exercises";
import { describeExercise } from "./table";

const right = (outputs: number[], labels: number[]) => outputs.filter((o, s) => (o >= 0.5 ? 1 : 0) === labels[s]).length;

/** The notebook's solution cell, verbatim. */
function accuracyOf(outputs: number[], labels: number[]): number {
  let right = 0;
  for (let s = 0; s < outputs.length; s++) if ((outputs[s] >= 0.5 ? 1 : 0) === labels[s]) right++;
  return right / outputs.length;
}

describeExercise(accuracyExercise, accuracyOf, [
  { mistake: "a count", answer: (o, l) => right(o, l), hint: "that is how many are right" },
  { mistake: "a percentage", answer: (o, l) => (100 * right(o, l)) / o.length, hint: "that is a percentage" },
  { mistake: "the error rate", answer: (o, l) => (o.length - right(o, l)) / o.length, hint: "gets wrong" },
  {
    mistake: "> 0.5 where ≥ 0.5 was meant",
    answer: (o, l) => o.filter((v, s) => (v > 0.5 ? 1 : 0) === l[s]).length / o.length,
    hint: "not > 0.5",
  },
  { mistake: "raw outputs compared with the labels", answer: (o, l) => o.filter((v, s) => v === l[s]).length / o.length, hint: "compare the class" },
]);
