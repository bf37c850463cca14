/** Default step h: with the five-point stencil, truncation (∝ h⁴) and rounding (∝ ε/h) errors are both ~1e-13 here. */
const DEFAULT_STEP = 1e-3;

/**
 * The slope of `loss` in every coordinate of `params` by finite differences, independent of backpropagation,
 * which makes it the check that backprop's gradients are right. It uses the five-point stencil
 * ∂L/∂pᵢ ≈ (−L(p + 2h·eᵢ) + 8·L(p + h·eᵢ) − 8·L(p − h·eᵢ) + L(p − 2h·eᵢ)) / 12h, accurate to O(h⁴).
 */
export function numericalGradient(loss: (params: readonly number[]) => number, params: readonly number[], h = DEFAULT_STEP): number[] {
  const p = Array.from(params);
  const at = (i: number, value: number): number => {
    p[i] = value;
    return loss(p);
  };
  return p.map((value, i) => {
    const slope = (-at(i, value + 2 * h) + 8 * at(i, value + h) - 8 * at(i, value - h) + at(i, value - 2 * h)) / (12 * h);
    p[i] = value;
    return slope;
  });
}

/** |a − b| / max(|a|, |b|), and 0 when both are 0: the usual yardstick for comparing gradients. */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}
