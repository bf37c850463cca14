import { describe, expect, it } from "vitest";
import { decisionBoundary, LayeredNetwork, Network221, pointsDataset, type Predictor, RandomState, regionsPlot, sampleGrid, sigmoid as coreSigmoid, testPoint } from "../../src";
import { assertInDelta } from "../assert";
import { checkSpec } from "./vega-check";

const sigmoid = coreSigmoid.output;
/** A straight boundary x1 = x2 / 2: red to the right of it, like tutorial 2's trained network. */
const tilted = (x1: number, x2: number): number => sigmoid(4 * (2 * x1 - x2));
const points = pointsDataset();

/** A Predictor that counts its predictBatch calls and the rows it was asked about. */
function counting(model: Predictor): Predictor & { calls: number; rows: number } {
  const counter = {
    inputSize: model.inputSize,
    outputSize: model.outputSize,
    calls: 0,
    rows: 0,
    predictBatch(inputs: Float64Array, out?: Float64Array): Float64Array {
      counter.calls++;
      counter.rows += inputs.length / model.inputSize;
      return model.predictBatch(inputs, out);
    },
  };
  return counter;
}

describe("regionsPlot", () => {
  it("draws the field as one PNG image, the boundary as a line, and every point", async () => {
    const { svg, drawn } = await checkSpec(regionsPlot(tilted, { data: points, queries: [testPoint] }));
    expect(drawn.image).toBe(1);
    expect(svg).toMatch(/<image[^>]*href="data:image\/png;base64,/);
    expect(drawn.line).toBe(1);
    expect(drawn.symbol).toBe(15 + 1);
    expect(svg).toContain("(2, -3) → 1.000, red (1)");
  });

  it("asks a Predictor once, with the grid, the data and the queries in one batch", async () => {
    const net = counting(Network221.fromRandom(new RandomState(0)));
    const spec = regionsPlot(net, { data: points, queries: [testPoint], resolution: 30 });
    expect(net.calls).toBe(1);
    expect(net.rows).toBe(30 * 30 + 15 + 1);
    await checkSpec(spec);
  });

  it("draws a Predictor exactly as the function of its prediction", () => {
    const net = Network221.fromRandom(new RandomState(3));
    const asPredictor = regionsPlot(net, { data: points, queries: [testPoint], resolution: 40 });
    const asFunction = regionsPlot((x1, x2) => net.feedforward([x1, x2]), { data: points, queries: [testPoint], resolution: 40 });
    expect(asPredictor).toEqual(asFunction);
    const layered = LayeredNetwork.fromRandom([2, 8, 1], new RandomState(3), { biases: true, activation: "tanh", outputActivation: "sigmoid" });
    expect(regionsPlot(layered, { data: points })).toEqual(regionsPlot((x1, x2) => layered.predict([x1, x2])[0]!, { data: points }));
  });

  it("labels a named query with its name before the coordinates", async () => {
    const { svg } = await checkSpec(regionsPlot(tilted, { queries: [{ x1: -1, x2: 2, name: "Emily" }] }));
    expect(svg).toContain("Emily (-1, 2) → 0.000, blue (0)");
    expect(() => regionsPlot(tilted, { queries: [{ x1: 0, x2: 0, name: 7 as unknown as string }] })).toThrow("queries[0].name must be a string, got 7");
  });

  it("keeps the image's data URL out of the SVG's accessibility labels", async () => {
    const { svg } = await checkSpec(regionsPlot(tilted, { data: points }));
    expect(svg.match(/data:image\/png/g)).toHaveLength(1);
  });

  it("stays small with hundreds of training points: no per-point accessibility labels in the SVG", async () => {
    const many = {
      inputs: Array.from({ length: 400 }, (_, i) => [(i % 20) / 4 - 2.5, Math.floor(i / 20) / 4 - 2.5]),
      labels: Array.from({ length: 400 }, (_, i) => i % 2),
    };
    const { svg, drawn } = await checkSpec(regionsPlot(tilted, { data: many }));
    expect(drawn.symbol).toBe(400);
    expect(svg).not.toMatch(/aria-label="x1: /);
    expect(svg.length).toBeLessThan(120_000);
  });

  it("marks the points the network gets wrong", async () => {
    // Shifting the boundary right by 1.25 puts the red points (1, 0), (1, 1) and (0, -2) on the blue side.
    const shifted = (x1: number, x2: number): number => tilted(x1 - 1.25, x2);
    const spec = regionsPlot(shifted, { data: points });
    const { svg } = await checkSpec(spec);
    expect(spec.description).toContain("(3 misclassified)");
    expect(svg.match(/stroke="black" stroke-width="2.5"/g)).toHaveLength(3);
  });

  it("rejects sizes and resolutions outside their bounds, naming the limits", () => {
    expect(() => regionsPlot(tilted, { size: -100 })).toThrow("size must be a whole number in [50, 2000], got -100");
    expect(() => regionsPlot(tilted, { size: NaN })).toThrow("size must be a whole number in [50, 2000], got NaN");
    expect(() => regionsPlot(tilted, { size: 1e6 })).toThrow("size must be a whole number in [50, 2000], got 1000000");
    expect(() => regionsPlot(tilted, { resolution: 1 })).toThrow("resolution must be a whole number in [2, 500], got 1");
    expect(() => regionsPlot(tilted, { resolution: 1e5 })).toThrow("resolution must be a whole number in [2, 500], got 100000");
  });

  it("rejects a model that is neither a function nor a 2-input Predictor, and a non-finite output", () => {
    expect(() => regionsPlot(() => NaN, { resolution: 2 })).toThrow(/^model\(-0\.5, 0\.5\) must be a finite number, got NaN$/);
    expect(() => regionsPlot((() => "0.5") as never, { resolution: 2 })).toThrow('model(-0.5, 0.5) must be a finite number, got "0.5"');
    expect(() => regionsPlot({ inputSize: 3, outputSize: 1, predictBatch: () => new Float64Array(0) })).toThrow(
      "model.inputSize must be 2 (a point (x1, x2) of the plane), got 3",
    );
    expect(() => regionsPlot({} as never)).toThrow("model must be a trained network (a Predictor with 2 inputs) or a function (x1, x2) => number, got {}");
  });

  it("rejects data that is not a Dataset of 0/1 labels, and a bad domain", () => {
    expect(() => regionsPlot(tilted, { data: { inputs: [[0, 0]], labels: [0.5] } })).toThrow("data.labels[0] must be 0 (blue) or 1 (red), got 0.5");
    expect(() => regionsPlot(tilted, { data: { inputs: [[0, 0, 1]], labels: [1] } })).toThrow("data.inputs[0] must be [x1, x2], got [0,0,1]");
    expect(() => regionsPlot(tilted, { data: { inputs: [[0, 0]], labels: [] } })).toThrow("data.labels.length must be 1 (one label per input), got 0");
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
