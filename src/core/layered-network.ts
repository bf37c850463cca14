import { sigmoid, toActivation, type Activation, type ActivationName } from "./activation";
import { InputError } from "./errors";
import { resolveTrainConfig, TrainingRun, type TrainConfig, type TrainResult } from "./training";
import { checkDataset, checkMatrix, checkVector, checkWhole } from "./validate";

/**
 * A layered network's parameters as plain arrays.
 * `weights[l][i][j]` connects unit i of layer l to unit j of layer l + 1 (layer 0 is the input): each matrix has
 * shape (nIn, nOut), like tutorial 2's `synaptic_weights`. `biases[l][j]` belongs to unit j of layer l + 1.
 */
export interface LayeredParams {
  weights: number[][][];
  biases: number[][] | null;
}

export interface LayeredOptions {
  /** The activation of the hidden layers, and of the output layer unless `outputActivation` says otherwise. Default: sigmoid, as in tutorial 2. */
  activation?: Activation | ActivationName;
  /** The output layer's activation, e.g. a sigmoid for a 0/1 answer after tanh or relu hidden layers. Default: `activation`. */
  outputActivation?: Activation | ActivationName;
  /** Whether each unit adds a bias. Default: false, as in tutorial 2. */
  biases?: boolean;
}

/** Tutorial 2 adds the whole adjustment: a learn rate of 1. */
const DEFAULT_LEARN_RATE = 1;
/** Recording the loss is cheap, but 100,000 points are more than any chart needs. */
const DEFAULT_LOSS_EVERY = 100;

/**
 * A fully connected network with any list of layer sizes (tutorial 2's is [2, 4, 1]), trained full-batch by the
 * delta rule. Every update is one step down the gradient of E = ½ Σ_samples Σ_outputs (y − ŷ)²; the loss it
 * reports is the mean squared error over samples and outputs, MSE = 2E / (samples · outputs).
 */
export class LayeredNetwork {
  readonly layerSizes: readonly number[];
  readonly activation: Activation;
  readonly outputActivation: Activation;
  /** The activation of each layer after the input: the hidden ones, then the output's. */
  private readonly layerActivations: readonly Activation[];
  readonly hasBiases: boolean;
  /** Row-major (nIn × nOut) weight matrices, one per pair of adjacent layers. */
  private readonly w: Float64Array[];
  /** One bias vector per non-input layer, or null. */
  private readonly b: Float64Array[] | null;

  constructor(layerSizes: readonly number[], params: LayeredParams, options: LayeredOptions = {}) {
    this.layerSizes = checkLayerSizes(layerSizes);
    this.activation = toActivation(options.activation ?? sigmoid, "options.activation");
    this.outputActivation = toActivation(options.outputActivation ?? this.activation, "options.outputActivation");
    this.layerActivations = this.layerSizes.slice(2).map(() => this.activation).concat(this.outputActivation);
    const shapes = this.layerSizes.slice(1).map((nOut, l) => [this.layerSizes[l]!, nOut] as const);
    if (params === null || typeof params !== "object" || !Array.isArray(params.weights)) {
      throw new InputError("params.weights", params?.weights, "an array of weight matrices");
    }
    if (params.weights.length !== shapes.length) {
      throw new InputError("params.weights.length", params.weights.length, `${shapes.length} (one matrix per layer after the input)`);
    }
    this.w = shapes.map(([nIn, nOut], l) => flatten(`params.weights[${l}]`, params.weights[l], nIn, nOut));
    this.hasBiases = options.biases ?? params.biases != null;
    if (!this.hasBiases) {
      this.b = null;
    } else if (params.biases == null) {
      this.b = shapes.map(([, nOut]) => new Float64Array(nOut));
    } else {
      if (!Array.isArray(params.biases) || params.biases.length !== shapes.length) {
        throw new InputError("params.biases", params.biases, `${shapes.length} bias vectors`);
      }
      this.b = shapes.map(([, nOut], l) => Float64Array.from(checkVector(`params.biases[${l}]`, params.biases![l], nOut)));
    }
  }

