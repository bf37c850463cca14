import { describe, expect, it } from "vitest";
import { LayeredNetwork, lossPlot, Network221, pointsDataset, RandomState, regionsAndLossPlot, regionsPlot, sideBySide, sigmoid as coreSigmoid } from "../../src";
import { BLUE_COLOR, RED_COLOR, SERIES_COLORS } from "../../src/plots/colors";
import { checkSpec } from "./vega-check";

const sigmoid = coreSigmoid.output;
const regions = regionsPlot((x1, x2) => sigmoid(4 * (2 * x1 - x2)), { data: pointsDataset(), size: 200 });
const losses = lossPlot([
  { name: "η = 0.1", losses: [{ epoch: 0, loss: 0.3 }, { epoch: 10, loss: 0.1 }] },
  { name: "η = 1", losses: [{ epoch: 0, loss: 0.3 }, { epoch: 10, loss: 0.02 }] },
]);

describe("sideBySide", () => {
  it("draws every plot's marks in one row of valid Vega-Lite", async () => {
    const { drawn } = await checkSpec(sideBySide([regions, losses], { title: "Regions and loss" }));
    expect(drawn.image).toBe(1);
    expect(drawn.symbol).toBe(15);
    expect(drawn.line).toBe(1 + 2);
  });

  it("keeps the class colours of the regions apart from the run colours of the loss chart", async () => {
    // Shared, as Vega-Lite's concat default would make them, the loss lines would take the class colours.
    const { vegaSpec } = await checkSpec(sideBySide([regions, losses]));
    const colour = (name: string) => vegaSpec.scales?.find((s) => s.name === name) as { range?: unknown } | undefined;
    expect(colour("concat_0_color")?.range).toEqual([BLUE_COLOR, RED_COLOR]);
    expect(colour("concat_1_color")?.range).toEqual(SERIES_COLORS);
  });

  it("leaves the plots it is given unchanged and describes each in one line", () => {
    const before = JSON.stringify(regions);
    const spec = sideBySide([regions, losses]);
    expect(JSON.stringify(regions)).toBe(before);
    expect(spec.description).toMatch(/^2 plots side by side: \(1\) Classification regions .* \(2\) Line chart of loss against epoch for 2 runs/);
  });

  it("rejects an empty list and a missing plot naming the position", () => {
    expect(() => sideBySide([])).toThrow("plots must be a non-empty array, got []");
    expect(() => sideBySide([regions, null as never])).toThrow("plots[1] must be a Vega-Lite spec, got null");
  });
});

describe("regionsAndLossPlot", () => {
  it("puts a trained network's regions next to the loss curve of its run", async () => {
    const data = pointsDataset();
    const net = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    const { losses } = net.train(data.inputs, data.labels, { epochs: 200 });
    const spec = regionsAndLossPlot(net, { name: "η = 1", losses }, { data, title: "points, η = 1", lossTitle: "2-4-1 sigmoid" });
    const { svg, drawn } = await checkSpec(spec);
    expect(drawn.image).toBe(1);
    expect(drawn.symbol).toBe(15);
    expect(drawn.line).toBe(1 + 1);
    expect(svg).toContain(">points, η = 1<");
    expect(svg).toContain(">2-4-1 sigmoid<");
  });

  it("takes any Predictor and several runs to compare", async () => {
    const net = Network221.fromRandom(new RandomState(0));
    const runs = [0.1, 1].map((rate) => ({ name: `η = ${rate}`, losses: [{ epoch: 0, loss: 0.3 }, { epoch: 10, loss: 0.3 / (1 + rate) }] }));
    const { drawn } = await checkSpec(regionsAndLossPlot(net, runs, { logScale: true }));
    expect(drawn.line).toBe(1 + 2);
  });
});
