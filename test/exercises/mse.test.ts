import { mseExercise } from "../../src/exercises";
import { describeExercise } from "./table";

const squares = (yTrue: number[], yPred: number[]) => yTrue.map((y, i) => (y - yPred[i]!) ** 2);
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/** The notebook's solution cell, verbatim. */
function mse(yTrue: number[], yPred: number[]): number {
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += (yTrue[i] - yPred[i]) ** 2;
  return sum / yTrue.length; // the mean: no ½, and n, not n − 1
}

describeExercise(mseExercise, mse, [
  { mistake: "the sum instead of the mean", answer: (t, p) => sum(squares(t, p)), hint: "divide by n" },
  { mistake: "a ½ on the mean", answer: (t, p) => (0.5 * sum(squares(t, p))) / t.length, hint: "no ½ here" },
  { mistake: "tutorial 2's E = ½ Σ", answer: (t, p) => 0.5 * sum(squares(t, p)), hint: "tutorial 2's E" },
  { mistake: "absolute differences", answer: (t, p) => sum(t.map((y, i) => Math.abs(y - p[i]!))) / t.length, hint: "square each difference" },
  { mistake: "the root of the mean", answer: (t, p) => Math.sqrt(sum(squares(t, p)) / t.length), hint: "RMSE" },
  { mistake: "divided by n − 1", answer: (t, p) => sum(squares(t, p)) / (t.length - 1), hint: "not n − 1" },
  {
    mistake: "the square of the mean difference",
    answer: (t, p) => (sum(t.map((y, i) => y - p[i]!)) / t.length) ** 2,
    hint: "square each difference first",
  },
  { mistake: "the differences not squared", answer: (t, p) => sum(t.map((y, i) => y - p[i]!)) / t.length, hint: "must be squared" },
  { mistake: "the squared errors returned, not their mean", answer: (t, p) => squares(t, p) as unknown as number, hint: "one per sample" },
]);