  /**
   * A network whose weights are `2 * rng.random() - 1`, drawn as tutorial 2 draws them: layer 1's matrix row by row,
   * then layer 2's, and so on. Biases, when asked for, start at 0 so the weights match the tutorial's stream.
   */
  static fromRandom(layerSizes: readonly number[], rng: { random(): number }, options: LayeredOptions = {}): LayeredNetwork {
    const sizes = checkLayerSizes(layerSizes);
    const weights = sizes.slice(1).map((nOut, l) =>
      Array.from({ length: sizes[l]! }, () => Array.from({ length: nOut }, () => 2 * rng.random() - 1)),
    );
    return new LayeredNetwork(sizes, { weights, biases: null }, options);
  }

  /** A copy of the current parameters. */
  get params(): LayeredParams {
    return {
      weights: this.w.map((m, l) => unflatten(m, this.layerSizes[l]!, this.layerSizes[l + 1]!)),
      biases: this.b === null ? null : this.b.map((v) => Array.from(v)),
    };
  }

  /** Every layer's output for one input vector: `[hidden 1, …, output]`. */
  forward(x: ArrayLike<number>): number[][] {
    const work = new Workspace(this.layerSizes, this.layerActivations, this.w, this.b, [checkVector("x", x, this.layerSizes[0])]);
    work.forward();
    return work.a.slice(1).map((a) => Array.from(a));
  }

  /** Every layer's output for a batch: `result[l][s][j]` is unit j of layer l + 1 for sample s. */
  forwardBatch(inputs: readonly ArrayLike<number>[]): number[][][] {
    const work = new Workspace(this.layerSizes, this.layerActivations, this.w, this.b, checkMatrix("inputs", inputs, this.layerSizes[0]!));
    work.forward();
    return work.a.slice(1).map((a, l) => unflatten(a, inputs.length, this.layerSizes[l + 1]!));
  }

  /** The output layer's values for one input vector. */
  predict(x: ArrayLike<number>): number[] {
    const outputs = this.forward(x);
    return outputs[outputs.length - 1]!;
  }

  /** Mean squared error over samples and outputs. `targets` may be numbers when there is one output. */
  loss(inputs: readonly ArrayLike<number>[], targets: readonly (number | ArrayLike<number>)[]): number {
    const work = this.workspaceFor(inputs, targets);
    work.forward();
    return work.meanSquaredError();
  }

  /** ∂E/∂w and ∂E/∂b for E = ½ Σ_samples Σ_outputs (y − ŷ)²; the delta rule adds −η times these. */
  gradients(inputs: readonly ArrayLike<number>[], targets: readonly (number | ArrayLike<number>)[]): LayeredParams {
    const work = this.workspaceFor(inputs, targets);
    work.forward();
    work.backward();
    return {
      weights: work.dw.map((g, l) => unflatten(g, this.layerSizes[l]!, this.layerSizes[l + 1]!, -1)),
      biases: this.b === null ? null : work.db.map((g) => Array.from(g, (v) => -v)),
    };
  }

  /**
   * Full-batch training by the delta rule, as tutorial 2 does it: forward the whole batch, the output layer's
   * delta = (y − ŷ)·f'(ŷ), each hidden layer's delta = (delta_next · Wᵀ)·f'(a), then every W += η · aᵀ · delta
   * (all deltas use the weights from before the update). One epoch is one update. `losses[k].epoch = e` is the
   * MSE after e updates, recorded when e % lossEvery === 0 and after the last update.
   * Defaults: learnRate 1 (the tutorial's), lossEvery 100.
   */
  train(
    inputs: readonly ArrayLike<number>[],
    targets: readonly (number | ArrayLike<number>)[],
    config: TrainConfig,
  ): TrainResult<LayeredParams> {
    return this.startTraining(inputs, targets, config).finish();
  }

