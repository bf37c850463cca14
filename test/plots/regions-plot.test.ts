import { describe, expect, it } from "vitest";
import { decisionBoundary, regionsPlot, sampleGrid } from "../../src/plots";
import { assertInDelta } from "../assert";
import { checkSpec, TUTORIAL_POINTS } from "./vega-check";
import { sigmoid as coreSigmoid } from "../../src/core";

const sigmoid = coreSigmoid.output;
/** A straight boundary x1 = x2 / 2: red to the right of it, like tutorial 2's trained network. */
const tilted = (x1: number, x2: number): number => sigmoid(4 * (2 * x1 - x2));

describe("regionsPlot", () => {
  it("draws the field as one PNG image, the boundary as a line, and every point", async () => {
    const { svg, drawn } = await checkSpec(regionsPlot(tilted, { points: TUTORIAL_POINTS, queries: [{ x1: 2, x2: -3 }] }));
    expect(drawn.image).toBe(1);
    expect(svg).toMatch(/<image[^>]*href="data:image\/png;base64,/);
    expect(drawn.line).toBe(1);
    expect(drawn.symbol).toBe(15 + 1);
    expect(svg).toContain("(2, -3) → 1.000, red (1)");
  });

  it("labels a named query with its name before the coordinates", async () => {
    const { svg } = await checkSpec(regionsPlot(tilted, { queries: [{ x1: -1, x2: 2, name: "Emily" }] }));
    expect(svg).toContain("Emily (-1, 2) → 0.000, blue (0)");
    expect(() => regionsPlot(tilted, { queries: [{ x1: 0, x2: 0, name: 7 as unknown as string }] })).toThrow("queries[0].name must be a string, got 7");
  });

  it("keeps the image's data URL out of the SVG's accessibility labels", async () => {
    const { svg } = await checkSpec(regionsPlot(tilted, { points: TUTORIAL_POINTS }));
    expect(svg.match(/data:image\/png/g)).toHaveLength(1);
  });

  it("stays small with hundreds of training points: no per-point accessibility labels in the SVG", async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ x1: (i % 20) / 4 - 2.5, x2: Math.floor(i / 20) / 4 - 2.5, label: i % 2 }));
    const { svg, drawn } = await checkSpec(regionsPlot(tilted, { points: many }));
    expect(drawn.symbol).toBe(400);
    expect(svg).not.toMatch(/aria-label="x1: /);
    expect(svg.length).toBeLessThan(120_000);
  });

  it("marks the points the network gets wrong", async () => {
    // Shifting the boundary right by 1.25 puts the red points (1, 0), (1, 1) and (0, -2) on the blue side.
    const shifted = (x1: number, x2: number): number => tilted(x1 - 1.25, x2);
    const spec = regionsPlot(shifted, { points: TUTORIAL_POINTS });
    const { svg } = await checkSpec(spec);
    expect(spec.description).toContain("(3 misclassified)");
    expect(svg.match(/stroke="black" stroke-width="2.5"/g)).toHaveLength(3);
  });

  it("rejects a resolution below 2 and a predictor that returns NaN", () => {
    expect(() => regionsPlot(tilted, { resolution: 1 })).toThrow("resolution must be a whole number >= 2, got 1");
    expect(() => regionsPlot(() => NaN, { resolution: 2 })).toThrow(/^predict\(-0\.5, 0\.5\) must be a finite number, got NaN$/);
    expect(() => regionsPlot(tilted, { domain: { x1: [1, 1], x2: [0, 1] } })).toThrow("domain.x1 must be [min, max] with min < max, got [1,1]");
  });
});

describe("decisionBoundary", () => {
  const domain = { x1: [-4, 4], x2: [-4, 4] } as const;

  it("traces a straight boundary from border to border where the output is 0.5", () => {
    const vertices = decisionBoundary(sampleGrid((x1) => sigmoid(3 * x1), domain, 50));
    expect(new Set(vertices.map((v) => v.segment)).size).toBe(1);
    for (const v of vertices) assertInDelta(v.x1, 0, 1e-9);
    const x2s = vertices.map((v) => v.x2);
    assertInDelta(Math.min(...x2s), -4, 1e-9);
    assertInDelta(Math.max(...x2s), 4, 1e-9);
  });

  it("traces a single sigmoid neuron's boundary exactly even on a coarse grid", () => {
    // Contouring logits makes marching squares' linear interpolation exact for one neuron: 2·x1 − x2 + 0.06 = 0.
    const neuron = (x1: number, x2: number): number => sigmoid(5 * (2 * x1 - x2) + 0.3);
    const vertices = decisionBoundary(sampleGrid(neuron, domain, 12));
    expect(vertices.length).toBeGreaterThanOrEqual(2);
    for (const v of vertices) assertInDelta(2 * v.x1 - v.x2 + 0.06, 0, 1e-4);
  });

  it("closes a boundary that never meets the border", () => {
    const circle = (x1: number, x2: number): number => sigmoid(4 - x1 * x1 - x2 * x2);
    const vertices = decisionBoundary(sampleGrid(circle, domain, 100));
    expect(new Set(vertices.map((v) => v.segment)).size).toBe(1);
    expect(vertices[0]).toMatchObject({ x1: vertices.at(-1)!.x1, x2: vertices.at(-1)!.x2 });
    for (const v of vertices) assertInDelta(Math.hypot(v.x1, v.x2), 2, 0.02);
  });

  it("places every vertex of a curved boundary within a sampling step of output 0.5", () => {
    const net = (x1: number, x2: number): number => sigmoid(3 * Math.sin(x1) - x2);
    for (const v of decisionBoundary(sampleGrid(net, domain, 100))) assertInDelta(net(v.x1, v.x2), 0.5, 0.02);
  });
});
