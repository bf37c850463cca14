/** Default step h for central differences: small enough for accuracy, large enough to avoid cancellation. */
const DEFAULT_STEP = 1e-6;

/**
 * The slope of `loss` in every coordinate of `params`, by central differences:
 * ∂L/∂pᵢ ≈ (L(p + h·eᵢ) − L(p − h·eᵢ)) / 2h. Slow but independent of backpropagation, which makes it the check
 * that backprop's gradients are right.
 */
export function numericalGradient(loss: (params: readonly number[]) => number, params: readonly number[], h = DEFAULT_STEP): number[] {
  const p = Array.from(params);
  return p.map((value, i) => {
    p[i] = value + h;
    const up = loss(p);
    p[i] = value - h;
    const down = loss(p);
    p[i] = value;
    return (up - down) / (2 * h);
  });
}

/** |a − b| / max(|a|, |b|), and 0 when both are 0: the usual yardstick for comparing gradients. */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}
