import { describe, expect, it } from "vitest";
import { HEIGHT_SHIFT, people, peoplePlot, pointsDataset, pointsPlot, testPoint, WEIGHT_SHIFT } from "../../src";
import { checkSpec } from "./vega-check";

describe("peoplePlot", () => {
  it("draws each person as a labelled point", async () => {
    const { svg, drawn } = await checkSpec(peoplePlot(people));
    expect(drawn).toEqual({ symbol: 4, text: 4 });
    for (const name of ["Alice", "Bob", "Charlie", "Diana"]) expect(svg).toContain(`>${name}<`);
  });

  it("shows the shifted values the network sees, saying so on the axes", async () => {
    const spec = peoplePlot(people, { shift: { weight: WEIGHT_SHIFT, height: HEIGHT_SHIFT } });
    const { svg } = await checkSpec(spec);
    expect(svg).toContain("weight − 135 (lb)");
    const alice = (spec as { data: { values: { name: string; weight: number; height: number }[] } }).data.values[0];
    expect(alice).toMatchObject({ name: "Alice", weight: -2, height: -1 });
  });

  it("rejects a gender other than 0 or 1", () => {
    expect(() => peoplePlot([{ ...people[0]!, gender: 2 as never }])).toThrow("people[0].gender must be 0 (male) or 1 (female), got 2");
  });
});

describe("pointsPlot", () => {
  it("draws the library's Dataset: the 15 training points and the query point", async () => {
    const { svg, drawn } = await checkSpec(pointsPlot(pointsDataset(), { queries: [testPoint] }));
    expect(drawn.symbol).toBe(16);
    expect(svg).toContain("(2, -3) ?");
  });

  it("sizes the plot as asked, within bounds", async () => {
    const spec = pointsPlot(pointsDataset(), { size: 240 });
    expect([(spec as { width: number }).width, (spec as { height: number }).height]).toEqual([240, 240]);
    expect(() => pointsPlot(pointsDataset(), { size: 0 })).toThrow("size must be a whole number in [50, 2000], got 0");
  });

  it("frames 50,000 points without overflowing the stack, and refuses more with the limit", () => {
    const count = 50_000;
    const data = { inputs: Array.from({ length: count }, (_, i) => [i / 1000, -i / 1000]), labels: Array.from({ length: count }, (_, i) => i % 2) };
    const spec = pointsPlot(data) as { layer: { encoding: { x: { scale: { domain: number[] } } } }[] };
    expect(spec.layer[0]!.encoding.x.scale.domain).toEqual([-10, 60]);
    const tooMany = { inputs: Array.from({ length: 150_000 }, () => [0, 0]), labels: Array.from({ length: 150_000 }, () => 0) };
    expect(() => pointsPlot(tooMany)).toThrow("data.inputs.length must be at most 50,000 points per plot (plot a sample), got 150000");
  });

  it("rejects a label other than 0 or 1, and an empty data set", () => {
    expect(() => pointsPlot({ inputs: [[0, 0]], labels: [0.5] })).toThrow("data.labels[0] must be 0 (blue) or 1 (red), got 0.5");
    expect(() => pointsPlot({ inputs: [], labels: [] })).toThrow("data.inputs must be at least one point, got []");
    expect(() => pointsPlot([{ x1: 0, x2: 0, label: 1 }] as never)).toThrow(/^data must be a Dataset \{ inputs: \[x1, x2\]\[\], labels: \(0 \| 1\)\[\] \}, got/);
  });
});
