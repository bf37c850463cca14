import { InputError } from "../core/errors";
import { checkFinite } from "../core/validate";

/** A training point in the plane with its class: 1 = red, 0 = blue (tutorial 2's convention). */
export interface LabelledPoint {
  x1: number;
  x2: number;
  label: number;
}

/** A point to ask the network about, e.g. tutorial 2's (2, -3). */
export interface QueryPoint {
  x1: number;
  x2: number;
  /** Shown before the coordinates in its label, e.g. tutorial 1's "Emily". */
  name?: string;
}

/** Throws unless every point has finite coordinates and a 0/1 label. */
export function checkLabelledPoints(parameter: string, points: readonly LabelledPoint[]): readonly LabelledPoint[] {
  if (!Array.isArray(points)) throw new InputError(parameter, points, "an array of { x1, x2, label }");
  points.forEach((p, i) => {
    checkQueryPoint(`${parameter}[${i}]`, p);
    if (p.label !== 0 && p.label !== 1) throw new InputError(`${parameter}[${i}].label`, p.label, "0 (blue) or 1 (red)");
  });
  return points;
}

/** Throws unless every point has finite coordinates. */
export function checkQueryPoints(parameter: string, points: readonly QueryPoint[]): readonly QueryPoint[] {
  if (!Array.isArray(points)) throw new InputError(parameter, points, "an array of { x1, x2 }");
  points.forEach((p, i) => checkQueryPoint(`${parameter}[${i}]`, p));
  return points;
}

function checkQueryPoint(parameter: string, p: QueryPoint): void {
  if (p === null || typeof p !== "object") throw new InputError(parameter, p, "{ x1, x2 }");
  checkFinite(`${parameter}.x1`, p.x1);
  checkFinite(`${parameter}.x2`, p.x2);
  if (p.name !== undefined && typeof p.name !== "string") throw new InputError(`${parameter}.name`, p.name, "a string");
}

/** How a point prints in labels: "(2, -3)", or "Emily (-7, -3)" when it has a name. */
export function formatPoint(p: QueryPoint): string {
  const coordinates = `(${+p.x1.toFixed(3)}, ${+p.x2.toFixed(3)})`;
  return p.name === undefined ? coordinates : `${p.name} ${coordinates}`;
}
