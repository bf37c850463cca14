import { InputError } from "../core/errors";
import { checkWhole } from "../core/validate";
import { checkRange } from "./checks";
import { MAX_RESOLUTION } from "./limits";
import { checkPlaneModel, evaluatePlane, type PlaneModel } from "./plane";

/** A rectangle of the input plane: x1 runs along the horizontal axis, x2 along the vertical one. */
export interface PlaneDomain {
  x1: readonly [number, number];
  x2: readonly [number, number];
}

/**
 * A function sampled at the centres of a resolution × resolution grid of cells covering a domain.
 * `values` is row-major with row 0 at the top (largest x2), the order of image pixels and of d3-contour's grid.
 */
export interface SampledGrid {
  domain: PlaneDomain;
  resolution: number;
  values: Float64Array;
}

/** Samples per axis when the caller gives none: fine enough for a smooth boundary, small enough to ship. */
export const DEFAULT_RESOLUTION = 100;

/** The model's output at the centre of every grid cell; throws if it is anything but a finite number. */
export function sampleGrid(model: PlaneModel, domain: PlaneDomain, resolution: number = DEFAULT_RESOLUTION): SampledGrid {
  return samplePlane(model, domain, resolution, []).grid;
}

/**
 * The model over the grid and at some extra points (training points, queries) in one evaluation: one
 * `predictBatch` call for a Predictor.
 */
export function samplePlane(
  model: PlaneModel,
  domain: PlaneDomain,
  resolution: number,
  extra: readonly { x1: number; x2: number }[],
): { grid: SampledGrid; extra: Float64Array } {
  checkPlaneModel(model);
  checkDomain(domain);
  checkWhole("resolution", resolution, 2, MAX_RESOLUTION);
  const [a1, b1] = domain.x1;
  const [a2, b2] = domain.x2;
  const cells = resolution * resolution;
  const xs = new Float64Array(2 * (cells + extra.length));
  for (let row = 0; row < resolution; row++) {
    const x2 = b2 - ((row + 0.5) * (b2 - a2)) / resolution;
    for (let col = 0; col < resolution; col++) {
      const s = row * resolution + col;
      xs[2 * s] = a1 + ((col + 0.5) * (b1 - a1)) / resolution;
      xs[2 * s + 1] = x2;
    }
  }
  extra.forEach((p, k) => {
    xs[2 * (cells + k)] = p.x1;
    xs[2 * (cells + k) + 1] = p.x2;
  });
  const values = evaluatePlane(model, xs);
  return { grid: { domain, resolution, values: values.subarray(0, cells) }, extra: values.subarray(cells) };
}

/** Throws unless both ranges are finite with lower < upper. */
export function checkDomain(domain: PlaneDomain): void {
  if (domain === null || typeof domain !== "object") throw new InputError("domain", domain, "{ x1: [min, max], x2: [min, max] }");
  for (const axis of ["x1", "x2"] as const) {
    checkRange(`domain.${axis}`, domain[axis]);
  }
}

/** A domain around the given points, padded by a fifth of its span (at least 1) on every side; [-1, 1]² for none. */
export function domainAround(points: readonly { x1: number; x2: number }[]): PlaneDomain {
  if (points.length === 0) return { x1: [-1, 1], x2: [-1, 1] };
  // A loop, not Math.min(...values): spreading 150,000 arguments overflows the stack.
  const pad = (coordinate: (p: { x1: number; x2: number }) => number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      lo = Math.min(lo, coordinate(p));
      hi = Math.max(hi, coordinate(p));
    }
    const margin = Math.max(1, (hi - lo) / 5);
    return [Math.floor(lo - margin), Math.ceil(hi + margin)];
  };
  return { x1: pad((p) => p.x1), x2: pad((p) => p.x2) };
}
