import { describe, expect, it } from "vitest";
import {
  InputError,
  LayeredNetwork,
  Network221,
  RandomState,
  TrainingDivergedError,
  genderDataset,
  pointsDataset,
  spiralDataset,
  type TrainResult,
} from "../../src";

const people = genderDataset();
const points = pointsDataset();

/** The two networks of the course, each with its tutorial's data and a seeded start. */
const cases = [
  { name: "Network221", make: () => Network221.fromRandom(new RandomState(0)), data: people },
  { name: "LayeredNetwork", make: () => LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1)), data: points },
] as const;

describe("the training loop (one meaning of epoch)", () => {
  for (const { name, make, data } of cases) {
    it(`${name}: the loss at epoch e is the loss of the snapshot at epoch e, and epoch 0 is the untrained network`, () => {
      const untrained = make();
      const lossBefore = untrained.loss(data.inputs, data.labels);
      const net = make();
      const { losses, snapshots, epochsDone } = net.train(data.inputs, data.labels, { epochs: 30, lossEvery: 10, snapshotEvery: 10 });
      expect(epochsDone).toBe(30);
      expect(losses.map((p) => p.epoch)).toEqual([0, 10, 20, 30]);
      expect(snapshots.map((s) => s.epoch)).toEqual([0, 10, 20, 30]);
      expect(losses[0]!.loss).toBe(lossBefore);
      expect(snapshots[0]!.params).toEqual(untrained.params);
      snapshots.forEach((snapshot, k) => expect(snapshot.loss).toBe(losses[k]!.loss));
      expect(snapshots[3]!.params).toEqual(net.params);
      expect(losses[3]!.loss).toBe(net.loss(data.inputs, data.labels));
    });

    it(`${name}: records the loss and snapshots at exactly the epochs listed in lossAt and snapshotAt`, () => {
      const { losses, snapshots } = make().train(data.inputs, data.labels, { epochs: 40, lossAt: [1, 11, 21], snapshotAt: [0, 3, 40, 3] });
      expect(losses.map((p) => p.epoch)).toEqual([1, 11, 21]);
      expect(snapshots.map((s) => s.epoch)).toEqual([0, 3, 40]);
    });

    it(`${name}: training in chunks with startTraining(…).advance(k) gives the same bits as one train call`, () => {
      const whole = make();
      const wholeResult = whole.train(data.inputs, data.labels, { epochs: 57, lossEvery: 5 });
      const chunked = make();
      const run = chunked.startTraining(data.inputs, data.labels, { epochs: 57, lossEvery: 5 });
      const seen: number[] = [];
      while (!run.done) {
        run.advance(8);
        seen.push(run.epoch);
      }
      expect(seen).toEqual([8, 16, 24, 32, 40, 48, 56, 57]);
      expect(chunked.params).toEqual(whole.params);
      expect(run.result()).toEqual(wholeResult);
    });

    it(`${name}: onProgress reports epoch, epochs and fraction = epoch / epochs`, () => {
      const seen: number[][] = [];
      make().train(data.inputs, data.labels, { epochs: 20, lossEvery: 10, onProgress: (p) => seen.push([p.epoch, p.epochs, p.fraction]) });
      expect(seen).toEqual([[0, 20, 0], [10, 20, 0.5], [20, 20, 1]]);
    });

    it(`${name}: zero epochs record the untrained loss and change nothing`, () => {
      const net = make();
      const before = net.params;
      const result = net.train(data.inputs, data.labels, { epochs: 0 });
      expect(result).toEqual({ losses: [{ epoch: 0, loss: net.loss(data.inputs, data.labels) }], snapshots: [], epochsDone: 0 });
      expect(net.params).toEqual(before);
    });

    it(`${name}: lossAt and snapshotAt are validated against epochs`, () => {
      const bad: [object, string][] = [
        [{ epochs: 10, lossAt: [0, 11] }, "lossAt[1] must be at most epochs (10), got 11"],
        [{ epochs: 10, lossAt: [-1] }, "lossAt[0] must be a whole number >= 0, got -1"],
        [{ epochs: 10, snapshotAt: "0,5" }, 'snapshotAt must be an array of epochs in 0…10, got "0,5"'],
        [{ epochs: 10, snapshotAt: [2.5] }, "snapshotAt[0] must be a whole number >= 0, got 2.5"],
      ];
      const net = make();
      for (const [config, message] of bad) expect(() => net.train(data.inputs, data.labels, config as never)).toThrow(message);
    });
  }
});

// A sigmoid network does not diverge at any learn rate: huge steps saturate it (loss stuck at 0.5, parameters
// huge but finite). Unbounded activations overflow, and that is what the loop must catch.
describe("divergence", () => {
  it("Network221 (relu) at learnRate 1e308 stops with TrainingDivergedError and keeps the last finite parameters", () => {
    const net = Network221.fromRandom(new RandomState(0), "relu");
    const error = catchDiverged(() => net.train(people.inputs, people.labels, { epochs: 50, learnRate: 1e308, lossEvery: 1 }));
    const kept = error.history.epochsDone;
    expect(error.epoch).toBe(kept + 1);
    expect(error).toBeInstanceOf(InputError);
    expect(error.parameter).toBe("learnRate");
    expect(error.message).toBe(
      `training diverged at epoch ${kept + 1} with learnRate 1e+308: the loss became NaN or infinite. ` +
        `The network keeps its parameters from epoch ${kept}; try a learnRate 10 to 100 times smaller.`,
    );
    expect(Object.values(net.params).every(Number.isFinite)).toBe(true);
    const replay = Network221.fromRandom(new RandomState(0), "relu");
    replay.train(people.inputs, people.labels, { epochs: kept, learnRate: 1e308 });
    expect(net.params).toEqual(replay.params);
    expect(error.history.losses.map((p) => p.epoch)).toEqual(Array.from({ length: kept + 1 }, (_, e) => e));
  });

  it("LayeredNetwork (relu, biases) at learnRate 1e200 on the spiral stops instead of returning NaN weights", () => {
    const spiral = spiralDataset(new RandomState(1));
    const make = () => LayeredNetwork.fromRandom([2, 8, 8, 1], new RandomState(1), { activation: "relu", outputActivation: "sigmoid", biases: true });
    const net = make();
    const error = catchDiverged(() => net.train(spiral.inputs, spiral.labels, { epochs: 50, learnRate: 1e200 }));
    const all = [...net.params.weights.flat(2), ...(net.params.biases ?? []).flat()];
    expect(all.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(net.predict([0.5, 0.5])[0])).toBe(true);
    const replay = make();
    replay.train(spiral.inputs, spiral.labels, { epochs: error.history.epochsDone, learnRate: 1e200 });
    expect(net.params).toEqual(replay.params);
  });
});

function catchDiverged(train: () => TrainResult<unknown>): TrainingDivergedError<unknown> {
  try {
    train();
  } catch (error) {
    if (error instanceof TrainingDivergedError) return error;
    throw error;
  }
  throw new Error("training did not diverge");
}
