import { describe, expect, it } from "vitest";
import { assertInDelta } from "../assert";
import { accuracy, circleDataset, LayeredNetwork, RandomState, generateDataset, spiralDataset, gaussianDataset, type DatasetName } from "../../src";

const NAMES: DatasetName[] = ["circle", "xor", "gaussian", "spiral"];

describe("generated data sets", () => {
  for (const name of NAMES) {
    it(`${name}: the same seed gives the same points, half of each class, within the plane, named`, () => {
      const a = generateDataset(name, new RandomState(3), { count: 100 });
      const b = generateDataset(name, new RandomState(3), { count: 100 });
      expect(a).toEqual(b);
      expect(a.name).toBe(name);
      expect(a.inputs).toHaveLength(100);
      expect(a.labels.filter((l) => l === 1)).toHaveLength(50);
      const extent = Math.max(...a.inputs.flat().map(Math.abs));
      expect(extent).toBeLessThan(name === "gaussian" ? 7 : 5.5);
    });
  }

  it("circle: label 1 lies inside radius 2.5 and label 0 outside 3.5 when there is no noise", () => {
    const { inputs, labels } = generateDataset("circle", new RandomState(0));
    inputs.forEach(([x1, x2], i) => {
      const r = Math.hypot(x1!, x2!);
      if (labels[i] === 1) expect(r).toBeLessThanOrEqual(2.5);
      else expect(r).toBeGreaterThanOrEqual(3.5);
    });
  });

  it("spiral: noise moves each point by at most noise × 5 in each coordinate, from a seed", () => {
    const clean = spiralDataset(new RandomState(4), { count: 100 });
    const noisy = spiralDataset(new RandomState(4), { count: 100, noise: 0.1 });
    const shifts = clean.inputs.flatMap((p, i) => p.map((v, k) => Math.abs(noisy.inputs[i]![k]! - v)));
    expect(Math.max(...shifts)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...shifts)).toBeGreaterThan(0.3);
    expect(spiralDataset(new RandomState(5), { count: 100, noise: 0.1 })).not.toEqual(noisy);
  });

  it("gaussian: noise widens the clouds (noise 0.5 doubles the spread)", () => {
    const spread = (noise: number) => {
      const { inputs, labels } = gaussianDataset(new RandomState(6), { count: 4000, noise });
      const offsets = inputs.map(([x1], i) => x1! - (labels[i] === 1 ? 2 : -2));
      return Math.sqrt(offsets.reduce((sum, d) => sum + d * d, 0) / offsets.length);
    };
    assertInDelta(spread(0), 1, 0.05);
    assertInDelta(spread(0.5), 2, 0.1);
  });

  it("xor: the label says whether x1 and x2 share a sign", () => {
    const { inputs, labels } = generateDataset("xor", new RandomState(0));
    inputs.forEach(([x1, x2], i) => expect(labels[i]).toBe(x1! * x2! >= 0 ? 1 : 0));
  });

  it("a 2-8-1 tanh network with biases learns the circle (training accuracy > 95%)", () => {
    const { inputs, labels } = generateDataset("circle", new RandomState(1), { count: 100 });
    const net = LayeredNetwork.fromRandom([2, 8, 1], new RandomState(2), { activation: "tanh", biases: true });
    net.train(inputs, labels, { epochs: 2000, learnRate: 0.01 });
    expect(accuracy(net, { inputs, labels })).toBeGreaterThan(0.95);
  });

  it("generateDataset(…) validates its options", () => {
    const rng = new RandomState(0);
    expect(() => generateDataset("moons" as never, rng)).toThrow('name must be one of circle, xor, gaussian, spiral, got "moons"');
    expect(() => generateDataset("xor", rng, { count: 1 })).toThrow("count must be a whole number in [2, 100000], got 1");
    expect(() => generateDataset("xor", rng, { noise: 2 })).toThrow("noise must be a number in [0, 1], got 2");
    expect(() => generateDataset("xor", undefined as never)).toThrow("rng must be a RandomState, e.g. new RandomState(0), got undefined");
  });

  it("generateDataset(…) looks names up as its own keys only: Object's members are not data sets", () => {
    const rng = new RandomState(0);
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      expect(() => generateDataset(name as never, rng)).toThrow(`name must be one of circle, xor, gaussian, spiral, got "${name}"`);
    }
  });

  it("bounds the count so that one argument cannot exhaust the kernel's memory", () => {
    const rng = new RandomState(0);
    expect(() => circleDataset(rng, { count: 1e9 })).toThrow("count must be a whole number in [2, 100000], got 1000000000");
    expect(() => circleDataset(rng, { count: NaN })).toThrow("count must be a whole number in [2, 100000], got NaN");
    expect(circleDataset(rng, { count: 100_000 }).labels).toHaveLength(100_000);
  });
});
