// A catalogue of mistakes a learner can make through the library, one row each, with the exact message they get.
// Every row must throw an InputError whose message is one line naming the parameter, and must leave nothing
// changed (networks keep their parameters, no file is written). The messages are inline snapshots: a change to
// any of them shows up here, in one place, for review.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  InputError,
  LayeredNetwork,
  Matrix,
  Network221,
  Neuron,
  RandomState,
  TrainingDivergedError,
  activationPlot,
  circleDataset,
  dot,
  functionPlot,
  generateDataset,
  genderDataset,
  lossPlot,
  pointsDataset,
  pointsPlot,
  regionsPlot,
  renderSvg,
  savePlot,
  sigmoid,
  spiralDataset,
  svgToPng,
  textTable,
} from "../../src";

/** The message of an InputError, after checking it is one. */
function oneLine(error: unknown): string {
  expect(error).toBeInstanceOf(InputError);
  const message = (error as Error).message;
  expect(message).not.toContain("\n");
  return message;
}

/** The message of the InputError `f` throws, after checking it is one line. */
function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    return oneLine(error);
  }
  throw new Error("expected an InputError, nothing was thrown");
}

async function asyncMessageOf(f: () => Promise<unknown>): Promise<string> {
  return f().then(
    () => {
      throw new Error("expected an InputError, nothing was thrown");
    },
    oneLine,
  );
}

const rng = () => new RandomState(0);
const people = genderDataset();
const points = pointsDataset();

describe("a neuron and the 2-2-1 network", () => {
  it("too many inputs", () => {
    expect(messageOf(() => new Neuron([0, 1], 4).feedforward([2, 3, 5]))).toMatchInlineSnapshot(`"inputs.length must be 2, got 3 (this neuron has 2 weights, one per input)"`);
  });
  it("a non-finite weight", () => {
    expect(messageOf(() => new Neuron([0, NaN], 4))).toMatchInlineSnapshot(`"weights[1] must be a finite number, got NaN"`);
  });
  it("an activation name that is not one", () => {
    expect(messageOf(() => new Neuron([0, 1], 4, "softmax" as never))).toMatchInlineSnapshot(`"activation must be one of sigmoid, tanh, relu, got "softmax""`);
  });
  it("an activation name that is an Object.prototype key", () => {
    expect(messageOf(() => new Neuron([1], 0, "toString" as never))).toMatchInlineSnapshot(`"activation must be one of sigmoid, tanh, relu, got "toString""`);
  });
  it("a 2-2-1 input of the wrong length", () => {
    expect(messageOf(() => Network221.fromRandom(rng()).feedforward([1, 2, 3]))).toMatchInlineSnapshot(`"x.length must be 2, got 3 (the network takes two inputs, x1 and x2)"`);
  });
  it("a seed that is not an integer", () => {
    expect(messageOf(() => new RandomState(1.5))).toMatchInlineSnapshot(`"seed must be an integer in [0, 2^32 - 1], got 1.5"`);
  });
  it("a negative seed", () => {
    expect(messageOf(() => new RandomState(-1))).toMatchInlineSnapshot(`"seed must be an integer in [0, 2^32 - 1], got -1"`);
  });
});

