import { describe, expect, it } from "vitest";
import { activationPlot, relu, sigmoid, tanh } from "../../src";
import { assertInDelta } from "../assert";
import { checkSpec } from "./vega-check";

type Row = { x: number; y: number; activation: string; curve: string };
const rows = (spec: object): Row[] => (spec as { data: { values: Row[] } }).data.values;

describe("activationPlot", () => {
  it("draws the library's sigmoid and its derivative as two curves plus the zero rule", async () => {
    const spec = activationPlot(sigmoid);
    const { drawn } = await checkSpec(spec);
    expect(drawn.line).toBe(2);
    expect(drawn.rule).toBe(1);
    const atZero = rows(spec).filter((r) => r.x === 0);
    assertInDelta(atZero.find((r) => r.curve === "f(x)")!.y, 0.5, 1e-12);
    assertInDelta(atZero.find((r) => r.curve === "f′(x)")!.y, 0.25, 1e-12);
  });

  it("draws one curve per activation when the derivative is off", async () => {
    const { drawn } = await checkSpec(activationPlot([sigmoid, tanh, relu], { derivative: false, samples: 11 }));
    expect(drawn.line).toBe(3);
  });

  it("samples the domain evenly, ends included", () => {
    const xs = rows(activationPlot(sigmoid, { domain: [-2, 2], samples: 5, derivative: false })).map((r) => r.x);
    expect(xs).toEqual([-2, -1, 0, 1, 2]);
  });

  it("bounds the samples per curve, naming the limit", () => {
    expect(() => activationPlot(sigmoid, { samples: 1 })).toThrow("samples must be a whole number in [2, 10000], got 1");
    expect(() => activationPlot(sigmoid, { samples: 1e8 })).toThrow("samples must be a whole number in [2, 10000], got 100000000");
    expect(() => activationPlot(sigmoid, { samples: NaN })).toThrow("samples must be a whole number in [2, 10000], got NaN");
  });

  it("rejects bad inputs with the parameter and value in one line", () => {
    expect(() => activationPlot([])).toThrow("activations must be at least one activation, got []");
    expect(() => activationPlot(sigmoid, { domain: [2, -2] })).toThrow("domain must be [min, max] with min < max, got [2,-2]");
    expect(() => activationPlot(sigmoid, { domain: [-1e308, 1e308] })).toThrow("domain must be [min, max] with a finite span max − min, got [-1e+308,1e+308]");
    expect(() => activationPlot({ ...relu, output: () => NaN })).toThrow(/relu.output\(-6\) must be a finite number, got NaN/);
  });
});
