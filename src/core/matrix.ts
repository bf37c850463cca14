/**
 * Dense matrices of float64 numbers and the few operations the delta rule needs, so that a network reads like
 * tutorial 2's NumPy: `dot` is `np.dot`, `dotTransposed(a, b)` is `np.dot(a, b.T)`, `hadamard` is `a * b`.
 *
 * Layout: row-major, element (i, j) of an r×c matrix is `data[i·c + j]`; a batch holds one sample per row.
 * Every operation takes an optional `out`: omitted, the result is a new Matrix; given, the result is written there
 * and `out` is returned, so a training loop allocates its matrices once. Shapes are checked on every call.
 * The index arithmetic and the memory order that make the products fast live here and nowhere else.
 */
import { InputError } from "./errors";
import { checkMatrix, checkWhole } from "./validate";

/** 2^27 numbers, 1 GiB: the largest matrix, well inside what a notebook kernel can hold. */
export const MAX_MATRIX_ELEMENTS = 2 ** 27;

export class Matrix {
  readonly rows: number;
  readonly cols: number;
  /** The elements, row-major: (i, j) is `data[i * cols + j]`. */
  readonly data: Float64Array;

  /** An r×c matrix over `data` (used as is, not copied), or of zeros when `data` is omitted. */
  constructor(rows: number, cols: number, data?: Float64Array) {
    this.rows = checkWhole("rows", rows, 0);
    this.cols = checkWhole("cols", cols, 0);
    if (rows * cols > MAX_MATRIX_ELEMENTS) {
      throw new InputError("rows × cols", rows * cols, `at most ${MAX_MATRIX_ELEMENTS} (2^27 numbers, 1 GiB)`);
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new InputError("data.length", data.length, `rows × cols = ${rows * cols}`);
    }
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** A matrix with a copy of the given rows, e.g. `Matrix.from([[1, 2], [3, 4]])`. */
  static from(rows: readonly ArrayLike<number>[]): Matrix {
    const width = Array.isArray(rows) && rows.length > 0 && rows[0] != null ? rows[0].length : 0;
    checkMatrix("rows", rows, width);
    const m = new Matrix(rows.length, width);
    rows.forEach((row, i) => m.data.set(row, i * width));
    return m;
  }

  /** The rows as nested arrays. */
  toArray(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
  }
}

/** a · b: (n×k) · (k×m) → n×m. */
export function dot(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.rows) throw shapeError("dot(a, b)", a, b, "rows", a.cols, "a.cols");
  const result = productOut("dot(a, b)", a, b, a.rows, b.cols, out);
  product(a.data, a.cols, 1, b.data, b.cols, 1, result.data, a.rows, a.cols, b.cols);
  return result;
}

/** a · bᵀ: (n×k) · (m×k)ᵀ → n×m, NumPy's `np.dot(a, b.T)`; each output reads a row of a and a row of b. */
export function dotTransposed(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.cols) throw shapeError("dotTransposed(a, b)", a, b, "cols", a.cols, "a.cols");
  const result = productOut("dotTransposed(a, b)", a, b, a.rows, b.rows, out);
  product(a.data, a.cols, 1, b.data, 1, b.cols, result.data, a.rows, a.cols, b.rows);
  return result;
}

/** aᵀ · b: (k×n)ᵀ · (k×m) → n×m, NumPy's `np.dot(a.T, b)`; for a batch, a sum over its k samples. */
export function transposedDot(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.rows !== b.rows) throw shapeError("transposedDot(a, b)", a, b, "rows", a.rows, "a.rows");
  const result = productOut("transposedDot(a, b)", a, b, a.cols, b.cols, out);
  product(a.data, 1, a.cols, b.data, b.cols, 1, result.data, a.cols, a.rows, b.cols);
  return result;
}

/** a ⊙ b, the element-wise product of two matrices of one shape (NumPy's `a * b`). */
export function hadamard(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const result = elementwiseOut("hadamard(a, b)", a, b, out);
  const x = a.data;
  const y = b.data;
  const z = result.data;
  for (let i = 0; i < z.length; i++) z[i] = x[i]! * y[i]!;
  return result;
}

/** a − b, element-wise, for two matrices of one shape. */
export function subtract(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  const result = elementwiseOut("subtract(a, b)", a, b, out);
  const x = a.data;
  const y = b.data;
  const z = result.data;
  for (let i = 0; i < z.length; i++) z[i] = x[i]! - y[i]!;
  return result;
}

/** f applied to every element of a; `out` may be a itself. */
export function apply(a: Matrix, f: (x: number) => number, out?: Matrix): Matrix {
  const result = elementwiseOut("apply(a, f)", a, a, out);
  const x = a.data;
  const z = result.data;
  for (let i = 0; i < z.length; i++) z[i] = f(x[i]!);
  return result;
}

/**
 * target += scale · a, in place, and returns target. `a` has target's shape, or is one row added to every row of
 * target (NumPy's broadcasting, as a bias vector is added to every sample of a batch).
 */
