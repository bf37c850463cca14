/**
 * The yardstick for `npm run bench:scale`: one epoch of full-batch delta-rule training of a 2-H-H-1 sigmoid network
 * with biases, written by hand for that shape alone. Each layer's product and activation are one fused pass; the
 * large products run four outputs at a time over operands laid out so that the inner loop reads contiguous memory
 * (the hidden weights transposed, and activations and deltas transposed to unit-major for the weight gradient).
 * Every sum runs in the same order as the library's, so both end on the same bits. H must be a multiple of 4.
 */

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Terms of each weight-gradient sum added per pass over the outputs, so that a pass's rows stay in cache. */
const CHUNK = 512;

export class Kernel2HH1 {
  private readonly a1: Float64Array;
  private readonly a2: Float64Array;
  private readonly a3: Float64Array;
  private readonly d1: Float64Array;
  private readonly d2: Float64Array;
  private readonly d3: Float64Array;
  private readonly w1T: Float64Array;
  private readonly a1T: Float64Array;
  private readonly d2T: Float64Array;
  private readonly g0: Float64Array;
  private readonly g1: Float64Array;
  private readonly g2: Float64Array;
  private readonly gb0: Float64Array;
  private readonly gb1: Float64Array;

  /**
   * `x` is N×2 and `y` N×1, row-major; w0 is 2×H, w1 H×H, w2 H×1 (nIn × nOut, row-major), b0 and b1 have H numbers,
   * b2 one. The parameters are updated in place.
   */
  constructor(
    readonly h: number,
    readonly x: Float64Array,
    readonly y: Float64Array,
    readonly w0: Float64Array,
    readonly b0: Float64Array,
    readonly w1: Float64Array,
    readonly b1: Float64Array,
    readonly w2: Float64Array,
    readonly b2: Float64Array,
  ) {
    const n = y.length;
    [this.a1, this.a2, this.d1, this.d2, this.a1T, this.d2T] = Array.from({ length: 6 }, () => new Float64Array(n * h));
    [this.a3, this.d3] = [new Float64Array(n), new Float64Array(n)];
    [this.w1T, this.g1] = [new Float64Array(h * h), new Float64Array(h * h)];
    [this.g0, this.g2, this.gb0, this.gb1] = [new Float64Array(2 * h), new Float64Array(h), new Float64Array(h), new Float64Array(h)];
  }

  epoch(learnRate: number): void {
    const { h, x, y, w0, b0, w1, b1, w2, b2, a1, a2, a3, d1, d2, d3, w1T, a1T, d2T, g0, g1, g2, gb0, gb1 } = this;
    const n = y.length;
    transpose(w1, h, h, w1T);

    // a1 = σ(x·W0 + b0)
    for (let s = 0; s < n; s++) {
      const x0 = x[2 * s]!;
      const x1 = x[2 * s + 1]!;
      for (let j = 0; j < h; j++) a1[s * h + j] = sigmoid(x0 * w0[j]! + x1 * w0[h + j]! + b0[j]!);
    }
    // a2 = σ(a1·W1 + b1), as a1 · (W1ᵀ)ᵀ: rows of a1 against rows of W1ᵀ.
    hiddenForward(a1, w1T, b1, n, h, a2);
    // a3 = σ(a2·W2 + b2), and the output delta d3 = (y − a3) ⊙ a3(1 − a3).
    for (let s = 0; s < n; s++) {
      let z = 0;
      for (let k = 0; k < h; k++) z += a2[s * h + k]! * w2[k]!;
      const out = sigmoid(z + b2[0]!);
      a3[s] = out;
      d3[s] = (y[s]! - out) * (out * (1 - out));
    }
    // d2 = (d3·W2ᵀ) ⊙ a2(1 − a2)
    for (let s = 0; s < n; s++) {
      for (let i = 0; i < h; i++) {
        const a = a2[s * h + i]!;
        d2[s * h + i] = d3[s]! * w2[i]! * (a * (1 - a));
      }
    }
    // d1 = (d2·W1ᵀ) ⊙ a1(1 − a1): rows of d2 against rows of W1.
    hiddenDelta(d2, w1, a1, n, h, d1);

    // Gradients, each a sum over samples in order: g2 = a2ᵀ·d3, g1 = a1ᵀ·d2 (unit-major copies, contiguous), g0 = xᵀ·d1.
    g2.fill(0);
    gb1.fill(0);
    g0.fill(0);
    gb0.fill(0);
    let gb2 = 0;
    for (let s = 0; s < n; s++) {
      const d = d3[s]!;
      gb2 += d;
      for (let i = 0; i < h; i++) g2[i] = g2[i]! + a2[s * h + i]! * d;
    }
    transpose(a1, n, h, a1T);
    transpose(d2, n, h, d2T);
    sumOfProducts(a1T, d2T, h, n, h, g1);
    for (let s = 0; s < n; s++) {
      const x0 = x[2 * s]!;
      const x1 = x[2 * s + 1]!;
      for (let j = 0; j < h; j++) {
        const d = d2[s * h + j]!;
        const e = d1[s * h + j]!;
        gb1[j] = gb1[j]! + d;
        g0[j] = g0[j]! + x0 * e;
        g0[h + j] = g0[h + j]! + x1 * e;
        gb0[j] = gb0[j]! + e;
      }
    }

    // W += η·g, b += η·gb
    step(w0, g0, learnRate);
    step(b0, gb0, learnRate);
    step(w1, g1, learnRate);
    step(b1, gb1, learnRate);
    step(w2, g2, learnRate);
    b2[0] = b2[0]! + learnRate * gb2;
  }
}

function transpose(m: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = m[i * cols + j]!;
}

