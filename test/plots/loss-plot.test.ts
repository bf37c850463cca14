import { describe, expect, it } from "vitest";
import { lossPlot } from "../../src/plots";
import { checkSpec } from "./vega-check";

const run = (name: string, rate: number) => ({
  name,
  losses: Array.from({ length: 50 }, (_, epoch) => ({ epoch, loss: 0.25 * Math.exp(-rate * epoch) })),
});

describe("lossPlot", () => {
  it("draws one line per run on one chart", async () => {
    const { drawn, vegaSpec } = await checkSpec(lossPlot([run("η = 0.1", 0.1), run("η = 1", 1), run("η = 5", 5)]));
    expect(drawn.line).toBe(3);
    expect(vegaSpec.scales?.find((s) => s.name === "color")?.domain).toMatchObject({ data: expect.any(String) });
  });

  it("uses a log y scale when asked", async () => {
    const { vegaSpec } = await checkSpec(lossPlot(run("one", 0.2), { logScale: true }));
    expect(vegaSpec.scales?.find((s) => s.name === "y")?.type).toBe("log");
  });

  it("rejects empty or non-finite histories naming the run", () => {
    expect(() => lossPlot([])).toThrow("runs must be a non-empty array, got []");
    expect(() => lossPlot({ name: "a", losses: [] })).toThrow("runs[0].losses must be a non-empty array, got []");
    expect(() => lossPlot({ name: "a", losses: [{ epoch: 0, loss: NaN }] })).toThrow("runs[0].losses[0].loss must be a finite number, got NaN");
    expect(() => lossPlot({ name: "a", losses: [{ epoch: 0, loss: 0 }] }, { logScale: true })).toThrow(
      "runs[0].losses[0].loss must be > 0 on a log scale, got 0",
    );
  });
});
