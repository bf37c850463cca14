/**
 * One palette for every plot. Mid-tone blue and red read on JupyterLab's white and dark backgrounds alike;
 * the field's pale ends keep class-coloured points and the dark boundary line visible on top of it.
 */

/** Class 0 (tutorial 2's blue points, tutorial 1's males, negative weights). */
export const BLUE = "#3c78c3";
/** Class 1 (tutorial 2's red points, tutorial 1's females, positive weights). */
export const RED = "#d8434f";
/** Neither class: query points, reference curves, the decision boundary. */
export const NEUTRAL = "#7f7f7f";
/** The decision boundary drawn over the field: dark on the field's pale middle in both themes. */
export const BOUNDARY = "#1b1b1b";

/** The field's colour stops at network output 0, 0.5 and 1 (RGB, 0–255). */
const FIELD_STOPS: readonly (readonly [number, number, number])[] = [
  [140, 178, 226],
  [244, 244, 244],
  [236, 150, 156],
];

/** The field colour for a network output; outputs outside [0, 1] take the nearest end's colour. */
export function fieldColor(output: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, output)) * 2;
  const [from, to] = t <= 1 ? [FIELD_STOPS[0], FIELD_STOPS[1]] : [FIELD_STOPS[1], FIELD_STOPS[2]];
  const u = t <= 1 ? t : t - 1;
  return [0, 1, 2].map((k) => Math.round(from[k] + (to[k] - from[k]) * u)) as [number, number, number];
}

/** A Vega-Lite colour scale mapping class labels 0 and 1 to blue and red. */
export function classScale(): { domain: number[]; range: string[] } {
  return { domain: [0, 1], range: [BLUE, RED] };
}