export function addScaled(target: Matrix, scale: number, a: Matrix): Matrix {
  if (!Number.isFinite(scale)) throw new InputError("scale", scale, "a finite number");
  const t = target.data;
  const x = a.data;
  if (a.rows === target.rows && a.cols === target.cols) {
    for (let i = 0; i < t.length; i++) t[i] = t[i]! + scale * x[i]!;
  } else if (a.rows === 1 && a.cols === target.cols) {
    const cols = target.cols;
    for (let i = 0; i < t.length; i += cols) {
      for (let j = 0; j < cols; j++) t[i + j] = t[i + j]! + scale * x[j]!;
    }
  } else {
    const operation = "addScaled(target, scale, a)";
    throw a.cols !== target.cols
      ? shapeError(operation, target, a, "cols", target.cols, "target.cols", ["target", "a"])
      : shapeError(operation, target, a, "rows", `${target.rows} or 1`, "target.rows, or one row for every row", ["target", "a"]);
  }
  return target;
}

/** Terms of each sum added per pass over the outputs, so that a long sum's operands stay in cache between passes. */
const CHUNK = 256;

/**
 * out = A·B for A (n×k) and B (k×m) given by strides: A(i, p) = a[i·ai + p·ap], B(p, j) = b[p·bp + j·bj]. Each
 * output is summed over p in order, exactly as the naive triple loop sums it (the same bits), but two rows × four
 * columns of the output at a time, in registers, so that every number loaded is used two or four times.
 */
function product(
  a: Float64Array, ai: number, ap: number,
  b: Float64Array, bp: number, bj: number,
  out: Float64Array, n: number, k: number, m: number,
): void {
  if (k === 0) out.fill(0);
  for (let p0 = 0; p0 < k; p0 += CHUNK) {
    const p1 = p0 + CHUNK < k ? p0 + CHUNK : k;
    // The first pass starts every sum at 0; later passes go on from the sums so far.
    const first = p0 === 0;
    for (let i = 0; i < n; i += 2) {
      // With an odd number of rows the last pair is that row twice; both write the same sums.
      const o0 = i * m;
      const o1 = i + 1 < n ? o0 + m : o0;
      const a0 = i * ai + p0 * ap;
      const a1 = i + 1 < n ? a0 + ai : a0;
      let j = 0;
      for (; j + 4 <= m; j += 4) {
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        if (!first) {
          s0 = out[o0 + j]!; s1 = out[o0 + j + 1]!; s2 = out[o0 + j + 2]!; s3 = out[o0 + j + 3]!;
          t0 = out[o1 + j]!; t1 = out[o1 + j + 1]!; t2 = out[o1 + j + 2]!; t3 = out[o1 + j + 3]!;
        }
        for (let p = p0, x = a0, y = a1, q = p0 * bp + j * bj; p < p1; p++, x += ap, y += ap, q += bp) {
          const u = a[x]!;
          const v = a[y]!;
          const b0 = b[q]!, b1 = b[q + bj]!, b2 = b[q + 2 * bj]!, b3 = b[q + 3 * bj]!;
          s0 += u * b0; s1 += u * b1; s2 += u * b2; s3 += u * b3;
          t0 += v * b0; t1 += v * b1; t2 += v * b2; t3 += v * b3;
        }
        out[o1 + j] = t0; out[o1 + j + 1] = t1; out[o1 + j + 2] = t2; out[o1 + j + 3] = t3;
        out[o0 + j] = s0; out[o0 + j + 1] = s1; out[o0 + j + 2] = s2; out[o0 + j + 3] = s3;
      }
      for (; j < m; j++) {
        let s = first ? 0 : out[o0 + j]!;
        let t = first ? 0 : out[o1 + j]!;
        for (let p = p0, x = a0, y = a1, q = p0 * bp + j * bj; p < p1; p++, x += ap, y += ap, q += bp) {
          s += a[x]! * b[q]!;
          t += a[y]! * b[q]!;
        }
        out[o1 + j] = t;
        out[o0 + j] = s;
      }
    }
  }
}

function shape(m: Matrix): string {
  return `${m.rows}×${m.cols}`;
}

/** The second operand's mismatched dimension, e.g. "b.rows must be 3 (a.cols) in dot(a, b), got 2 (a is 2×3, b is 2×3)". */
function shapeError(
  operation: string,
  a: Matrix,
  b: Matrix,
  dimension: "rows" | "cols",
  expected: number | string,
  source: string,
  names = ["a", "b"],
): InputError {
  const shapes = `${names[0]} is ${shape(a)}, ${names[1]} is ${shape(b)}`;
  return new InputError(`${names[1]}.${dimension}`, b[dimension], `${expected} (${source}) in ${operation}`, shapes);
}

/** `out` checked for an n×m product of a and b (it may not be either: they are read while it is written), or a new matrix. */
function productOut(operation: string, a: Matrix, b: Matrix, rows: number, cols: number, out: Matrix | undefined): Matrix {
  if (out === undefined) return new Matrix(rows, cols);
  if (out.rows !== rows || out.cols !== cols) throw new InputError("out", shape(out), `${rows}×${cols}, the shape of ${operation}`);
  if (out.data === a.data || out.data === b.data) throw new InputError("out", shape(out), `a matrix other than a and b in ${operation}`);
  return out;
}

/** `out` checked for an element-wise result of a and b (it may be a or b itself), or a new matrix. */
function elementwiseOut(operation: string, a: Matrix, b: Matrix, out: Matrix | undefined): Matrix {
  if (a.rows !== b.rows) throw shapeError(operation, a, b, "rows", a.rows, "a.rows");
  if (a.cols !== b.cols) throw shapeError(operation, a, b, "cols", a.cols, "a.cols");
  if (out === undefined) return new Matrix(a.rows, a.cols);
  if (out.rows !== a.rows || out.cols !== a.cols) throw new InputError("out", shape(out), `${shape(a)}, the shape of ${operation}`);
  return out;
}
