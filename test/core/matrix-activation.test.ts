import { describe, expect, it } from "vitest";
import { Matrix, RandomState, activations, apply, sigmoid, type Activation } from "../../src";
import { onMatrices } from "../../src/core/matrix-activation";

const rng = new RandomState(8);
const z = Matrix.from(Array.from({ length: 7 }, () => Array.from({ length: 5 }, () => rng.uniform(-6, 6))));

describe("onMatrices", () => {
  for (const f of Object.values(activations)) {
    it(`${f.name}: output and derFromOutput over a matrix give f's own values bit for bit`, () => {
      const a = onMatrices(f).output(z, new Matrix(7, 5));
      expect(a.data).toEqual(apply(z, f.output).data);
      expect(onMatrices(f).derFromOutput(a, new Matrix(7, 5)).data).toEqual(apply(a, f.derFromOutput).data);
    });
  }

  it("an activation of one's own, even a changed copy of a built-in, is applied through its own functions", () => {
    const steeper: Activation = { ...sigmoid, output: (x) => sigmoid.output(2 * x), derFromOutput: (y) => 2 * y * (1 - y) };
    const a = onMatrices(steeper).output(z, new Matrix(7, 5));
    expect(a.data).toEqual(apply(z, (x) => sigmoid.output(2 * x)).data);
    expect(onMatrices(steeper).derFromOutput(a, new Matrix(7, 5)).data).toEqual(apply(a, (y) => 2 * y * (1 - y)).data);
  });
});
