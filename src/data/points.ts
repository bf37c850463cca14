/** Tutorial 2's data: 15 points in the plane, labelled 1 = red or 0 = blue, and the point it asks about. */
import type { Dataset } from "../core/model";

/** The label of tutorial 2's red points (the plots draw class 1 red). */
export const RED_LABEL = 1;
/** The label of tutorial 2's blue points (the plots draw class 0 blue). */
export const BLUE_LABEL = 0;

/** The 15 training points [x1, x2], in the tutorial's order. */
export const pointInputs: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 1],
  [0, 2],
  [-1, 0],
  [-2, -2],
  [-2, -1],
  [-1, -1],
  [1, -1],
  [1, 0],
  [1, 1],
  [2, 0],
  [3, 0],
  [0, -3],
  [0, -2],
  [2, -2],
];

/** The label of each training point: the first seven are blue, the last eight red. */
export const pointLabels: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];

/** The new point the trained network classifies. */
export const testPoint: readonly [number, number] = [2, -3];

/** The training set as fresh arrays, ready for `LayeredNetwork.train`. */
export function pointsDataset(): Dataset {
  return { inputs: pointInputs.map((p) => [...p]), labels: [...pointLabels] };
}
