import { describe, expect, it } from "vitest";
import { trainingPlot } from "../../src/plots";
import { checkSpec, renderWithSignals, TUTORIAL_POINTS } from "./vega-check";
import { sigmoid as coreSigmoid } from "../../src/core";

const sigmoid = coreSigmoid.output;
/** A boundary that turns from horizontal to the tutorial's tilt as "training" goes on. */
const frames = [0, 100, 200, 300].map((epoch, k) => ({
  epoch,
  loss: 0.25 / (1 + k * 10),
  predict: (x1: number, x2: number) => sigmoid((k + 1) * (k * x1 - (3 - k) * x2 * 0.3)),
}));

describe("trainingPlot", () => {
  it("binds a snapshot slider that starts at the last snapshot", async () => {
    const { svg, drawn, vegaSpec } = await checkSpec(trainingPlot(frames, { points: TUTORIAL_POINTS }));
    const slider = vegaSpec.signals?.find((s) => s.name === "snapshot");
    expect(slider).toMatchObject({ value: 3, bind: { input: "range", min: 0, max: 3, step: 1 } });
    expect(drawn.image).toBe(1);
    expect(drawn.symbol).toBe(15 + 4);
    expect(svg).toContain("epoch 300, loss 0.00806");
  });

  it("shows another snapshot's regions and loss so far when the slider moves", async () => {
    const spec = trainingPlot(frames, { points: TUTORIAL_POINTS, resolution: 20 });
    const first = await renderWithSignals(spec, { snapshot: 0 });
    expect(first).toContain("epoch 0, loss 0.25");
    const last = await renderWithSignals(spec, {});
    const imageOf = (svg: string) => svg.match(/href="(data:image\/png[^"]+)"/)![1];
    expect(imageOf(first)).not.toBe(imageOf(last));
  });

  it("epochScale symlog spreads geometric snapshots over a decade-ticked axis that keeps epoch 0", async () => {
    const geometric = [0, 1, 10, 100, 1000, 10000].map((epoch, k) => ({ ...frames[k % frames.length]!, epoch }));
    const spec = trainingPlot(geometric, { points: TUTORIAL_POINTS, epochScale: "symlog" });
    const { svg } = await checkSpec(spec);
    expect(JSON.stringify(spec)).toContain('"scale":{"type":"symlog"}');
    for (const tick of ["0", "1", "10", "100", "1,000", "10,000"]) expect(svg).toContain(`opacity="1">${tick}</text>`);
  });

  it("rejects an unknown epochScale", () => {
    expect(() => trainingPlot(frames, { epochScale: "log" as "symlog" })).toThrow('epochScale must be "linear" or "symlog", got "log"');
  });

  it("rejects empty frames and a zero loss on the log scale", () => {
    expect(() => trainingPlot([])).toThrow("frames must be a non-empty array, got []");
    expect(() => trainingPlot([{ ...frames[0], loss: 0 }])).toThrow("frames[0].loss must be > 0 on a log scale (or pass logScale: false), got 0");
  });
});
