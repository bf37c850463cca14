import { describe, expect, it } from "vitest";
import {
  LayeredNetwork,
  InputError,
  Matrix,
  RandomState,
  flattenRows,
  numericalGradient,
  sigmoid,
  spiralDataset,
  type Activation,
  pointsDataset,
  testPoint,
  type LayeredOptions,
  type LayeredParams,
} from "../../src";
import { assertAllInDelta, assertGradientClose, assertInDelta } from "../assert";
import oracleSeed1 from "../fixtures/oracle-points-seed1.json";
import oracleSeed3 from "../fixtures/oracle-points-seed3.json";

const ORACLE_DELTA = 1e-9;
/** The tutorial prints 8 decimals. */
const PRINTED_DELTA = 5e-9;
const { inputs, labels } = pointsDataset();

const STAGE_1 = {
  layer1: [
    [-0.16595599, 0.44064899, -0.99977125, -0.39533485],
    [-0.70648822, -0.81532281, -0.62747958, -0.30887855],
  ],
  layer2: [[-0.20646505], [0.07763347], [-0.16161097], [0.370439]],
};
const STAGE_2 = {
  layer1: [
    [-3.97185157, 4.66297249, -5.25188655, 1.39753303],
    [1.35299999, -1.57439556, 1.76665557, -0.71676559],
  ],
  layer2: [[-7.20493687], [6.57701463], [-11.30181144], [0.89289527]],
};

