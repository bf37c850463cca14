import { describe, expect, it } from "vitest";
import { activationPlot } from "../../src/plots";
import { assertInDelta } from "../assert";
import { checkSpec } from "./vega-check";

const sigmoid = {
  name: "sigmoid",
  output: (x: number) => 1 / (1 + Math.exp(-x)),
  der: (x: number) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2,
};
const identity = { name: "identity", output: (x: number) => x, der: () => 1 };

type Row = { x: number; y: number; activation: string; curve: string };
const rows = (spec: object): Row[] => (spec as { data: { values: Row[] } }).data.values;

describe("activationPlot", () => {
  it("draws the sigmoid and its derivative as two curves plus the zero rule", async () => {
    const spec = activationPlot(sigmoid);
    const { drawn } = await checkSpec(spec);
    expect(drawn.line).toBe(2);
    expect(drawn.rule).toBe(1);
    const atZero = rows(spec).filter((r) => r.x === 0);
    assertInDelta(atZero.find((r) => r.curve === "f(x)")!.y, 0.5, 1e-12);
    assertInDelta(atZero.find((r) => r.curve === "f′(x)")!.y, 0.25, 1e-12);
  });

  it("draws one curve per activation when the derivative is off", async () => {
    const { drawn } = await checkSpec(activationPlot([sigmoid, identity], { derivative: false, samples: 11 }));
    expect(drawn.line).toBe(2);
  });

  it("samples the domain evenly, ends included", () => {
    const xs = rows(activationPlot(sigmoid, { domain: [-2, 2], samples: 5, derivative: false })).map((r) => r.x);
    expect(xs).toEqual([-2, -1, 0, 1, 2]);
  });

  it("rejects bad inputs with the parameter and value in one line", () => {
    expect(() => activationPlot([])).toThrow("activations must be at least one activation, got []");
    expect(() => activationPlot(sigmoid, { samples: 1 })).toThrow("samples must be a whole number >= 2, got 1");
    expect(() => activationPlot(sigmoid, { domain: [2, -2] })).toThrow("domain must be [min, max] with min < max, got [2,-2]");
    expect(() => activationPlot({ ...identity, output: () => NaN })).toThrow(/identity.output\(-6\) must be a finite number, got NaN/);
  });
});
