import { describe, expect, it } from "vitest";
import { formatNumpy } from "../../src/cli/numpy-format";

// Each expectation is what NumPy 2.3 prints for print(np.array(…)).
describe("formatNumpy", () => {
  it("prints the tutorial's Stage 1 layer 1 table", () => {
    expect(
      formatNumpy([
        [-0.16595599, 0.44064899, -0.99977125, -0.39533485],
        [-0.70648822, -0.81532281, -0.62747958, -0.30887855],
      ]),
    ).toBe("[[-0.16595599  0.44064899 -0.99977125 -0.39533485]\n [-0.70648822 -0.81532281 -0.62747958 -0.30887855]]");
  });

  it("pads integer parts to the widest and fractions with spaces", () => {
    expect(formatNumpy([[-7.2049368675186845], [6.57701462652142], [-11.30181143934592], [0.8928952694182875]])).toBe(
      "[[ -7.20493687]\n [  6.57701463]\n [-11.30181144]\n [  0.89289527]]",
    );
    expect(formatNumpy([[-0.20646505], [0.07763347], [-0.16161097], [0.370439]])).toBe(
      "[[-0.20646505]\n [ 0.07763347]\n [-0.16161097]\n [ 0.370439  ]]",
    );
    expect(formatNumpy([1.0, 0.5])).toBe("[1.  0.5]");
    expect(formatNumpy([0.9994267124896875])).toBe("[0.99942671]");
  });

  it("switches to scientific notation for wide ranges, as NumPy does", () => {
    expect(formatNumpy([1e-5, 1.0, -2.5e3])).toBe("[ 1.0e-05  1.0e+00 -2.5e+03]");
    expect(formatNumpy([123456789.5, 1])).toBe("[1.2345679e+08 1.0000000e+00]");
  });

  it("wraps rows longer than 75 columns", () => {
    const row = Array.from({ length: 12 }, (_, j) => Math.sin(j) * 3);
    expect(formatNumpy([row])).toBe(
      "[[ 0.          2.52441295  2.72789228  0.42336002 -2.27040749 -2.87677282\n" +
        "  -0.83824649  1.9709598   2.96807474  1.23635546 -1.63206333 -2.99997062]]",
    );
  });

  it("prints integer arrays without a decimal point", () => {
    expect(formatNumpy([2, -3], { integer: true })).toBe("[ 2 -3]");
  });
});