describe("LayeredNetwork", () => {
  it("fromRandom([2, 4, 1], seed 1) gives the tutorial's Stage 1 weights", () => {
    const network = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    assertAllInDelta(network.params.weights, [STAGE_1.layer1, STAGE_1.layer2], PRINTED_DELTA);
    expect(network.params.weights).toEqual([oracleSeed1.initial.layer1, oracleSeed1.initial.layer2]);
    expect(network.params.biases).toBeNull();
  });

  it("100,000 iterations give the tutorial's Stage 2 weights and 0.99942671 for (2, -3)", () => {
    const network = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    network.train(inputs, labels, { epochs: 100_000 });
    assertAllInDelta(network.params.weights, [STAGE_2.layer1, STAGE_2.layer2], PRINTED_DELTA);
    assertInDelta(network.predict(testPoint)[0]!, 0.99942671, PRINTED_DELTA);
    assertAllInDelta(network.params.weights, [oracleSeed1.final.layer1, oracleSeed1.final.layer2], ORACLE_DELTA);
    assertInDelta(network.predict(testPoint)[0]!, oracleSeed1.test.output, ORACLE_DELTA);
  });

  it("seed 3, 6 hidden neurons, 20,000 iterations agrees with the tutorial's NumPy code", () => {
    const network = LayeredNetwork.fromRandom([2, 6, 1], new RandomState(3));
    network.train(inputs, labels, { epochs: oracleSeed3.iterations });
    assertAllInDelta(network.params.weights, [oracleSeed3.final.layer1, oracleSeed3.final.layer2], ORACLE_DELTA);
    assertInDelta(network.predict(testPoint)[0]!, oracleSeed3.test.output, ORACLE_DELTA);
  });

  it("forward returns every layer's output, and forwardBatch every sample's", () => {
    const network = LayeredNetwork.fromRandom([2, 4, 3, 1], new RandomState(2));
    const layers = network.forward([1, -1]);
    expect(layers.map((l) => l.length)).toEqual([4, 3, 1]);
    const batch = network.forwardBatch([[1, -1], [0, 2]]);
    expect(batch.map((l) => [l.rows, l.cols])).toEqual([[2, 4], [2, 3], [2, 1]]);
    expect(batch[1]!.toArray()[0]).toEqual(layers[1]);
    expect(network.predict([1, -1])).toEqual(layers[2]);
  });

  it("predictBatch gives predict's output for every row, into out when given, and forwardBatch's last layer", () => {
    const network = LayeredNetwork.fromRandom([2, 5, 3, 2], new RandomState(7), { activation: "tanh", outputActivation: "sigmoid", biases: true });
    const rows = [[1, -1], [0, 2], [-3, 0.5]];
    const out = new Float64Array(6);
    expect(network.predictBatch(flattenRows(rows, 2), out)).toBe(out);
    expect(Array.from(out)).toEqual(rows.flatMap((x) => network.predict(x)));
    const layers = network.forwardBatch(Matrix.from(rows));
    expect(layers[2]!.data).toEqual(out);
    expect(() => network.predictBatch(new Float64Array(3))).toThrow("inputs.length must be a multiple of inputSize (2), got 3");
    expect(() => network.forwardBatch(new Matrix(2, 3))).toThrow("inputs.cols must be 2 (the network's inputSize), got 3");
  });

  const gradientCases: [string, number[], LayeredOptions][] = [
    ["2-4-1 sigmoid, no biases", [2, 4, 1], {}],
    ["2-5-3-1 relu hidden, sigmoid output, with biases", [2, 5, 3, 1], { activation: "relu", outputActivation: "sigmoid", biases: true }],
    ["2-4-2 tanh hidden, sigmoid output", [2, 4, 2], { activation: "tanh", outputActivation: "sigmoid" }],
    ["2-4-1 sigmoid with biases", [2, 4, 1], { biases: true }],
    ["2-5-3-2 tanh with biases", [2, 5, 3, 2], { activation: "tanh", biases: true }],
    ["2-6-1 relu with biases", [2, 6, 1], { activation: "relu", biases: true }],
  ];
  for (const [name, sizes, options] of gradientCases) {
    it(`gradients match finite differences of E = ½Σ(y − ŷ)² (${name}, relative error < 1e-6)`, () => {
      const rng = new RandomState(5);
      const start = LayeredNetwork.fromRandom(sizes, rng, options).params;
      const biases = start.biases?.map((b) => b.map(() => rng.uniform(-0.5, 0.5))) ?? null;
      const network = new LayeredNetwork(sizes, { weights: start.weights, biases }, options);
      const nOut = sizes[sizes.length - 1]!;
      const targets = labels.map((y) => Array.from({ length: nOut }, (_, k) => (k % 2 === 0 ? y : 1 - y)));
      const flat = (p: LayeredParams) => [...p.weights.flat(2), ...(p.biases?.flat() ?? [])];
      const rebuild = (v: readonly number[]): LayeredParams => {
        let k = 0;
        return {
          weights: network.params.weights.map((m) => m.map((row) => row.map(() => v[k++]!))),
          biases: network.params.biases?.map((b) => b.map(() => v[k++]!)) ?? null,
        };
      };
      const halfSumSquared = (v: readonly number[]) =>
        (new LayeredNetwork(sizes, rebuild(v), options).loss(inputs, targets) * inputs.length * nOut) / 2;
      const numeric = numericalGradient(halfSumSquared, flat(network.params));
      const analytic = flat(network.gradients(inputs, targets));
      expect(analytic).toHaveLength(numeric.length);
      analytic.forEach((g, k) => assertGradientClose(g, numeric[k]!, 1e-6, `parameter ${k}`));
    });
  }

  it("a wrong derivative is caught: an activation whose f' is 1% off fails the finite-difference check", () => {
    const wrong: Activation = { ...sigmoid, derFromOutput: (y) => 1.01 * y * (1 - y) };
    const network = LayeredNetwork.fromRandom([2, 3, 1], new RandomState(5), { activation: wrong });
    const weights = network.params.weights.flat(2);
    const rebuild = (v: readonly number[]) => {
      let k = 0;
      return network.params.weights.map((m) => m.map((row) => row.map(() => v[k++]!)));
    };
    const halfSumSquared = (v: readonly number[]) =>
      (new LayeredNetwork([2, 3, 1], { weights: rebuild(v), biases: null }, { activation: wrong }).loss(inputs, labels) * inputs.length) / 2;
    const numeric = numericalGradient(halfSumSquared, weights);
    const analytic = network.gradients(inputs, labels).weights.flat(2);
    const worst = Math.max(...analytic.map((g, k) => Math.abs(g - numeric[k]!) / Math.max(Math.abs(g), Math.abs(numeric[k]!))));
    expect(worst).toBeGreaterThan(1e-3);
  });

  it("outputActivation applies to the output layer only; activation to the hidden ones", () => {
    const net = LayeredNetwork.fromRandom([2, 3, 1], new RandomState(6), { activation: "relu", outputActivation: "sigmoid" });
    const { weights } = net.params;
    const x = [0.7, -1.2];
    const hidden = weights[0]![0]!.map((_, j) => Math.max(0, x[0]! * weights[0]![0]![j]! + x[1]! * weights[0]![1]![j]!));
    const total = hidden.reduce((sum, h, j) => sum + h * weights[1]![j]![0]!, 0);
    assertAllInDelta(net.forward(x), [hidden, [1 / (1 + Math.exp(-total))]], 1e-15);
    expect([net.activation.name, net.outputActivation.name]).toEqual(["relu", "sigmoid"]);
    expect(LayeredNetwork.fromRandom([2, 1], new RandomState(6), { activation: "tanh" }).outputActivation.name).toBe("tanh");
  });

  it("one step with learnRate η moves every weight by −η·∂E/∂w", () => {
    const network = LayeredNetwork.fromRandom([2, 3, 1], new RandomState(4), { biases: true });
    const before = network.params;
    const gradient = network.gradients(inputs, labels);
    network.train(inputs, labels, { epochs: 1, learnRate: 0.5 });
    const expected = before.weights.map((m, l) => m.map((row, i) => row.map((w, j) => w - 0.5 * gradient.weights[l]![i]![j]!)));
    assertAllInDelta(network.params.weights, expected, 1e-15);
    assertAllInDelta(network.params.biases, before.biases!.map((b, l) => b.map((v, j) => v - 0.5 * gradient.biases![l]![j]!)), 1e-15);
  });

  it("records the loss every lossEvery updates and after the last, and snapshots likewise", () => {
    const network = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    const initial = network.params;
    const { losses, snapshots } = network.train(inputs, labels, { epochs: 250, lossEvery: 100, snapshotEvery: 125 });
    expect(losses.map((p) => p.epoch)).toEqual([0, 100, 200, 250]);
    expect(snapshots.map((s) => s.epoch)).toEqual([0, 125, 250]);
    expect(snapshots[0]!.params).toEqual(initial);
    expect(snapshots[2]!.params).toEqual(network.params);
    assertInDelta(losses[3]!.loss, network.loss(inputs, labels), 1e-15);
    expect(losses[3]!.loss).toBeLessThan(losses[0]!.loss);
  });

  it("snapshots are copies that later training does not change", () => {
    const network = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    const { snapshots } = network.train(inputs, labels, { epochs: 10, snapshotEvery: 10 });
    const frozen = JSON.stringify(snapshots);
    network.train(inputs, labels, { epochs: 10 });
    expect(JSON.stringify(snapshots)).toBe(frozen);
  });

  it("new LayeredNetwork(…) and fromRandom validate layer sizes and parameter shapes", () => {
    const rng = new RandomState(0);
    expect(() => LayeredNetwork.fromRandom([2, 0, 1], rng)).toThrow("layerSizes[1] must be a whole number from 1 to 4096, got 0");
    expect(() => LayeredNetwork.fromRandom([2, 2.5, 1], rng)).toThrow("layerSizes[1] must be a whole number from 1 to 4096, got 2.5");
    expect(() => LayeredNetwork.fromRandom([2], rng)).toThrow("layerSizes must be an array of 2 to 32 layer sizes, got [2]");
    expect(() => new LayeredNetwork([2, 1], { weights: [[[1], [2], [3]]], biases: null })).toThrow(
      "params.weights[0] must be a 2×1 matrix (2 rows)",
    );
    expect(() => new LayeredNetwork([2, 1], { weights: [[[1], [Number.NaN]]], biases: null })).toThrow(
      "params.weights[0][1][0] must be a finite number, got NaN",
    );
    expect(() => LayeredNetwork.fromRandom([2, 1], rng, { activation: "softplus" as never })).toThrow(InputError);
  });

  it("biases given in params with options.biases false are refused, not dropped", () => {
    const params = { weights: [[[1], [2]]], biases: [[0.5]] };
    expect(() => new LayeredNetwork([2, 1], params, { biases: false })).toThrow("params.biases must be null when options.biases is false, got [[0.5]]");
    expect(new LayeredNetwork([2, 1], params).params.biases).toEqual([[0.5]]);
    expect(new LayeredNetwork([2, 1], { ...params, biases: null }, { biases: true }).params.biases).toEqual([[0]]);
  });

  it("bounds every size: layer widths, layer count, parameters, and the samples a batch may hold", () => {
    const rng = new RandomState(0);
    expect(() => LayeredNetwork.fromRandom([2, 1e8, 1], rng)).toThrow("layerSizes[1] must be a whole number from 1 to 4096, got 100000000");
    expect(() => LayeredNetwork.fromRandom([2, 20000, 20000, 1], rng)).toThrow("layerSizes[1] must be a whole number from 1 to 4096, got 20000");
    expect(() => LayeredNetwork.fromRandom(Array.from({ length: 33 }, () => 2), rng)).toThrow("layerSizes must be an array of 2 to 32 layer sizes");
    expect(() => LayeredNetwork.fromRandom([2, 4096, 4096, 1], rng)).toThrow(
      "layerSizes must be sizes with at most 10000000 weights and biases in all (these have 16797697), got [2,4096,4096,1]",
    );
    const wide = LayeredNetwork.fromRandom([2, 4096, 1], rng);
    // Training keeps 3 numbers per sample and unit: 3 · (2 + 4096 + 1) = 12297 a sample, at most 10914 samples.
    const many = spiralDataset(new RandomState(1), { count: 10916 });
    expect(() => wide.train(many.inputs, many.labels, { epochs: 1 })).toThrow(
      "inputs.length must be at most 10914 samples for layers [2, 4096, 1] (12297 numbers a sample, 2^27 in all), got 10916",
    );
    // Prediction keeps one: 4099 a sample, at most 32744 samples.
    expect(() => wide.predictBatch(new Float64Array(2 * 32745))).toThrow("inputs.length must be at most 32744 samples");
  });

  it("train(…) and predict(…) validate their inputs, changing nothing on error", () => {
    const network = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    const before = network.params;
    expect(() => network.train(inputs, labels, { epochs: 10, learnRate: -1 })).toThrow("learnRate must be a finite number > 0, got -1");
    expect(() => network.train([[1, 2, 3]], [1], { epochs: 1 })).toThrow("inputs[0].length must be 2, got 3");
    expect(() => network.train(inputs, labels.slice(1), { epochs: 1 })).toThrow("targets.length must be 15");
    expect(() => network.predict([1])).toThrow("x.length must be 2, got 1");
    expect(network.params).toEqual(before);
  });
});
