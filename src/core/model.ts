/** What every trained network offers the rest of the library: predictions for many inputs at once. */
import { InputError } from "./errors";
import { checkDataset, checkFinite } from "./validate";

/** Labelled data: `inputs[s]` is sample s, `labels[s]` its class, 1 or 0 (red or blue in tutorial 2). */
export interface Dataset {
  inputs: number[][];
  labels: number[];
}

/** A model seen from outside: a function from `inputSize` numbers to `outputSize` numbers, applied in batches. */
export interface Predictor {
  readonly inputSize: number;
  readonly outputSize: number;
  /**
   * The outputs for every row of `inputs` (n rows of `inputSize` numbers, row-major), written row-major into `out`
   * (n rows of `outputSize`), which is returned; a new array when `out` is omitted. Inputs are trusted: callers
   * check them first.
   */
  predictBatch(inputs: Float64Array, out?: Float64Array): Float64Array;
}

/** Output at or above this is read as class 1 (red), below it as class 0 (blue). */
export const DECISION_THRESHOLD = 0.5;

/**
 * The share of samples, in [0, 1], whose first output lands on their label's side of `threshold`
 * (output ≥ threshold reads as class 1).
 */
export function accuracy(model: Predictor, data: Dataset, threshold = DECISION_THRESHOLD): number {
  const { inputs } = checkDataset(data?.inputs, data?.labels, model.inputSize, 1, { inputs: "data.inputs", targets: "data.labels" });
  checkFinite("threshold", threshold);
  data.labels.forEach((label, s) => {
    if (label !== 0 && label !== 1) throw new InputError(`labels[${s}]`, label, "0 or 1");
  });
  const outputs = model.predictBatch(flattenRows(inputs, model.inputSize));
  let right = 0;
  data.labels.forEach((label, s) => {
    if ((outputs[s * model.outputSize]! >= threshold ? 1 : 0) === label) right++;
  });
  return right / data.labels.length;
}

/** Rows of equal width as one row-major Float64Array, the layout {@link Predictor.predictBatch} takes. */
export function flattenRows(rows: readonly ArrayLike<number>[], width: number): Float64Array {
  const flat = new Float64Array(rows.length * width);
  rows.forEach((row, s) => flat.set(row, s * width));
  return flat;
}
