import { describe, expect, it } from "vitest";
import { neuronExplorerPlot } from "../../src/plots";
import { checkSpec, renderWithSignals } from "./vega-check";

const curvePath = (svg: string): string => [...svg.matchAll(/<g class="mark-line role-mark[^"]*"[^>]*><path[^>]* d="([^"]+)"/g)][1][1];

describe("neuronExplorerPlot", () => {
  it("binds the weight and bias to range sliders with the starting values", async () => {
    const spec = neuronExplorerPlot({ weight: 2, bias: -1 });
    const { svg, drawn, vegaSpec } = await checkSpec(spec);
    const signals = Object.fromEntries((vegaSpec.signals ?? []).map((s) => [s.name, s]));
    expect(signals.w).toMatchObject({ value: 2, bind: { input: "range", min: -10, max: 10 } });
    expect(signals.b).toMatchObject({ value: -1, bind: { input: "range", min: -10, max: 10 } });
    expect(drawn).toEqual({ line: 2 });
    expect(svg).toContain("w = 2.0,  b = −1.0");
  });

  it("recomputes the curve in Vega when a slider moves, without the kernel", async () => {
    const spec = neuronExplorerPlot();
    const before = curvePath(await renderWithSignals(spec, {}));
    const moved = await renderWithSignals(spec, { w: 5, b: 3 });
    expect(curvePath(moved)).not.toBe(before);
    expect(moved).toContain("w = 5.0,  b = 3.0");
  });

  it("rejects an activation Vega cannot evaluate", () => {
    expect(() => neuronExplorerPlot({ activation: "softplus" as never })).toThrow('activation must be one of sigmoid, tanh, relu, got "softplus"');
    expect(() => neuronExplorerPlot({ activation: "constructor" as never })).toThrow('activation must be one of sigmoid, tanh, relu, got "constructor"');
    expect(() => neuronExplorerPlot({ weight: Infinity })).toThrow("weight must be a finite number, got Infinity");
  });
});