function step(target: Float64Array, gradient: Float64Array, learnRate: number): void {
  for (let k = 0; k < target.length; k++) target[k] = target[k]! + learnRate * gradient[k]!;
}

/** out = σ(a · bᵀ + bias) for a (n×h) and b (h×h): two rows of a against four rows of b at a time, contiguous. */
function hiddenForward(a: Float64Array, b: Float64Array, bias: Float64Array, n: number, h: number, out: Float64Array): void {
  for (let i = 0; i < n; i += 2) {
    const r0 = i * h;
    const r1 = i + 1 < n ? r0 + h : r0;
    for (let j = 0; j < h; j += 4) {
      const q0 = j * h;
      const q1 = q0 + h;
      const q2 = q1 + h;
      const q3 = q2 + h;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      for (let p = 0; p < h; p++) {
        const u = a[r0 + p]!;
        const v = a[r1 + p]!;
        const c0 = b[q0 + p]!, c1 = b[q1 + p]!, c2 = b[q2 + p]!, c3 = b[q3 + p]!;
        s0 += u * c0; s1 += u * c1; s2 += u * c2; s3 += u * c3;
        t0 += v * c0; t1 += v * c1; t2 += v * c2; t3 += v * c3;
      }
      out[r1 + j] = sigmoid(t0 + bias[j]!); out[r1 + j + 1] = sigmoid(t1 + bias[j + 1]!);
      out[r1 + j + 2] = sigmoid(t2 + bias[j + 2]!); out[r1 + j + 3] = sigmoid(t3 + bias[j + 3]!);
      out[r0 + j] = sigmoid(s0 + bias[j]!); out[r0 + j + 1] = sigmoid(s1 + bias[j + 1]!);
      out[r0 + j + 2] = sigmoid(s2 + bias[j + 2]!); out[r0 + j + 3] = sigmoid(s3 + bias[j + 3]!);
    }
  }
}

/** out = (d · wᵀ) ⊙ a(1 − a) for d, a (n×h) and w (h×h): two rows of d against four rows of w at a time, contiguous. */
function hiddenDelta(d: Float64Array, w: Float64Array, a: Float64Array, n: number, h: number, out: Float64Array): void {
  const slope = (k: number): number => a[k]! * (1 - a[k]!);
  for (let i = 0; i < n; i += 2) {
    const r0 = i * h;
    const r1 = i + 1 < n ? r0 + h : r0;
    for (let j = 0; j < h; j += 4) {
      const q0 = j * h;
      const q1 = q0 + h;
      const q2 = q1 + h;
      const q3 = q2 + h;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      for (let p = 0; p < h; p++) {
        const u = d[r0 + p]!;
        const v = d[r1 + p]!;
        const c0 = w[q0 + p]!, c1 = w[q1 + p]!, c2 = w[q2 + p]!, c3 = w[q3 + p]!;
        s0 += u * c0; s1 += u * c1; s2 += u * c2; s3 += u * c3;
        t0 += v * c0; t1 += v * c1; t2 += v * c2; t3 += v * c3;
      }
      out[r1 + j] = t0 * slope(r1 + j); out[r1 + j + 1] = t1 * slope(r1 + j + 1);
      out[r1 + j + 2] = t2 * slope(r1 + j + 2); out[r1 + j + 3] = t3 * slope(r1 + j + 3);
      out[r0 + j] = s0 * slope(r0 + j); out[r0 + j + 1] = s1 * slope(r0 + j + 1);
      out[r0 + j + 2] = s2 * slope(r0 + j + 2); out[r0 + j + 3] = s3 * slope(r0 + j + 3);
    }
  }
}

/**
 * out(i, j) = Σ_p a(i, p)·b(j, p) over long rows (the samples), in chunks of {@link CHUNK} terms so that the rows a
 * chunk reads stay in cache; each chunk goes on from the sums so far, which keeps every sum in order.
 */
function sumOfProducts(a: Float64Array, b: Float64Array, n: number, k: number, m: number, out: Float64Array): void {
  out.fill(0);
  for (let p0 = 0; p0 < k; p0 += CHUNK) {
    const p1 = Math.min(k, p0 + CHUNK);
    for (let i = 0; i < n; i += 2) {
      const r0 = i * k;
      const r1 = i + 1 < n ? r0 + k : r0;
      const o0 = i * m;
      const o1 = i + 1 < n ? o0 + m : o0;
      for (let j = 0; j < m; j += 4) {
        const q0 = j * k;
        const q1 = q0 + k;
        const q2 = q1 + k;
        const q3 = q2 + k;
        let s0 = out[o0 + j]!, s1 = out[o0 + j + 1]!, s2 = out[o0 + j + 2]!, s3 = out[o0 + j + 3]!;
        let t0 = out[o1 + j]!, t1 = out[o1 + j + 1]!, t2 = out[o1 + j + 2]!, t3 = out[o1 + j + 3]!;
        for (let p = p0; p < p1; p++) {
          const u = a[r0 + p]!;
          const v = a[r1 + p]!;
          const c0 = b[q0 + p]!, c1 = b[q1 + p]!, c2 = b[q2 + p]!, c3 = b[q3 + p]!;
          s0 += u * c0; s1 += u * c1; s2 += u * c2; s3 += u * c3;
          t0 += v * c0; t1 += v * c1; t2 += v * c2; t3 += v * c3;
        }
        out[o1 + j] = t0; out[o1 + j + 1] = t1; out[o1 + j + 2] = t2; out[o1 + j + 3] = t3;
        out[o0 + j] = s0; out[o0 + j + 1] = s1; out[o0 + j + 2] = s2; out[o0 + j + 3] = s3;
      }
    }
  }
}
