import { accuracy, DECISION_THRESHOLD, type Predictor } from "../core";
import { Exercise } from "./exercise";
import { labels, repeat, whole } from "./random-inputs";
import { tutorial2Stage1 } from "./worked-examples";

/** A model whose answer for the input [v] is v: the library's accuracy of given outputs. */
const echo: Predictor = {
  inputSize: 1,
  outputSize: 1,
  predictBatch: (inputs, out = new Float64Array(inputs.length)) => {
    out.set(inputs);
    return out;
  },
};

const classOf = (output: number) => (output >= DECISION_THRESHOLD ? 1 : 0);
const rightCount = (outputs: readonly number[], labels: readonly number[]) => outputs.filter((o, i) => classOf(o) === labels[i]).length;

/** Notebook 06: a classifier's accuracy, the share of outputs on their label's side of 0.5. */
export const accuracyExercise = new Exercise<[outputs: number[], labels: number[]], number>({
  name: "accuracyOf",
  notebook: "06-classifier-from-scratch",
  checkName: "checkAccuracy",
  parameters: ["outputs", "labels"],
  reference: (outputs, labels) => accuracy(echo, { inputs: outputs.map((o) => [o]), labels }),
  seed: 112,
  cases: (rng) => {
    const { y, yHat } = tutorial2Stage1();
    return [
      { kind: "worked example", args: [yHat.map(([o]) => o!), y.map(([label]) => label!)] },
      ...repeat(20, () => {
        const n = whole(rng, 2, 12);
        return { kind: "random" as const, args: [repeat(n, () => rng.random()), labels(rng, n)] as [number[], number[]] };
      }),
      { kind: "edge", args: [[0.5, 0.2, 0.9], [1, 0, 1]] },
      { kind: "edge", args: [[0.9, 0.1], [1, 0]] },
      { kind: "edge", args: [[0.1, 0.9, 0.6], [1, 0, 0]] },
    ];
  },
  mistakes: [
    { answer: (o, l) => rightCount(o, l), hint: "that is how many are right; accuracy is the share: divide by the number of samples." },
    { answer: (o, l) => (100 * rightCount(o, l)) / l.length, hint: "that is a percentage; return the share between 0 and 1." },
    { answer: (o, l) => 1 - rightCount(o, l) / l.length, hint: "that is the share the classifier gets wrong; accuracy is the share it gets right." },
    {
      answer: (o, l) => o.filter((v, i) => (v > DECISION_THRESHOLD ? 1 : 0) === l[i]).length / l.length,
      hint: "an output of exactly 0.5 counts as class 1 (red): compare with ≥ 0.5, not > 0.5, as the library's accuracy does.",
    },
    {
      answer: (o, l) => o.filter((v, i) => v === l[i]).length / l.length,
      hint: "compare the class, not the raw output: an output ≥ 0.5 means class 1, below means class 0; then compare that with the label.",
    },
  ],
  confirms: "accuracyOf(outputs, labels) is the share of outputs on their label's side of 0.5, as the library's accuracy counts",
});

/** Checks the learner's accuracy and shows the verdict under the cell. */
export function checkAccuracy(accuracyOf: (outputs: number[], labels: number[]) => number): void {
  accuracyExercise.check(accuracyOf);
}