  /** The same training as {@link train}, run as far as the caller asks at a time (see {@link TrainingRun}). */
  startTraining(
    inputs: readonly ArrayLike<number>[],
    targets: readonly (number | ArrayLike<number>)[],
    config: TrainConfig,
  ): TrainingRun<LayeredParams> {
    const work = this.workspaceFor(inputs, targets);
    const resolved = resolveTrainConfig(config, { learnRate: DEFAULT_LEARN_RATE, lossEvery: DEFAULT_LOSS_EVERY });
    const before = [...this.w, ...(this.b ?? [])].map((v) => new Float64Array(v.length));
    const all = [...this.w, ...(this.b ?? [])];
    return new TrainingRun<LayeredParams>(
      {
        trainEpoch: (learnRate) => {
          work.forward();
          work.backward();
          work.step(learnRate);
          return all.every((v) => v.every(Number.isFinite));
        },
        saveParams: () => all.forEach((v, k) => before[k]!.set(v)),
        restoreParams: () => all.forEach((v, k) => v.set(before[k]!)),
        loss: () => {
          work.forward();
          return work.meanSquaredError();
        },
        copyParams: () => this.params,
      },
      resolved,
    );
  }

  private workspaceFor(inputs: readonly ArrayLike<number>[], targets: readonly (number | ArrayLike<number>)[]): Workspace {
    const nOut = this.layerSizes[this.layerSizes.length - 1]!;
    const data = checkDataset(inputs, targets, this.layerSizes[0]!, nOut);
    return new Workspace(this.layerSizes, this.layerActivations, this.w, this.b, data.inputs, data.targets);
  }
}

/**
 * Preallocated arrays for one batch, so the training loop allocates nothing per iteration.
 * For layer l and sample s, unit j lives at index s·size_l + j (row-major, samples are rows).
 */
class Workspace {
  /** a[0] is the input batch; a[l] is layer l's output. */
  readonly a: Float64Array[];
  /** delta[l] = −∂E/∂(total input) of layer l's units, for l ≥ 1 (delta[0] is unused and empty). */
  readonly delta: Float64Array[];
  /** dw[l] = −∂E/∂W[l], the delta rule's adjustment aᵀ · delta. */
  readonly dw: Float64Array[];
  /** db[l] = −∂E/∂b[l], the sum of the deltas over samples. */
  readonly db: Float64Array[];
  private readonly y: Float64Array;
  private readonly n: number;

  constructor(
    private readonly sizes: readonly number[],
    private readonly activations: readonly Activation[],
    /** The network's own weight and bias arrays, updated in place by {@link step}. */
    private readonly w: readonly Float64Array[],
    private readonly b: readonly Float64Array[] | null,
    inputs: readonly ArrayLike<number>[],
    targets: readonly ArrayLike<number>[] = [],
  ) {
    this.n = inputs.length;
    this.a = sizes.map((size) => new Float64Array(this.n * size));
    inputs.forEach((x, s) => this.a[0]!.set(x, s * sizes[0]!));
    this.delta = sizes.map((size, l) => new Float64Array(l === 0 ? 0 : this.n * size));
    this.dw = sizes.slice(1).map((nOut, l) => new Float64Array(sizes[l]! * nOut));
    this.db = sizes.slice(1).map((nOut) => new Float64Array(nOut));
    const nOut = sizes[sizes.length - 1]!;
    this.y = new Float64Array(targets.length * nOut);
    targets.forEach((t, s) => this.y.set(t, s * nOut));
  }

  /** a[l + 1] = f(a[l] · W[l] + b[l]) for every layer. */
  forward(): void {
    const { w, b, sizes } = this;
    for (let l = 0; l < w.length; l++) {
      const nIn = sizes[l]!;
      const nOut = sizes[l + 1]!;
      const input = this.a[l]!;
      const output = this.a[l + 1]!;
      const weights = w[l]!;
      const bias = b === null ? null : b[l]!;
      const f = this.activations[l]!.output;
      for (let s = 0; s < this.n; s++) {
        for (let j = 0; j < nOut; j++) {
          let sum = 0;
          for (let i = 0; i < nIn; i++) sum += input[s * nIn + i]! * weights[i * nOut + j]!;
          if (bias !== null) sum += bias[j]!;
          output[s * nOut + j] = f(sum);
        }
      }
    }
  }

