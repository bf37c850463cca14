import { describe, expect, it } from "vitest";
import { InputError, Matrix, RandomState, addScaled, apply, dot, dotTransposed, hadamard, subtract, transposedDot } from "../../src";

/** The textbook triple loop, the oracle for every product: (a·b)[i][j] = Σ_p a[i][p]·b[p][j], summed in order of p. */
function naiveDot(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((sum, v, p) => sum + v * b[p]![j]!, 0)));
}

const transpose = (m: number[][]): number[][] => m[0]!.map((_, j) => m.map((row) => row[j]!));

function randomRows(rng: RandomState, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.uniform(-1, 1)));
}

describe("Matrix", () => {
  it("Matrix.from copies rows into row-major data and toArray gives them back", () => {
    const rows = [[1, 2, 3], [4, 5, 6]];
    const m = Matrix.from(rows);
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    rows[0]![0] = 99;
    expect(m.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it("new Matrix(r, c) is zeros; given data it uses that array, not a copy", () => {
    expect(new Matrix(2, 2).toArray()).toEqual([[0, 0], [0, 0]]);
    const data = new Float64Array(4);
    new Matrix(2, 2, data).data[3] = 7;
    expect(data[3]).toBe(7);
  });

  it("validates shapes, data length, sizes and rows", () => {
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow("data.length must be rows × cols = 4, got 3");
    expect(() => new Matrix(-1, 2)).toThrow("rows must be a whole number >= 0, got -1");
    expect(() => new Matrix(1e5, 1e5)).toThrow("rows × cols must be at most 134217728 (2^27 numbers, 1 GiB), got 10000000000");
    expect(() => Matrix.from([[1, 2], [3]])).toThrow("rows[1].length must be 2, got 1");
    expect(() => Matrix.from([[1, Number.NaN]])).toThrow("rows[0][1] must be a finite number, got NaN");
    expect(() => Matrix.from([])).toThrow(InputError);
  });
});

describe("dot, dotTransposed, transposedDot", () => {
  it("dot gives the hand-computed product [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]]", () => {
    expect(dot(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[5, 6], [7, 8]])).toArray()).toEqual([[19, 22], [43, 50]]);
  });

  it("dotTransposed(a, b) = a · bᵀ and transposedDot(a, b) = aᵀ · b, by hand", () => {
    const a = Matrix.from([[1, 2], [3, 4]]);
    const b = Matrix.from([[5, 6], [7, 8]]);
    expect(dotTransposed(a, b).toArray()).toEqual([[17, 23], [39, 53]]);
    expect(transposedDot(a, b).toArray()).toEqual([[26, 30], [38, 44]]);
  });

  // Odd and even sizes on each side of the four-column blocks and the two-row pairs, and sums longer than one pass.
  const shapes: [number, number, number][] = [[1, 1, 1], [1, 3, 1], [2, 2, 4], [3, 5, 7], [15, 2, 4], [15, 4, 1], [8, 9, 12], [5, 600, 6], [33, 300, 9]];
  for (const [n, k, m] of shapes) {
    it(`all three equal the naive triple loop bit for bit (${n}×${k} times ${k}×${m})`, () => {
      const rng = new RandomState(n * 1000 + k * 10 + m);
      const a = randomRows(rng, n, k);
      const b = randomRows(rng, k, m);
      const expected = naiveDot(a, b);
      expect(dot(Matrix.from(a), Matrix.from(b)).toArray()).toEqual(expected);
      expect(dotTransposed(Matrix.from(a), Matrix.from(transpose(b))).toArray()).toEqual(expected);
      expect(transposedDot(Matrix.from(transpose(a)), Matrix.from(b)).toArray()).toEqual(expected);
    });
  }

  it("write into out and return it, overwriting what was there", () => {
    const out = Matrix.from([[9, 9], [9, 9]]);
    const result = dot(Matrix.from([[1, 0], [0, 1]]), Matrix.from([[1, 2], [3, 4]]), out);
    expect(result).toBe(out);
    expect(out.toArray()).toEqual([[1, 2], [3, 4]]);
  });

  it("reject operands whose shapes do not fit, naming the dimension, what it must be, and both shapes", () => {
    const a = new Matrix(15, 2);
    const b = new Matrix(4, 1);
    expect(() => dot(a, b)).toThrow('b.rows must be 2 (a.cols) in dot(a, b), got 4 (a is 15×2, b is 4×1)');
    expect(() => dotTransposed(a, b)).toThrow('b.cols must be 2 (a.cols) in dotTransposed(a, b), got 1 (a is 15×2, b is 4×1)');
    expect(() => transposedDot(a, b)).toThrow('b.rows must be 15 (a.rows) in transposedDot(a, b), got 4 (a is 15×2, b is 4×1)');
    expect(() => dot(a, new Matrix(2, 4), new Matrix(15, 3))).toThrow('out must be 15×4, the shape of dot(a, b), got "15×3"');
  });

  it("reject an out that is one of the operands, which would be overwritten while read", () => {
    const a = Matrix.from([[1, 2], [3, 4]]);
    expect(() => dot(a, Matrix.from([[1, 0], [0, 1]]), a)).toThrow("out must be a matrix other than a and b in dot(a, b)");
  });
});

describe("element-wise operations", () => {
  const a = Matrix.from([[1, 2], [3, 4]]);
  const b = Matrix.from([[0.5, -1], [2, 0]]);

  it("hadamard multiplies, subtract subtracts, apply maps, element by element", () => {
    expect(hadamard(a, b).toArray()).toEqual([[0.5, -2], [6, 0]]);
    expect(subtract(a, b).toArray()).toEqual([[0.5, 3], [1, 4]]);
    expect(apply(a, (x) => x * x).toArray()).toEqual([[1, 4], [9, 16]]);
  });

  it("may write in place into an operand", () => {
    const c = Matrix.from([[1, 2], [3, 4]]);
    expect(hadamard(c, b, c)).toBe(c);
    expect(c.toArray()).toEqual([[0.5, -2], [6, 0]]);
    apply(c, Math.abs, c);
    expect(c.toArray()).toEqual([[0.5, 2], [6, 0]]);
  });

  it("reject operands of different shapes, naming both shapes", () => {
    expect(() => hadamard(a, new Matrix(2, 3))).toThrow('b.cols must be 2 (a.cols) in hadamard(a, b), got 3 (a is 2×2, b is 2×3)');
    expect(() => subtract(a, b, new Matrix(1, 4))).toThrow('out must be 2×2, the shape of subtract(a, b), got "1×4"');
  });

  it("addScaled adds scale · a in place, and a single row to every row (a bias)", () => {
    const target = Matrix.from([[1, 1], [2, 2]]);
    expect(addScaled(target, 0.5, a)).toBe(target);
    expect(target.toArray()).toEqual([[1.5, 2], [3.5, 4]]);
    addScaled(target, -1, Matrix.from([[1, 2]]));
    expect(target.toArray()).toEqual([[0.5, 0], [2.5, 2]]);
    expect(() => addScaled(target, 1, new Matrix(2, 3))).toThrow(
      'a.cols must be 2 (target.cols) in addScaled(target, scale, a), got 3 (target is 2×2, a is 2×3)',
    );
    expect(() => addScaled(target, 1, new Matrix(3, 2))).toThrow(
      'a.rows must be 2 or 1 (target.rows, or one row for every row) in addScaled(target, scale, a), got 3 (target is 2×2, a is 3×2)',
    );
    expect(() => addScaled(target, Number.NaN, a)).toThrow("scale must be a finite number, got NaN");
  });
});
