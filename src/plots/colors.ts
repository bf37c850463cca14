/**
 * One palette for every plot. Mid-tone blue and red read on JupyterLab's white and dark backgrounds alike;
 * the field's pale ends keep class-coloured points and the dark boundary line visible on top of it.
 */

/** Class 0 (tutorial 2's blue points, tutorial 1's males, negative weights). */
export const BLUE_COLOR = "#3c78c3";
/** Class 1 (tutorial 2's red points, tutorial 1's females, positive weights). */
export const RED_COLOR = "#d8434f";
/** Neither class: query points, reference curves, the decision boundary. */
export const NEUTRAL_COLOR = "#7f7f7f";
/** The decision boundary drawn over the field: dark on the field's pale middle in both themes. */
export const BOUNDARY_COLOR = "#1b1b1b";

/**
 * Colours for several curves or runs on one chart, in order: the palette's blue and red, then Tableau 10's other
 * colours (Vega's default scheme), which also read on light and dark backgrounds.
 */
export const SERIES_COLORS: readonly string[] = [
  BLUE_COLOR,
  RED_COLOR,
  "#59a14f",
  "#f28e2b",
  "#b07aa1",
  "#76b7b2",
  "#edc948",
  "#9c755f",
  "#ff9da7",
  "#bab0ac",
];

/** The field's colour stops at network output 0, 0.5 and 1 (RGB, 0–255). */
const FIELD_STOPS: readonly (readonly [number, number, number])[] = [
  [140, 178, 226],
  [244, 244, 244],
  [236, 150, 156],
];

/**
 * Writes the field colour for a network output into `rgb[offset…offset + 2]`; outputs outside [0, 1] take the
 * nearest end's colour. Written in place, without allocating, because a live view colours 10,000 cells per frame.
 */
export function writeFieldColor(output: number, rgb: Uint8Array, offset: number): void {
  const t = Math.min(1, Math.max(0, output)) * 2;
  const lower = t <= 1;
  const from = lower ? FIELD_STOPS[0]! : FIELD_STOPS[1]!;
  const to = lower ? FIELD_STOPS[1]! : FIELD_STOPS[2]!;
  const u = lower ? t : t - 1;
  for (let k = 0; k < 3; k++) rgb[offset + k] = Math.round(from[k]! + (to[k]! - from[k]!) * u);
}

/** A Vega-Lite colour scale mapping class labels 0 and 1 to blue and red. */
export function classScale(): { domain: number[]; range: string[] } {
  return { domain: [0, 1], range: [BLUE_COLOR, RED_COLOR] };
}