  /** The deltas from the output back to the first hidden layer, then the adjustments dw and db. */
  backward(): void {
    const { w, sizes } = this;
    const last = sizes.length - 1;

    const out = this.a[last]!;
    const outDelta = this.delta[last]!;
    const dfOut = this.activations[last - 1]!.derFromOutput;
    for (let k = 0; k < out.length; k++) outDelta[k] = (this.y[k]! - out[k]!) * dfOut(out[k]!);

    for (let l = last - 1; l >= 1; l--) {
      const size = sizes[l]!;
      const nNext = sizes[l + 1]!;
      const next = this.delta[l + 1]!;
      const weights = w[l]!;
      const a = this.a[l]!;
      const delta = this.delta[l]!;
      const df = this.activations[l - 1]!.derFromOutput;
      for (let s = 0; s < this.n; s++) {
        for (let i = 0; i < size; i++) {
          let error = 0;
          for (let j = 0; j < nNext; j++) error += next[s * nNext + j]! * weights[i * nNext + j]!;
          delta[s * size + i] = error * df(a[s * size + i]!);
        }
      }
    }

    for (let l = 0; l < last; l++) {
      const nIn = sizes[l]!;
      const nOut = sizes[l + 1]!;
      const a = this.a[l]!;
      const delta = this.delta[l + 1]!;
      const dw = this.dw[l]!;
      const db = this.db[l]!;
      for (let i = 0; i < nIn; i++) {
        for (let j = 0; j < nOut; j++) {
          let sum = 0;
          for (let s = 0; s < this.n; s++) sum += a[s * nIn + i]! * delta[s * nOut + j]!;
          dw[i * nOut + j] = sum;
        }
      }
      for (let j = 0; j < nOut; j++) {
        let sum = 0;
        for (let s = 0; s < this.n; s++) sum += delta[s * nOut + j]!;
        db[j] = sum;
      }
    }
  }

  /** W += η · dw and b += η · db, the delta rule's update. */
  step(learnRate: number): void {
    const { w, b } = this;
    for (let l = 0; l < w.length; l++) {
      const weights = w[l]!;
      const dw = this.dw[l]!;
      for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! + learnRate * dw[k]!;
      if (b !== null) {
        const bias = b[l]!;
        const db = this.db[l]!;
        for (let j = 0; j < bias.length; j++) bias[j] = bias[j]! + learnRate * db[j]!;
      }
    }
  }

  /** Mean over samples and outputs of (y − ŷ)², from the last forward pass. */
  meanSquaredError(): number {
    const out = this.a[this.a.length - 1]!;
    let sum = 0;
    for (let k = 0; k < out.length; k++) {
      const error = this.y[k]! - out[k]!;
      sum += error * error;
    }
    return sum / out.length;
  }
}

function checkLayerSizes(layerSizes: unknown): number[] {
  if (!Array.isArray(layerSizes) || layerSizes.length < 2) {
    throw new InputError("layerSizes", layerSizes, "an array of at least 2 layer sizes");
  }
  return layerSizes.map((size: unknown, l) => checkWhole(`layerSizes[${l}]`, size, 1));
}

function flatten(parameter: string, matrix: unknown, rows: number, cols: number): Float64Array {
  if (!Array.isArray(matrix) || matrix.length !== rows) {
    throw new InputError(parameter, matrix, `a ${rows}×${cols} matrix (${rows} rows)`);
  }
  const flat = new Float64Array(rows * cols);
  matrix.forEach((row: unknown, i) => flat.set(checkVector(`${parameter}[${i}]`, row, cols), i * cols));
  return flat;
}

function unflatten(flat: Float64Array, rows: number, cols: number, scale = 1): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from(flat.subarray(i * cols, (i + 1) * cols), (v) => scale * v));
}
