import { describe, expect, it } from "vitest";
import { LayeredNetwork, RandomState, generateDataset, type DatasetName } from "../../src";

const NAMES: DatasetName[] = ["circle", "xor", "gaussian", "spiral"];

describe("generated data sets", () => {
  for (const name of NAMES) {
    it(`${name}: the same seed gives the same points, half of each class, within the plane`, () => {
      const a = generateDataset(name, new RandomState(3), { count: 100 });
      const b = generateDataset(name, new RandomState(3), { count: 100 });
      expect(a).toEqual(b);
      expect(a.inputs).toHaveLength(100);
      expect(a.labels.filter((l) => l === 1)).toHaveLength(50);
      const extent = Math.max(...a.inputs.flat().map(Math.abs));
      expect(extent).toBeLessThan(name === "gaussian" ? 7 : 5.5);
      const noisy = (seed: number) => generateDataset(name, new RandomState(seed), { count: 100, noise: 0.1 });
      expect(noisy(4)).not.toEqual(noisy(5));
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

  it("xor: the label says whether x1 and x2 share a sign", () => {
    const { inputs, labels } = generateDataset("xor", new RandomState(0));
    inputs.forEach(([x1, x2], i) => expect(labels[i]).toBe(x1! * x2! >= 0 ? 1 : 0));
  });

  it("a 2-8-1 tanh network with biases learns the circle (training accuracy > 95%)", () => {
    const { inputs, labels } = generateDataset("circle", new RandomState(1), { count: 100 });
    const net = LayeredNetwork.fromRandom([2, 8, 1], new RandomState(2), { activation: "tanh", biases: true });
    net.train(inputs, labels, { epochs: 2000, learnRate: 0.01 });
    const correct = inputs.filter((x, i) => (net.predict(x)[0]! > 0.5 ? 1 : 0) === labels[i]).length;
    expect(correct / inputs.length).toBeGreaterThan(0.95);
  });

  it("generateDataset(…) validates its options", () => {
    const rng = new RandomState(0);
    expect(() => generateDataset("moons" as never, rng)).toThrow('name must be one of circle, xor, gaussian, spiral, got "moons"');
    expect(() => generateDataset("xor", rng, { count: 1 })).toThrow("count must be a whole number >= 2, got 1");
    expect(() => generateDataset("xor", rng, { noise: 2 })).toThrow("noise must be a number in [0, 1], got 2");
  });
});
