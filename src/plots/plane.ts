import { InputError } from "../core/errors";
import type { Predictor } from "../core/model";

/** A classifier over the plane written as a function: its output at (x1, x2), read as class 1 when >= 0.5. */
export type PlaneFunction = (x1: number, x2: number) => number;

/** What the plane plots draw: a Predictor with 2 inputs (a trained network; its first output is drawn) or a function. */
export type PlaneModel = Predictor | PlaneFunction;

/** Throws unless `model` is a function or a Predictor taking points (x1, x2). */
export function checkPlaneModel(model: unknown): PlaneModel {
  if (typeof model === "function") return model as PlaneFunction;
  if (model !== null && typeof model === "object" && typeof (model as Predictor).predictBatch === "function") {
    const { inputSize, outputSize } = model as Predictor;
    if (inputSize !== 2) throw new InputError("model.inputSize", inputSize, "2 (a point (x1, x2) of the plane)");
    if (!Number.isSafeInteger(outputSize) || outputSize < 1) throw new InputError("model.outputSize", outputSize, "a whole number >= 1");
    return model as Predictor;
  }
  throw new InputError("model", model, "a trained network (a Predictor with 2 inputs) or a function (x1, x2) => number");
}

/**
 * The model's output at every point of `xs`, given as row-major pairs (x1, x2). A Predictor is asked once, with
 * the whole batch, which is what keeps a 100 × 100 field fast enough to redraw during training.
 * Throws naming the first point where the output is not a finite number.
 */
export function evaluatePlane(model: PlaneModel, xs: Float64Array): Float64Array {
  const n = xs.length / 2;
  const values = new Float64Array(n);
  const outputs = typeof model === "function" ? undefined : model.predictBatch(xs);
  for (let s = 0; s < n; s++) {
    const y: unknown = outputs === undefined ? (model as PlaneFunction)(xs[2 * s]!, xs[2 * s + 1]!) : outputs[s * (model as Predictor).outputSize];
    if (typeof y !== "number" || !Number.isFinite(y)) throw new InputError(`model(${xs[2 * s]}, ${xs[2 * s + 1]})`, y, "a finite number");
    values[s] = y;
  }
  return values;
}
