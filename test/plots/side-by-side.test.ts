import { describe, expect, it } from "vitest";
import { lossPlot, regionsPlot, sideBySide } from "../../src/plots";
import { checkSpec, TUTORIAL_POINTS } from "./vega-check";
import { sigmoid as coreSigmoid } from "../../src/core";

const sigmoid = coreSigmoid.output;
const regions = regionsPlot((x1, x2) => sigmoid(4 * (2 * x1 - x2)), { points: TUTORIAL_POINTS, size: 200 });
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
    expect(colour("concat_0_color")?.range).toEqual(["#3c78c3", "#d8434f"]);
    expect(colour("concat_1_color")?.range).toEqual({ scheme: "tableau10" });
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
