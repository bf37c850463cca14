import { describe, expect, it } from "vitest";
import { InputError, Network221, RandomState, accuracy, flattenRows, genderDataset, type Predictor } from "../../src";

const people = genderDataset();

/** Says 1 exactly when x1 > 0: a classifier whose accuracy on any data set is easy to count by hand. */
const rightHalf: Predictor = {
  inputSize: 2,
  outputSize: 1,
  predictBatch: (inputs, out = new Float64Array(inputs.length / 2)) => out.map((_, s) => (inputs[2 * s]! > 0 ? 1 : 0)),
};

describe("accuracy", () => {
  it("counts the samples whose output lands on their label's side of 0.5", () => {
    const data = { inputs: [[1, 0], [2, 5], [-1, 0], [-3, 1]], labels: [1, 0, 0, 1] };
    expect(accuracy(rightHalf, data)).toBe(0.5);
    expect(accuracy(rightHalf, { inputs: data.inputs, labels: [1, 1, 0, 0] })).toBe(1);
  });

  it("a trained Network221 gets all four people right", () => {
    const net = Network221.fromRandom(new RandomState(0));
    net.train(people.inputs, people.labels, { epochs: 1000 });
    expect(accuracy(net, people)).toBe(1);
  });

  it("validates the data against the model's input size and the labels", () => {
    expect(() => accuracy(rightHalf, { inputs: [[1, 2, 3]], labels: [1] })).toThrow("inputs[0].length must be 2, got 3");
    expect(() => accuracy(rightHalf, { inputs: [[1, 2]], labels: [0.5] })).toThrow("labels[0] must be 0 or 1, got 0.5");
    expect(() => accuracy(rightHalf, { inputs: [[1, 2]], labels: [] })).toThrow(InputError);
  });
});

describe("Network221.predictBatch", () => {
  it("gives feedforward's output for every row, in order", () => {
    const net = Network221.fromRandom(new RandomState(3));
    const outputs = net.predictBatch(flattenRows(people.inputs, 2));
    expect(Array.from(outputs)).toEqual(people.inputs.map((x) => net.feedforward(x)));
  });
});
