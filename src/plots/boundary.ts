import { contours } from "d3-contour";
import { DECISION_THRESHOLD } from "../core/model";
import type { SampledGrid } from "./grid";

/** One vertex of a decision-boundary polyline, in data coordinates. */
export interface BoundaryVertex {
  /** Which polyline this vertex belongs to. */
  segment: number;
  /** Position along the polyline, for Vega-Lite's `order` channel. */
  order: number;
  x1: number;
  x2: number;
}

type Point = readonly number[];

/**
 * The level set `output = threshold` as polylines, traced by d3-contour's marching squares.
 * d3-contour returns closed rings that run along the grid's border where a region is cut off; those border
 * stretches are not part of the boundary, so each ring is split there.
 */
export function decisionBoundary(grid: SampledGrid, threshold: number = DECISION_THRESHOLD): BoundaryVertex[] {
  const n = grid.resolution;
  const [a1, b1] = grid.domain.x1;
  const [a2, b2] = grid.domain.x2;
  // Real boundary vertices lie strictly inside (marching squares puts them between cell centres); only the
  // border walk, corner cuts included, joins two vertices on the border.
  const onBorder = ([px, py]: Point): boolean => px === 0 || px === n || py === 0 || py === n;
  const alongBorder = (p: Point, q: Point): boolean => onBorder(p) && onBorder(q);
  const polylines: Point[][] = [];
  const [values, level0] = toLogits(grid.values, threshold);
  const [level] = contours().size([n, n]).thresholds([level0])(values);
  for (const polygon of level.coordinates) {
    for (const ring of polygon) {
      // Rings are closed (last point = first); walking from a border stretch keeps polylines from wrapping the seam.
      const edges = ring.length - 1;
      const start = Math.max(0, ring.findIndex((p, k) => k < edges && alongBorder(p, ring[k + 1])));
      let polyline: Point[] = [];
      for (let k = 0; k < edges; k++) {
        const p = ring[(start + k) % edges];
        const q = ring[(start + k + 1) % edges];
        if (alongBorder(p, q)) {
          polylines.push(polyline);
          polyline = [];
          continue;
        }
        if (polyline.length === 0) polyline.push(p);
        polyline.push(q);
      }
      polylines.push(polyline);
    }
  }
  const round1 = rounder(b1 - a1);
  const round2 = rounder(b2 - a2);
  return polylines
    .filter((polyline) => polyline.length > 1)
    .flatMap((polyline, segment) =>
      simplify(straightenEnds(polyline, n)).map(([px, py], order) => ({
        segment,
        order,
        x1: round1(a1 + (px * (b1 - a1)) / n),
        x2: round2(b2 - (py * (b2 - a2)) / n),
      })),
    );
}

/** Rounds to 1/100,000 of the axis span: far below a pixel, and it halves the spec's size. */
function rounder(span: number): (value: number) => number {
  const digits = Math.min(15, Math.max(0, 5 - Math.floor(Math.log10(span))));
  return (value) => Number(value.toFixed(digits));
}

const LOGIT_FLOOR = 1e-300;

/**
 * Outputs of a sigmoid unit as logits, where the unit is linear in its input and the linear interpolation of
 * marching squares is exact for a single neuron; a steep sigmoid interpolated raw draws a wobbly line.
 * Outputs outside (0, 1) (another output activation) are contoured as they are.
 */
function toLogits(values: Float64Array, threshold: number): [number[], number] {
  // A saturated sigmoid rounds to exactly 0 or 1 in floating point; its logit is clamped to a large finite value.
  const logit = (p: number): number => Math.log(Math.max(p, LOGIT_FLOOR) / Math.max(1 - p, LOGIT_FLOOR));
  const inUnitInterval = (v: number): boolean => v >= 0 && v <= 1;
  if (!(threshold > 0 && threshold < 1) || !values.every(inUnitInterval)) return [Array.from(values), threshold];
  return [Array.from(values, logit), logit(threshold)];
}

/** How far (in grid cells) a dropped vertex may lie from the straight line that replaces it: well below a pixel. */
const SIMPLIFY_TOLERANCE = 0.02;

/** Drops vertices that lie on the line between their kept neighbours; straight stretches shrink to two points. */
function simplify(polyline: Point[]): Point[] {
  const kept = [polyline[0]];
  for (let k = 1; k < polyline.length - 1; k++) {
    const [a, b, c] = [kept[kept.length - 1], polyline[k], polyline[k + 1]];
    const length = Math.hypot(c[0] - a[0], c[1] - a[1]);
    const distance = Math.abs((c[0] - a[0]) * (a[1] - b[1]) - (a[0] - b[0]) * (c[1] - a[1])) / length;
    if (!(distance < SIMPLIFY_TOLERANCE)) kept.push(b);
  }
  kept.push(polyline[polyline.length - 1]);
  return kept;
}

/**
 * d3-contour leaves a border vertex at the middle of a border cell rather than where the boundary meets the
 * border, which draws a kink; continue the polyline's last interior step to the border instead.
 */
function straightenEnds(polyline: Point[], n: number): Point[] {
  if (polyline.length < 3) return polyline;
  const result = [...polyline];
  result[0] = extendToBorder(polyline[2], polyline[1], polyline[0], n);
  const last = polyline.length - 1;
  result[last] = extendToBorder(polyline[last - 2], polyline[last - 1], polyline[last], n);
  return result;
}

/** Where the line from r through q crosses the border that `p` lies on; `p` itself when that is not nearby. */
function extendToBorder(r: Point, q: Point, p: Point, n: number): Point {
  const axis = p[0] === 0 || p[0] === n ? 0 : p[1] === 0 || p[1] === n ? 1 : -1;
  if (axis < 0) return p;
  const other = 1 - axis;
  const step = q[axis] - r[axis];
  const t = step === 0 ? Infinity : (p[axis] - q[axis]) / step;
  // The border is at most one cell beyond q; a longer reach means the last step runs along the border.
  if (!(t >= 0 && t <= 2)) return p;
  const crossing = Math.min(n, Math.max(0, q[other] + t * (q[other] - r[other])));
  return axis === 0 ? [p[0], crossing] : [crossing, p[1]];
}
