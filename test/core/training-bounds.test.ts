import { describe, expect, it } from "vitest";
import { LayeredNetwork, MAX_SNAPSHOT_NUMBERS, Network221, RandomState, genderDataset, pointsDataset } from "../../src";

const points = pointsDataset();
const people = genderDataset();

describe("training keeps at most 2^24 numbers in snapshots", () => {
  it("train({ epochs: 1e6, snapshotEvery: 1 }) on [2, 64, 1] (192 weights) throws before training, naming the limit", () => {
    const net = LayeredNetwork.fromRandom([2, 64, 1], new RandomState(0));
    const before = net.params;
    const started = Date.now();
    expect(() => net.train(points.inputs, points.labels, { epochs: 1e6, snapshotEvery: 1 })).toThrow(
      "snapshots must be at most 87381 for a network of 192 parameters (2^24 numbers in all); keep fewer with snapshotEvery or snapshotAt, got 1000001",
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(net.params).toEqual(before);
    expect(Math.floor(MAX_SNAPSHOT_NUMBERS / 192)).toBe(87381);
  });

  it("counts snapshotEvery's snapshots as epoch 0, every multiple, and the last epoch", () => {
    const net = LayeredNetwork.fromRandom([2, 64, 1], new RandomState(0));
    // 87381 snapshots are allowed: epochs 0, 1, …, 87379 and the last, 87380.
    expect(() => net.startTraining(points.inputs, points.labels, { epochs: 87380, snapshotEvery: 1 })).not.toThrow();
    expect(() => net.startTraining(points.inputs, points.labels, { epochs: 87381, snapshotEvery: 1 })).toThrow("got 87382");
    // every 1000 epochs up to 87,380,500: 87381 multiples of 1000 from 0, and the last epoch, 87382 in all.
    expect(() => net.startTraining(points.inputs, points.labels, { epochs: 87_380_500, snapshotEvery: 1000 })).toThrow("got 87382");
  });

  it("counts snapshotAt's distinct epochs", () => {
    const net = LayeredNetwork.fromRandom([2, 64, 1], new RandomState(0));
    const epochs = Array.from({ length: 87382 }, (_, e) => e);
    expect(() => net.startTraining(points.inputs, points.labels, { epochs: 87381, snapshotAt: [...epochs, 0, 1] })).toThrow("got 87382");
    expect(() => net.startTraining(points.inputs, points.labels, { epochs: 87381, snapshotAt: epochs.slice(1) })).not.toThrow();
  });

  it("bounds Network221 (9 parameters) alike", () => {
    const most = Math.floor(MAX_SNAPSHOT_NUMBERS / 9);
    const net = Network221.fromRandom(new RandomState(0));
    expect(() => net.train(people.inputs, people.labels, { epochs: most, snapshotEvery: 1 })).toThrow(
      `snapshots must be at most ${most} for a network of 9 parameters (2^24 numbers in all); keep fewer with snapshotEvery or snapshotAt, got ${most + 1}`,
    );
  });
});