describe("training", () => {
  it("negative epochs", () => {
    const net = Network221.fromRandom(rng());
    expect(messageOf(() => net.train(people.inputs, people.labels, { epochs: -1 }))).toMatchInlineSnapshot(`"epochs must be a whole number >= 0, got -1"`);
  });
  it("fractional epochs", () => {
    const net = Network221.fromRandom(rng());
    expect(messageOf(() => net.train(people.inputs, people.labels, { epochs: 2.5 }))).toMatchInlineSnapshot(`"epochs must be a whole number >= 0, got 2.5"`);
  });
  it("a negative learning rate", () => {
    const net = Network221.fromRandom(rng());
    expect(messageOf(() => net.train(people.inputs, people.labels, { epochs: 10, learnRate: -0.1 }))).toMatchInlineSnapshot(`"learnRate must be a finite number > 0, got -0.1"`);
  });
  it("a learning rate given as text", () => {
    const net = Network221.fromRandom(rng());
    expect(messageOf(() => net.train(people.inputs, people.labels, { epochs: 10, learnRate: "0.1" as never }))).toMatchInlineSnapshot(`"learnRate must be a finite number > 0, got "0.1""`);
  });
  it("labels and inputs of different lengths", () => {
    const net = Network221.fromRandom(rng());
    expect(messageOf(() => net.train(people.inputs, people.labels.slice(1), { epochs: 10 }))).toMatchInlineSnapshot(`"yTrues.length must be 4 (one per row of inputs), got 3"`);
  });
  it("a label that is not a number", () => {
    const net = Network221.fromRandom(rng());
    const labels = [...people.labels.slice(1), NaN];
    expect(messageOf(() => net.train(people.inputs, labels, { epochs: 10 }))).toMatchInlineSnapshot(`"yTrues[3] must be a finite number, got NaN"`);
  });
  it("lossEvery larger than epochs is fine, but lossEvery 0 is not", () => {
    const net = Network221.fromRandom(rng());
    expect(messageOf(() => net.train(people.inputs, people.labels, { epochs: 10, lossEvery: 0 }))).toMatchInlineSnapshot(`"lossEvery must be a whole number >= 1, got 0"`);
  });
  it("a snapshot epoch beyond the run", () => {
    const net = Network221.fromRandom(rng());
    expect(messageOf(() => net.train(people.inputs, people.labels, { epochs: 10, snapshotAt: [0, 11] }))).toMatchInlineSnapshot(`"snapshotAt[1] must be at most epochs (10), got 11"`);
  });
  it("an infinite learning rate", () => {
    const net = Network221.fromRandom(rng());
    expect(messageOf(() => net.train(people.inputs, people.labels, { epochs: 10, learnRate: Infinity }))).toMatchInlineSnapshot(`"learnRate must be a finite number > 0, got Infinity"`);
  });
  it("a learning rate so large a relu network diverges", () => {
    const spiral = spiralDataset(rng());
    const net = LayeredNetwork.fromRandom([2, 8, 8, 1], rng(), { activation: "relu", outputActivation: "sigmoid", biases: true });
    let error: unknown;
    try {
      net.train(spiral.inputs, spiral.labels, { epochs: 50, learnRate: 1e200 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect((error as Error).message).toMatchInlineSnapshot(`"training diverged at epoch 2 with learnRate 1e+200: the loss became NaN or infinite. The network keeps its parameters from epoch 1; try a learnRate 10 to 100 times smaller."`);
    expect(net.predict([0.5, 0.5]).every(Number.isFinite)).toBe(true);
  });
  it("too many snapshots for memory", () => {
    const net = LayeredNetwork.fromRandom([2, 64, 1], rng());
    expect(messageOf(() => net.train(points.inputs, points.labels, { epochs: 1e6, snapshotEvery: 1 }))).toMatchInlineSnapshot(`"snapshots must be at most 87381 for a network of 192 parameters (2^24 numbers in all); keep fewer with snapshotEvery or snapshotAt, got 1000001"`);
  });
});

describe("layered networks", () => {
  it("a layer of 1e8 units", () => {
    expect(messageOf(() => LayeredNetwork.fromRandom([2, 1e8, 1], rng()))).toMatchInlineSnapshot(`"layerSizes[1] must be a whole number from 1 to 4096, got 100000000"`);
  });
  it("two layers of 20,000 units (400 million weights)", () => {
    expect(messageOf(() => LayeredNetwork.fromRandom([2, 20000, 20000, 1], rng()))).toMatchInlineSnapshot(`"layerSizes[1] must be a whole number from 1 to 4096, got 20000"`);
  });
  it("a layer of zero units", () => {
    expect(messageOf(() => LayeredNetwork.fromRandom([2, 0, 1], rng()))).toMatchInlineSnapshot(`"layerSizes[1] must be a whole number from 1 to 4096, got 0"`);
  });
  it("only one layer", () => {
    expect(messageOf(() => LayeredNetwork.fromRandom([2], rng()))).toMatchInlineSnapshot(`"layerSizes must be an array of 2 to 32 layer sizes, got [2]"`);
  });
  it("forty layers", () => {
    expect(messageOf(() => LayeredNetwork.fromRandom(Array<number>(40).fill(2), rng()))).toMatchInlineSnapshot(`"layerSizes must be an array of 2 to 32 layer sizes, got [2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,…"`);
  });
  it("an unknown output activation", () => {
    expect(messageOf(() => LayeredNetwork.fromRandom([2, 4, 1], rng(), { outputActivation: "hasOwnProperty" as never }))).toMatchInlineSnapshot(`"options.outputActivation must be one of sigmoid, tanh, relu, got "hasOwnProperty""`);
  });
  it("biases: false with biases given", () => {
    const withBiases = LayeredNetwork.fromRandom([2, 4, 1], rng(), { biases: true });
    expect(messageOf(() => new LayeredNetwork([2, 4, 1], withBiases.params, { biases: false }))).toMatchInlineSnapshot(`"params.biases must be null when options.biases is false, got [[0,0,0,0],[0]]"`);
  });
  it("a prediction for three inputs from a two-input network", () => {
    expect(messageOf(() => LayeredNetwork.fromRandom([2, 4, 1], rng()).predict([1, 2, 3]))).toMatchInlineSnapshot(`"x.length must be 2, got 3 (the input layer has 2 units)"`);
  });
  it("matrices whose shapes do not chain", () => {
    expect(messageOf(() => dot(new Matrix(2, 3), new Matrix(2, 3)))).toMatchInlineSnapshot(`"b.rows must be 3 (a.cols) in dot(a, b), got 2 (a is 2×3, b is 2×3)"`);
  });
  it("ragged rows for a matrix", () => {
    expect(messageOf(() => Matrix.from([[1, 2], [3]]))).toMatchInlineSnapshot(`"rows[1].length must be 2, got 1"`);
  });
});

describe("data sets", () => {
  it("a data set name that is an Object.prototype key", () => {
    expect(messageOf(() => generateDataset("constructor" as never, rng()))).toMatchInlineSnapshot(`"name must be one of circle, xor, gaussian, spiral, got "constructor""`);
  });
  it("a misspelt data set name", () => {
    expect(messageOf(() => generateDataset("spirals" as never, rng()))).toMatchInlineSnapshot(`"name must be one of circle, xor, gaussian, spiral, got "spirals""`);
  });
  it("a billion points", () => {
    expect(messageOf(() => circleDataset(rng(), { count: 1e9 }))).toMatchInlineSnapshot(`"count must be a whole number in [2, 100000], got 1000000000"`);
  });
  it("one point", () => {
    expect(messageOf(() => circleDataset(rng(), { count: 1 }))).toMatchInlineSnapshot(`"count must be a whole number in [2, 100000], got 1"`);
  });
  it("negative noise", () => {
    expect(messageOf(() => circleDataset(rng(), { noise: -0.1 }))).toMatchInlineSnapshot(`"noise must be a number in [0, 1], got -0.1"`);
  });
});

describe("plots", () => {
  it("a hundred million samples per curve", () => {
    expect(messageOf(() => activationPlot(sigmoid, { samples: 1e8 }))).toMatchInlineSnapshot(`"samples must be a whole number in [2, 10000], got 100000000"`);
  });
  it("a domain that runs backwards", () => {
    expect(messageOf(() => activationPlot(sigmoid, { domain: [6, -6] }))).toMatchInlineSnapshot(`"domain must be [min, max] with min < max, got [6,-6]"`);
  });
  it("a negative plot size", () => {
    expect(messageOf(() => regionsPlot(Network221.fromRandom(rng()), { size: -100 }))).toMatchInlineSnapshot(`"size must be a whole number in [50, 2000], got -100"`);
  });
  it("a NaN plot size", () => {
    expect(messageOf(() => regionsPlot(Network221.fromRandom(rng()), { size: NaN }))).toMatchInlineSnapshot(`"size must be a whole number in [50, 2000], got NaN"`);
  });
  it("a grid of 10,000 cells per axis", () => {
    expect(messageOf(() => regionsPlot(Network221.fromRandom(rng()), { resolution: 10000 }))).toMatchInlineSnapshot(`"resolution must be a whole number in [2, 500], got 10000"`);
  });
  it("a three-input model for a plane", () => {
    expect(messageOf(() => regionsPlot(LayeredNetwork.fromRandom([3, 2, 1], rng())))).toMatchInlineSnapshot(`"model.inputSize must be 2 (a point (x1, x2) of the plane), got 3"`);
  });
  it("150,000 points in a points plot", () => {
    const many = { inputs: Array.from({ length: 150_000 }, (_, i) => [i, -i]), labels: Array<number>(150_000).fill(1) };
    expect(messageOf(() => pointsPlot(many))).toMatchInlineSnapshot(`"data.inputs.length must be at most 50,000 points per plot (plot a sample), got 150000"`);
  });
  it("a loss curve with a NaN loss", () => {
    expect(messageOf(() => lossPlot({ name: "run", losses: [{ epoch: 0, loss: 0.3 }, { epoch: 1, loss: NaN }] }))).toMatchInlineSnapshot(`"runs[0].losses[1].loss must be a finite number, got NaN"`);
  });
  it("a function plot with no functions", () => {
    expect(messageOf(() => functionPlot([]))).toMatchInlineSnapshot(`"curves must be a non-empty array, got []"`);
  });
  it("a table with 200 digits", () => {
    expect(messageOf(() => textTable([{ x: 1 }], { digits: 200 }))).toMatchInlineSnapshot(`"digits must be a whole number in [0, 20], got 200"`);
  });
  it("an image scale of 100", () => {
    expect(messageOf(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>', 100))).toMatchInlineSnapshot(`"scale must be a number > 0 and at most 8, got 100"`);
  });
});

describe("rendering is sandboxed, and saving writes all or nothing", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "bad-inputs-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("a spec that reads a local file", async () => {
    const spec = { data: { url: "file:///etc/passwd", format: { type: "csv" as const } }, mark: "point" as const };
    expect(await asyncMessageOf(() => renderSvg(spec))).toMatchInlineSnapshot(`"url must be inline (data.values, or a data: image): plots are drawn without reading files or the network, got "file:///etc/passwd""`);
  });
  it("a spec that fetches from the network", async () => {
    const spec = { data: { url: "http://127.0.0.1:9/data.json" }, mark: "point" as const };
    expect(await asyncMessageOf(() => renderSvg(spec))).toMatchInlineSnapshot(`"url must be inline (data.values, or a data: image): plots are drawn without reading files or the network, got "http://127.0.0.1:9/data.json""`);
  });
  it("saving in a format that does not exist writes no file", async () => {
    const spec = functionPlot({ name: "σ", f: sigmoid.output });
    const base = path.join(folder, "plot");
    expect(await asyncMessageOf(() => savePlot(spec, base, ["svg", "gif" as never]))).toMatchInlineSnapshot(`"formats[1] must be one of vl.json, svg, png, got "gif""`);
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(`${base}.svg`)).toBe(false);
  });
});
