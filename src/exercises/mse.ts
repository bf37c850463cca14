import { mseLoss } from "../core";
import { Exercise } from "./exercise";
import { labels, repeat, whole } from "./random-inputs";

const squaredErrors = (yTrue: readonly number[], yPred: readonly number[]) => yTrue.map((y, i) => (y - yPred[i]!) ** 2);
const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);
const mean = (values: readonly number[]) => sum(values) / values.length;

/** Notebook 03: the mean squared error, L = (1/n) Σ (y_true − y_pred)². */
export const mseExercise = new Exercise<[yTrue: number[], yPred: number[]], number>({
  name: "mse",
  notebook: "03-loss",
  checkName: "checkMse",
  parameters: ["yTrue", "yPred"],
  reference: (yTrue, yPred) => mseLoss(yTrue, yPred),
  seed: 105,
  cases: (rng) => [
    { kind: "worked example", args: [[1, 0, 0, 1], [0, 0, 0, 0]] },
    ...repeat(20, () => {
      const n = whole(rng, 2, 8);
      return { kind: "random" as const, args: [labels(rng, n), repeat(n, () => rng.random())] as [number[], number[]] };
    }),
    { kind: "edge", args: [[1], [0.25]] },
    { kind: "edge", args: [[1, 0, 1], [1, 0, 1]] },
    { kind: "edge", args: [[3, -2, 0.5, 10, 7], [-1, 2, 0.5, 4, 7.5]] },
  ],
  mistakes: [
    { answer: (t, p) => sum(squaredErrors(t, p)), hint: "that is the sum of the squared errors; the loss is their mean: divide by n." },
    {
      answer: (t, p) => mean(squaredErrors(t, p)) / 2,
      hint: "no ½ here: this course's L is the plain mean (tutorial 2's E = ½ Σ (y − ŷ)² has one, and no mean).",
    },
    { answer: (t, p) => sum(squaredErrors(t, p)) / 2, hint: "that is ½ Σ (y − ŷ)², tutorial 2's E; the loss L is the mean, (1/n) Σ (y_true − y_pred)²." },
    { answer: (t, p) => mean(t.map((y, i) => Math.abs(y - p[i]!))), hint: "those are absolute differences; square each difference instead." },
    { answer: (t, p) => Math.sqrt(mean(squaredErrors(t, p))), hint: "that is the root of the mean (the RMSE); the loss is the mean itself, no square root." },
    { answer: (t, p) => sum(squaredErrors(t, p)) / (t.length - 1), hint: "divide by n, the number of samples, not n − 1." },
    { answer: (t, p) => (mean(t) - mean(p)) ** 2, hint: "square each difference first, then average: (1/n) Σ (y_true − y_pred)², not the square of the mean difference." },
    { answer: (t, p) => mean(t.map((y, i) => y - p[i]!)), hint: "the differences must be squared: (y_true − y_pred)²." },
    { answer: (t, p) => squaredErrors(t, p), hint: "those are the squared errors, one per sample; the loss is one number, their mean." },
  ],
  confirms: "mse(yTrue, yPred) is L = (1/n) Σ (y_true − y_pred)² for any number of samples",
});

/** Checks the learner's mean squared error and shows the verdict under the cell. */
export function checkMse(mse: (yTrue: number[], yPred: number[]) => number): void {
  mseExercise.check(mse);
}
