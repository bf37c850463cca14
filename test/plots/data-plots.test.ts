import { describe, expect, it } from "vitest";
import { peoplePlot, pointsPlot } from "../../src/plots";
import { checkSpec, TUTORIAL_POINTS } from "./vega-check";

const PEOPLE = [
  { name: "Alice", weight: 133, height: 65, gender: 1 },
  { name: "Bob", weight: 160, height: 72, gender: 0 },
  { name: "Charlie", weight: 152, height: 70, gender: 0 },
  { name: "Diana", weight: 120, height: 60, gender: 1 },
];

describe("peoplePlot", () => {
  it("draws each person as a labelled point", async () => {
    const { svg, drawn } = await checkSpec(peoplePlot(PEOPLE));
    expect(drawn).toEqual({ symbol: 4, text: 4 });
    for (const name of ["Alice", "Bob", "Charlie", "Diana"]) expect(svg).toContain(`>${name}<`);
  });

  it("shows the shifted values the network sees, saying so on the axes", async () => {
    const spec = peoplePlot(PEOPLE, { shift: { weight: 135, height: 66 } });
    const { svg } = await checkSpec(spec);
    expect(svg).toContain("weight − 135 (lb)");
    const alice = (spec as { data: { values: { name: string; weight: number; height: number }[] } }).data.values[0];
    expect(alice).toMatchObject({ name: "Alice", weight: -2, height: -1 });
  });

  it("rejects a gender other than 0 or 1", () => {
    expect(() => peoplePlot([{ ...PEOPLE[0], gender: 2 }])).toThrow("people[0].gender must be 0 (male) or 1 (female), got 2");
  });
});

describe("pointsPlot", () => {
  it("draws the 15 training points and the query point", async () => {
    const { svg, drawn } = await checkSpec(pointsPlot(TUTORIAL_POINTS, { queries: [{ x1: 2, x2: -3 }] }));
    expect(drawn.symbol).toBe(16);
    expect(svg).toContain("(2, -3) ?");
  });

  it("rejects a label other than 0 or 1", () => {
    expect(() => pointsPlot([{ x1: 0, x2: 0, label: 0.5 }])).toThrow("points[0].label must be 0 (blue) or 1 (red), got 0.5");
  });
});
