import { describe, expect, it } from "vitest";
import { networkPlot } from "../../src/plots";
import { checkSpec } from "./vega-check";

const W1 = [
  [-3.97185157, 4.66297249, -5.25188655, 1.39753303],
  [1.35299999, -1.57439556, 1.76665557, -0.71676559],
];
const W2 = [[-7.20493687], [6.57701463], [-11.30181144], [0.89289527]];

const strokeWidths = (svg: string): number[] => {
  const group = svg.match(/<g class="mark-rule role-mark[^"]*"[^>]*>(.*?)<\/g>/s)![1];
  return [...group.matchAll(/stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
};

describe("networkPlot", () => {
  it("draws a node per unit and an edge per weight, widest for the largest |w|", async () => {
    const { svg, drawn } = await checkSpec(networkPlot([2, 4, 1], [W1, W2]));
    expect(drawn.rule).toBe(12);
    expect(drawn.symbol).toBe(7);
    for (const name of ["x1", "x2", "h1", "h4", "o1"]) expect(svg).toContain(`>${name}<`);
    const widths = strokeWidths(svg);
    // Edges are drawn in weights order, so W2's -11.30 (h3 → o1) is the 11th.
    expect(widths.indexOf(Math.max(...widths))).toBe(10);
    expect(svg).toContain(">-11.30<");
  });

  it("colours edges by the sign of their weight, a zero weight grey", async () => {
    const { svg } = await checkSpec(networkPlot([1, 3], [[[0.5, -0.5, 0]]], { showWeights: false }));
    const group = svg.match(/<g class="mark-rule role-mark[^"]*"[^>]*>(.*?)<\/g>/s)![1];
    expect([...group.matchAll(/stroke="(#[0-9a-f]{6})"/g)].map((m) => m[1])).toEqual(["#d8434f", "#3c78c3", "#7f7f7f"]);
  });

  it("prints biases under their nodes when given", async () => {
    const { svg } = await checkSpec(networkPlot([2, 2, 1], [[[1, 2], [3, 4]], [[5], [6]]], { biases: [[0.1, -0.4], [0.9]] }));
    expect(svg).toContain(">b = -0.40<");
    expect(svg).toContain(">b = 0.90<");
  });

  it("rejects weights whose shape does not match the layer sizes", () => {
    expect(() => networkPlot([2, 4, 1], [W1])).toThrow("weights.length must be 2 (one matrix per pair of layers), got 1");
    expect(() => networkPlot([3, 4, 1], [W1, W2])).toThrow("weights[0].length must be 3 rows (layerSizes[0]), got 2");
    expect(() => networkPlot([2, 4, 1], [W1, [[1], [2], [3], [NaN]]])).toThrow("weights[1][3][0] must be a finite number, got NaN");
    expect(() => networkPlot([2, 0], [[[], []]])).toThrow("layerSizes[1] must be a whole number in [1, 100], got 0");
  });

  it("refuses a diagram too large to read, naming the limit", () => {
    expect(() => networkPlot([2, 1e8, 1], [])).toThrow("layerSizes[1] must be a whole number in [1, 100], got 100000000");
    expect(() => networkPlot(Array.from({ length: 13 }, () => 1), [])).toThrow(/^layerSizes must be an array of 2 to 12 layer sizes, got/);
  });
});
