import { describe, expect, it } from "vitest";
import { generateDataset, RandomState, trainTestSplit } from "../../src";

describe("trainTestSplit", () => {
  it("trains on pairs 0, 2, 4, … and tests on pairs 1, 3, 5, …, both halves balanced and named", () => {
    const data = generateDataset("spiral", new RandomState(1), { count: 400 });
    const { train, test } = trainTestSplit(data);
    expect(train.inputs).toEqual(data.inputs.filter((_, i) => i % 4 < 2));
    expect(test.inputs).toEqual(data.inputs.filter((_, i) => i % 4 >= 2));
    expect(train.labels).toEqual(data.labels.filter((_, i) => i % 4 < 2));
    for (const half of [train, test]) {
      expect(half.name).toBe("spiral");
      expect(half.labels).toHaveLength(200);
      expect(half.labels.filter((label) => label === 1)).toHaveLength(100);
    }
  });

  it("puts a pair left over at the end in the training half", () => {
    const data = { inputs: [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]], labels: [1, 0, 1, 0, 1, 0] };
    expect(trainTestSplit(data)).toEqual({
      train: { inputs: [[0, 0], [1, 1], [4, 4], [5, 5]], labels: [1, 0, 1, 0] },
      test: { inputs: [[2, 2], [3, 3]], labels: [1, 0] },
    });
  });

  it.each([
    [null, "data must be a data set { inputs, labels }, got null"],
    [{ inputs: [[0, 0], [1, 1], [2, 2], [3, 3]], labels: [1, 0] }, "data.labels.length must be 4 (one label per input row), got 2"],
    [{ inputs: [[0, 0], [1, 1]], labels: [1, 0] }, "data.inputs.length must be at least 4 (two pairs: one to train, one to test), got 2"],
  ])("rejects %j with a message naming the parameter", (data, message) => {
    expect(() => trainTestSplit(data as never)).toThrow(message);
  });
});
