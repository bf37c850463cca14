import { InputError } from "../core/errors";
import { checkWhole } from "../core/validate";
import { checkRange } from "./checks";

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

/** Samples `predict` over the domain; throws if it returns anything but a finite number. */
export function sampleGrid(
  predict: (x1: number, x2: number) => number,
  domain: PlaneDomain,
  resolution: number = DEFAULT_RESOLUTION,
): SampledGrid {
  checkDomain(domain);
  checkWhole("resolution", resolution, 2);
  if (typeof predict !== "function") throw new InputError("predict", predict, "a function (x1, x2) => number");
  const [a1, b1] = domain.x1;
  const [a2, b2] = domain.x2;
  const values = new Float64Array(resolution * resolution);
  for (let row = 0; row < resolution; row++) {
    const x2 = b2 - ((row + 0.5) * (b2 - a2)) / resolution;
    for (let col = 0; col < resolution; col++) {
      const x1 = a1 + ((col + 0.5) * (b1 - a1)) / resolution;
      const y = predict(x1, x2);
      if (typeof y !== "number" || !Number.isFinite(y)) {
        throw new InputError(`predict(${x1}, ${x2})`, y, "a finite number");
      }
      values[row * resolution + col] = y;
    }
  }
  return { domain, resolution, values };
}

/** Throws unless both ranges are finite with lower < upper. */
export function checkDomain(domain: PlaneDomain): void {
  if (domain === null || typeof domain !== "object") throw new InputError("domain", domain, "{ x1: [min, max], x2: [min, max] }");
  for (const axis of ["x1", "x2"] as const) {
    checkRange(`domain.${axis}`, domain[axis]);
  }
}

/** A domain around the given points, padded by a fifth of its span (at least 1) on every side. */
export function domainAround(points: readonly { x1: number; x2: number }[]): PlaneDomain {
  const pad = (values: number[]): [number, number] => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const margin = Math.max(1, (hi - lo) / 5);
    return [Math.floor(lo - margin), Math.ceil(hi + margin)];
  };
  return { x1: pad(points.map((p) => p.x1)), x2: pad(points.map((p) => p.x2)) };
}
