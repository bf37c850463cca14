import { InputError } from "../core/errors";
import type { Dataset } from "../core/model";
import { checkFinite } from "../core/validate";
import { formatCount } from "./checks";
import { MAX_POINTS } from "./limits";

/** A training point as the plane plots draw it: its coordinates and its class, 1 = red, 0 = blue. */
export interface LabelledPoint {
  x1: number;
  x2: number;
  label: number;
}

/** A point to ask the network about, e.g. tutorial 2's (2, -3); a name is shown before its coordinates. */
export interface QueryPoint {
  x1: number;
  x2: number;
  /** Shown before the coordinates in its label, e.g. tutorial 1's "Emily". */
  name?: string;
}

/** A query as a point object or as the pair [x1, x2] (e.g. the data module's `testPoint`). */
export type Query = QueryPoint | readonly [number, number];

/** The data set's samples as plot points; throws unless every input is two finite numbers and every label 0 or 1. */
export function datasetPoints(parameter: string, data: Dataset): LabelledPoint[] {
  if (data === null || typeof data !== "object" || !Array.isArray(data.inputs) || !Array.isArray(data.labels)) {
    throw new InputError(parameter, data, "a Dataset { inputs: [x1, x2][], labels: (0 | 1)[] }");
  }
  const { inputs, labels } = data;
  if (labels.length !== inputs.length) {
    throw new InputError(`${parameter}.labels.length`, labels.length, `${inputs.length} (one label per input)`);
  }
  if (inputs.length > MAX_POINTS) {
    throw new InputError(`${parameter}.inputs.length`, inputs.length, `at most ${formatCount(MAX_POINTS)} points per plot (plot a sample)`);
  }
  return inputs.map((input, i) => {
    if (!Array.isArray(input) || input.length !== 2) throw new InputError(`${parameter}.inputs[${i}]`, input, "[x1, x2]");
    const label = labels[i];
    if (label !== 0 && label !== 1) throw new InputError(`${parameter}.labels[${i}]`, label, "0 (blue) or 1 (red)");
    return { x1: checkFinite(`${parameter}.inputs[${i}][0]`, input[0]), x2: checkFinite(`${parameter}.inputs[${i}][1]`, input[1]), label };
  });
}

/** The queries as point objects; throws unless every one has finite coordinates. */
export function queryPoints(parameter: string, queries: readonly Query[]): QueryPoint[] {
  if (!Array.isArray(queries)) throw new InputError(parameter, queries, "an array of [x1, x2] or { x1, x2, name? }");
  if (queries.length > MAX_POINTS) throw new InputError(`${parameter}.length`, queries.length, `at most ${formatCount(MAX_POINTS)}`);
  return queries.map((q: Query, i) => {
    const at = `${parameter}[${i}]`;
    if (Array.isArray(q)) {
      if (q.length !== 2) throw new InputError(at, q, "[x1, x2] or { x1, x2, name? }");
      return { x1: checkFinite(`${at}[0]`, q[0]), x2: checkFinite(`${at}[1]`, q[1]) };
    }
    if (q === null || typeof q !== "object") throw new InputError(at, q, "[x1, x2] or { x1, x2, name? }");
    const { x1, x2, name } = q as QueryPoint;
    if (name !== undefined && typeof name !== "string") throw new InputError(`${at}.name`, name, "a string");
    return { x1: checkFinite(`${at}.x1`, x1), x2: checkFinite(`${at}.x2`, x2), ...(name === undefined ? {} : { name }) };
  });
}

/** How a point prints in labels: "(2, -3)", or "Emily (-7, -3)" when it has a name. */
export function formatPoint(p: QueryPoint): string {
  const coordinates = `(${+p.x1.toFixed(3)}, ${+p.x2.toFixed(3)})`;
  return p.name === undefined ? coordinates : `${p.name} ${coordinates}`;
}
