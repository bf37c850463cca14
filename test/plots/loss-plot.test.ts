import { describe, expect, it } from "vitest";
import { genderDataset, lossPlot, Network221, RandomState } from "../../src";
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

  it("draws the losses a training run returns, at the size asked", async () => {
    const { inputs, labels } = genderDataset();
    const { losses } = Network221.fromRandom(new RandomState(0)).train(inputs, labels, { epochs: 100 });
    const spec = lossPlot({ name: "η = 0.1", losses }, { width: 320, height: 200 });
    const { drawn } = await checkSpec(spec);
    expect(drawn.line).toBe(1);
    expect([(spec as { width: number }).width, (spec as { height: number }).height]).toEqual([320, 200]);
  });

  it("bounds the points over all runs and the size, naming the limits", () => {
    const long = { name: "long", losses: Array.from({ length: 30_000 }, (_, epoch) => ({ epoch, loss: 1 })) };
    expect(() => lossPlot([long, { ...long, name: "again" }])).toThrow(
      "runs[1].losses.length must be at most 20,000: a loss plot draws at most 50,000 points in all (record fewer with lossEvery), got 30000",
    );
    expect(() => lossPlot(long, { height: 1e5 })).toThrow("height must be a whole number in [50, 2000], got 100000");
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
