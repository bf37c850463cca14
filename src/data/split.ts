import { InputError } from "../core/errors";
import type { Dataset } from "../core/model";

/**
 * A data set split in two halves, one to train on and one held out to test on: points 0–1, 4–5, 8–9, … train, and
 * 2–3, 6–7, … test. The generated data sets come in pairs of one red and one blue point, so both halves keep the
 * classes in equal numbers and cover the same ground. Other fields of `data` (a generated set's `name`) stay on both.
 */
export function trainTestSplit<D extends Dataset>(data: D): { train: D; test: D } {
  if (data === null || typeof data !== "object" || !Array.isArray(data.inputs) || !Array.isArray(data.labels)) {
    throw new InputError("data", data, "a data set { inputs, labels }");
  }
  if (data.labels.length !== data.inputs.length) {
    throw new InputError("data.labels.length", data.labels.length, `${data.inputs.length} (one label per input row)`);
  }
  if (data.inputs.length < 4) throw new InputError("data.inputs.length", data.inputs.length, "at least 4 (two pairs: one to train, one to test)");
  const half = (part: number): D => {
    const kept = data.inputs.map((_, i) => i).filter((i) => Math.floor(i / 2) % 2 === part);
    return { ...data, inputs: kept.map((i) => data.inputs[i]!), labels: kept.map((i) => data.labels[i]!) };
  };
  return { train: half(0), test: half(1) };
}
