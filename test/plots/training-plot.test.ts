import { describe, expect, it } from "vitest";
import { genderDataset, logSpacedEpochs, Network221, type Params221, RandomState, sigmoid, trainingPlot } from "../../src";
import { checkSpec, renderWithSignals } from "./vega-check";

/** A boundary that turns from horizontal to the tutorial's tilt as "training" goes on: params k = 0…3. */
const frames = [0, 100, 200, 300].map((epoch, k) => ({ epoch, loss: 0.25 / (1 + k * 10), params: k }));
const turning = (k: number) => (x1: number, x2: number) => sigmoid.output((k + 1) * (k * x1 - (3 - k) * x2 * 0.3));
const data = {
  inputs: [[0, 0], [0, 1], [0, 2], [-1, 0], [-2, -2], [1, -1], [1, 0], [2, 0], [0, -3]],
  labels: [0, 0, 0, 0, 0, 1, 1, 1, 1],
};

describe("trainingPlot", () => {
  it("draws the snapshots of a real training run, rebuilding each network from its params", async () => {
    const people = genderDataset();
    const net = Network221.fromRandom(new RandomState(0));
    const { snapshots } = net.train(people.inputs, people.labels, { epochs: 200, snapshotAt: [0, 10, 200] });
    const spec = trainingPlot(snapshots, (params: Params221) => new Network221(params), { data: people, resolution: 20 });
    const { svg, drawn } = await checkSpec(spec);
    expect(drawn.symbol).toBe(4 + 3);
    expect(spec.description).toContain("3 snapshots from epoch 0 to 200");
    expect(svg).toContain(`epoch 200, loss ${Number(snapshots[2]!.loss.toPrecision(4))}`);
  });

  it("binds a snapshot slider that starts at the last snapshot", async () => {
    const { svg, drawn, vegaSpec } = await checkSpec(trainingPlot(frames, turning, { data }));
    const slider = vegaSpec.signals?.find((s) => s.name === "snapshot");
    expect(slider).toMatchObject({ value: 3, bind: { input: "range", min: 0, max: 3, step: 1 } });
    expect(drawn.image).toBe(1);
    expect(drawn.symbol).toBe(9 + 4);
    expect(svg).toContain("epoch 300, loss 0.00806");
  });

  it("shows another snapshot's regions and loss so far when the slider moves", async () => {
    const spec = trainingPlot(frames, turning, { data, resolution: 20 });
    const first = await renderWithSignals(spec, { snapshot: 0 });
    expect(first).toContain("epoch 0, loss 0.25");
    const last = await renderWithSignals(spec, {});
    const imageOf = (svg: string) => svg.match(/href="(data:image\/png[^"]+)"/)![1];
    expect(imageOf(first)).not.toBe(imageOf(last));
  });

  it("epochScale symlog spreads geometric snapshots over a decade-ticked axis that keeps epoch 0", async () => {
    const geometric = [0, 1, 10, 100, 1000, 10000].map((epoch, k) => ({ ...frames[k % frames.length]!, epoch }));
    const spec = trainingPlot(geometric, turning, { data, epochScale: "symlog" });
    const { svg } = await checkSpec(spec);
    expect(JSON.stringify(spec)).toContain('"scale":{"type":"symlog"}');
    for (const tick of ["0", "1", "10", "100", "1,000", "10,000"]) expect(svg).toContain(`opacity="1">${tick}</text>`);
  });

  it("rejects an unknown epochScale, empty snapshots and a zero loss on the log scale", () => {
    expect(() => trainingPlot(frames, turning, { epochScale: "log" as "symlog" })).toThrow('epochScale must be "linear" or "symlog", got "log"');
    expect(() => trainingPlot([], turning)).toThrow("snapshots must be a non-empty array, got []");
    expect(() => trainingPlot([{ ...frames[0]!, loss: 0 }], turning)).toThrow("snapshots[0].loss must be > 0 on a log scale (or pass logScale: false), got 0");
    expect(() => trainingPlot(frames, undefined as never)).toThrow(/^toModel must be a function from a snapshot's params to a network/);
  });

  it("bounds resolution, snapshots × resolution² and snapshots × points, naming the limits", () => {
    expect(() => trainingPlot(frames, turning, { resolution: 501 })).toThrow("resolution must be a whole number in [2, 500], got 501");
    const many = Array.from({ length: 200 }, (_, k) => ({ ...frames[0]!, epoch: k }));
    expect(() => trainingPlot(many, turning, { resolution: 200 })).toThrow(
      "resolution must be at most 141 for 200 snapshots (snapshots × resolution² is limited to 4,000,000), got 200",
    );
    const crowd = { inputs: Array.from({ length: 300 }, () => [0, 0]), labels: Array.from({ length: 300 }, () => 0) };
    expect(() => trainingPlot(many, turning, { data: crowd, resolution: 10 })).toThrow(
      "data.inputs.length must be at most 250 for 200 snapshots (every snapshot draws every point: at most 50,000 in all), got 300",
    );
    const tooMany = Array.from({ length: 501 }, (_, k) => ({ ...frames[0]!, epoch: k }));
    expect(() => trainingPlot(tooMany, turning)).toThrow("snapshots.length must be at most 500, got 501");
  });
});

describe("logSpacedEpochs", () => {
  it("spaces snapshots geometrically from 0 to the last epoch, without repeats", () => {
    expect(logSpacedEpochs(1000, 4)).toEqual([0, 10, 100, 1000]);
    const epochs = logSpacedEpochs(100000, 30);
    expect(epochs.at(-1)).toBe(100000);
    epochs.slice(1).forEach((epoch, k) => expect(epoch).toBeGreaterThan(epochs[k]!));
    expect(logSpacedEpochs(3, 10)).toEqual([0, 1, 2, 3]);
  });

  it("rejects a count outside 2…500", () => {
    expect(() => logSpacedEpochs(100, 1)).toThrow("count must be a whole number in [2, 500], got 1");
    expect(() => logSpacedEpochs(0, 5)).toThrow("epochs must be a whole number >= 1, got 0");
  });
});
