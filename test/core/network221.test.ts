import { describe, expect, it } from "vitest";
import {
  Network221,
  InputError,
  PARAM_NAMES_221,
  RandomState,
  genderDataset,
  newPeople,
  numericalGradient,
  shiftPerson,
  type Params221,
} from "../../src";
import { assertAllInDelta, assertGradientClose, assertInDelta } from "../assert";
import oracleSeed0 from "../fixtures/oracle-gender-seed0.json";
import oracleSeed7 from "../fixtures/oracle-gender-seed7.json";

const ORACLE_DELTA = 1e-9;
const { inputs, labels } = genderDataset();
const values = (params: Params221) => PARAM_NAMES_221.map((name) => params[name]);

describe("Network221", () => {
  it("fromRandom draws nine normals in the tutorial's order w1…w6, b1, b2, b3", () => {
    const network = Network221.fromRandom(new RandomState(0));
    expect(network.params).toEqual(oracleSeed0.initial);
    expect(Object.keys(network.params)).toEqual([...PARAM_NAMES_221]);
  });

  for (const oracle of [oracleSeed0, oracleSeed7]) {
    it(`seed ${oracle.seed}, ${oracle.epochs} epochs, learn rate ${oracle.learnRate} agrees with the tutorial's NumPy code`, () => {
      const network = Network221.fromRandom(new RandomState(oracle.seed));
      const lossAt = oracle.losses.map((p) => p.epoch);
      const { losses } = network.train(inputs, labels, { epochs: oracle.epochs, learnRate: oracle.learnRate, lossAt });
      assertAllInDelta(values(network.params), values(oracle.final), ORACLE_DELTA);
      expect(losses.map((p) => p.epoch)).toEqual(oracle.losses.map((p) => p.epoch));
      assertAllInDelta(losses.map((p) => p.loss), oracle.losses.map((p) => p.loss), ORACLE_DELTA);
      const [emily, frank] = newPeople.map((p) => network.feedforward(shiftPerson(p)));
      assertInDelta(emily!, oracle.predictions.Emily, ORACLE_DELTA);
      assertInDelta(frank!, oracle.predictions.Frank, ORACLE_DELTA);
    });
  }

  it("training makes the loss fall and tells Emily (female) from Frank (male)", () => {
    const network = Network221.fromRandom(new RandomState(0));
    const { losses } = network.train(inputs, labels, { epochs: 1000 });
    expect(losses.map((p) => p.epoch)).toEqual(Array.from({ length: 101 }, (_, k) => 10 * k));
    expect(losses[0]!.loss).toBeGreaterThan(0.3);
    expect(losses[losses.length - 1]!.loss).toBeLessThan(0.005);
    for (let k = 1; k < losses.length; k++) expect(losses[k]!.loss).toBeLessThan(losses[k - 1]!.loss);
    const [emily, frank] = newPeople.map((p) => network.feedforward(shiftPerson(p)));
    expect(emily).toBeGreaterThan(0.9);
    expect(frank).toBeLessThan(0.1);
  });

  // The worked example rounds as it goes (y_pred = 0.524, so ∂L/∂y_pred = −0.952), hence the loose deltas.
  it("backprop for Alice alone with all w = 1, b = 0 gives the worked example's factors", () => {
    const network = new Network221({ w1: 1, w2: 1, w3: 1, w4: 1, w5: 1, w6: 1, b1: 0, b2: 0, b3: 0 });
    const d = network.backprop([-2, -1], 1);
    assertInDelta(d.forward.h1, 0.0474, 5e-5);
    assertInDelta(d.forward.o1, 0.524, 5e-4);
    assertInDelta(d.dL_dYpred, -0.952, 1e-3);
    assertInDelta(d.dYpred_dH1, 0.249, 5e-4);
    assertInDelta(d.dH1_dW1, -0.0904, 5e-5);
    assertInDelta(d.gradient.w1, 0.0214, 1e-4);
  });

  it("backprop's gradient matches finite differences for every parameter (relative error < 1e-6)", () => {
    const rng = new RandomState(11);
    for (let trial = 0; trial < 5; trial++) {
      const network = Network221.fromRandom(rng);
      inputs.forEach((x, i) => {
        const { gradient } = network.backprop(x, labels[i]!);
        const squaredError = (p: readonly number[]) => {
          const y = new Network221(Object.fromEntries(PARAM_NAMES_221.map((n, k) => [n, p[k]!])) as Params221).feedforward(x);
          return (labels[i]! - y) ** 2;
        };
        const numeric = numericalGradient(squaredError, values(network.params));
        values(gradient).forEach((g, k) => assertGradientClose(g, numeric[k]!, 1e-6, PARAM_NAMES_221[k]!));
      });
    }
  });

  it("records snapshots at epoch 0, every snapshotEvery epochs and at the end", () => {
    const network = Network221.fromRandom(new RandomState(0));
    const initial = network.params;
    const { snapshots } = network.train(inputs, labels, { epochs: 250, snapshotEvery: 100 });
    expect(snapshots.map((s) => s.epoch)).toEqual([0, 100, 200, 250]);
    expect(snapshots[0]!.params).toEqual(initial);
    expect(snapshots[3]!.params).toEqual(network.params);
    assertInDelta(snapshots[3]!.loss, network.loss(inputs, labels), 0);
  });

  it("calls onProgress with each recorded loss and the fraction done", () => {
    const seen: number[][] = [];
    Network221.fromRandom(new RandomState(0)).train(inputs, labels, {
      epochs: 30,
      lossEvery: 10,
      onProgress: ({ epoch, fraction }) => seen.push([epoch, fraction]),
    });
    expect(seen).toEqual([[0, 0], [10, 1 / 3], [20, 2 / 3], [30, 1]]);
  });

  it("zero epochs change nothing", () => {
    const network = Network221.fromRandom(new RandomState(0));
    const before = network.params;
    const loss = network.loss(inputs, labels);
    expect(network.train(inputs, labels, { epochs: 0 })).toEqual({ losses: [{ epoch: 0, loss }], snapshots: [], epochsDone: 0 });
    expect(network.params).toEqual(before);
  });

  it("train(…) validates the hyperparameters and the data, changing nothing on error", () => {
    const network = Network221.fromRandom(new RandomState(0));
    const before = network.params;
    const bad: [object, string][] = [
      [{ epochs: 1.5 }, "epochs must be a whole number >= 0, got 1.5"],
      [{ epochs: -1 }, "epochs must be a whole number >= 0, got -1"],
      [{ epochs: 10, learnRate: 0 }, "learnRate must be a finite number > 0, got 0"],
      [{ epochs: 10, learnRate: Number.NaN }, "learnRate must be a finite number > 0, got NaN"],
      [{ epochs: 10, lossEvery: 0 }, "lossEvery must be a whole number >= 1, got 0"],
      [{ epochs: 10, snapshotEvery: -2 }, "snapshotEvery must be a whole number >= 0, got -2"],
    ];
    for (const [config, message] of bad) {
      expect(() => network.train(inputs, labels, config as never)).toThrow(message);
    }
    expect(() => network.train([], [], { epochs: 1 })).toThrow("inputs must be a non-empty array of rows, got []");
    expect(() => network.train([[1, 2, 3]], [1], { epochs: 1 })).toThrow("inputs[0].length must be 2, got 3");
    expect(() => network.train(inputs, [1, 0], { epochs: 1 })).toThrow("yTrues.length must be 4 (one per row of inputs), got 2");
    expect(() => network.train([[1, Number.NaN]], [1], { epochs: 1 })).toThrow(InputError);
    expect(network.params).toEqual(before);
  });

  it("new Network221(…) validates every parameter", () => {
    expect(() => new Network221({ ...oracleSeed0.initial, b3: Number.POSITIVE_INFINITY })).toThrow(
      "params.b3 must be a finite number, got Infinity",
    );
    expect(() => new Network221({ w1: 1 } as never)).toThrow("params.w2 must be a finite number, got undefined");
  });
});
