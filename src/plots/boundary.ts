import { contours } from "d3-contour";
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

/** The output at which a binary classifier switches from class 0 to class 1. */
export const DECISION_THRESHOLD = 0.5;

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
  const onBorder = ([px, py]: number[]): boolean => px === 0 || px === n || py === 0 || py === n;
  const alongBorder = (p: number[], q: number[]): boolean => onBorder(p) && onBorder(q);
  const vertices: BoundaryVertex[] = [];
  let segment = -1;
  let order = 0;
  const push = (point: number[]): void => {
    vertices.push({ segment, order: order++, x1: a1 + (point[0] * (b1 - a1)) / n, x2: b2 - (point[1] * (b2 - a2)) / n });
  };
  const [level] = contours().size([n, n]).thresholds([threshold])(Array.from(grid.values));
  for (const polygon of level.coordinates) {
    for (const ring of polygon) {
      // Rings are closed (last point = first); walking from a border stretch keeps polylines from wrapping the seam.
      const edges = ring.length - 1;
      const start = Math.max(0, ring.findIndex((p, k) => k < edges && alongBorder(p, ring[k + 1])));
      let open = false;
      for (let k = 0; k < edges; k++) {
        const p = ring[(start + k) % edges];
        const q = ring[(start + k + 1) % edges];
        if (alongBorder(p, q)) {
          open = false;
          continue;
        }
        if (!open) {
          segment += 1;
          order = 0;
          open = true;
          push(p);
        }
        push(q);
      }
    }
  }
  return vertices;
}
