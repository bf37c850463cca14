import { sigmoid, toActivation, type Activation, type ActivationName } from "./activation";
import { InputError } from "./errors";
import { meanSquaredError } from "./loss";
import { addScaled, dot, dotTransposed, hadamard, Matrix, subtract, transposedDot } from "./matrix";
import { onMatrices, type MatrixActivation } from "./matrix-activation";
import { flattenRows, type Predictor } from "./model";
import { resolveTrainConfig, TrainingRun, type Trainable, type TrainConfig, type TrainResult } from "./training";
import { checkDataset, checkMatrix, checkVector } from "./validate";

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
  /** Whether each unit adds a bias. Default: whether `params` has biases (false for `fromRandom`, as in tutorial 2). */
  biases?: boolean;
}

/** Tutorial 2 adds the whole adjustment: a learn rate of 1. */
const DEFAULT_LEARN_RATE = 1;
/** Recording the loss is cheap, but 100,000 points are more than any chart needs. */
const DEFAULT_LOSS_EVERY = 100;

/** Limits on what a network may be, so that no size typed into a notebook can exhaust the kernel's memory. */
export const MAX_LAYERS = 32;
export const MAX_LAYER_SIZE = 4096;
/** Weights and biases together: 80 MB as numbers, a few copies of it while training. */
export const MAX_PARAMETERS = 10_000_000;
/** Numbers a batch's matrices may hold in all (2^27, 1 GiB): samples × the widths of the layers they pass through. */
export const MAX_BATCH_NUMBERS = 2 ** 27;

/** The parts of a network a pass through it needs: the network's own matrices, shared with its trainer. */
interface Layers {
  /** W[l], n_l × n_(l+1): W[l](i, j) joins unit i of layer l to unit j of layer l + 1, like `synaptic_weights`. */
  readonly W: readonly Matrix[];
  /** b[l], 1 × n_(l+1), or null without biases. */
  readonly b: readonly Matrix[] | null;
  /** f[l], the activation of layer l + 1, applied to whole matrices. */
  readonly f: readonly MatrixActivation[];
  /** Every parameter in one array, the weights then the biases; W and b are views into it. */
  readonly theta: Float64Array;
}

/**
 * A fully connected network with any list of layer sizes (tutorial 2's is [2, 4, 1]), trained full-batch by the
 * delta rule. Every update is one step down the gradient of E = ½ Σ_samples Σ_outputs (y − ŷ)²; the loss it
 * reports is the mean squared error over samples and outputs, MSE = 2E / (samples · outputs).
 */
export class LayeredNetwork implements Predictor {
  readonly layerSizes: readonly number[];
  readonly inputSize: number;
  readonly outputSize: number;
  readonly activation: Activation;
  readonly outputActivation: Activation;
  readonly hasBiases: boolean;
  private readonly layers: Layers;

  constructor(layerSizes: readonly number[], params: LayeredParams, options: LayeredOptions = {}) {
    const sizes = checkLayerSizes(layerSizes);
    this.layerSizes = sizes;
    this.inputSize = sizes[0]!;
    this.outputSize = sizes[sizes.length - 1]!;
    this.activation = toActivation(options.activation ?? sigmoid, "options.activation");
    this.outputActivation = toActivation(options.outputActivation ?? this.activation, "options.outputActivation");
    if (params === null || typeof params !== "object" || !Array.isArray(params.weights)) {
      throw new InputError("params.weights", params?.weights, "an array of weight matrices");
    }
    if (params.weights.length !== sizes.length - 1) {
      throw new InputError("params.weights.length", params.weights.length, `${sizes.length - 1} (one matrix per layer after the input)`);
    }
    if (options.biases === false && params.biases != null) {
      throw new InputError("params.biases", params.biases, "null when options.biases is false");
    }
    if (params.biases != null && (!Array.isArray(params.biases) || params.biases.length !== sizes.length - 1)) {
      throw new InputError("params.biases", params.biases, `${sizes.length - 1} bias vectors (one per layer after the input)`);
    }
    this.hasBiases = options.biases ?? params.biases != null;

    const shapes = sizes.slice(1).map((nOut, l) => [sizes[l]!, nOut] as const);
    const weightCount = shapes.reduce((sum, [nIn, nOut]) => sum + nIn * nOut, 0);
    const theta = new Float64Array(weightCount + (this.hasBiases ? sum(sizes.slice(1)) : 0));
    let offset = 0;
    const view = (rows: number, cols: number): Matrix => {
      const m = new Matrix(rows, cols, theta.subarray(offset, offset + rows * cols));
      offset += rows * cols;
      return m;
    };
    const W = shapes.map(([nIn, nOut], l) => fill(view(nIn, nOut), `params.weights[${l}]`, params.weights[l]));
    const b = !this.hasBiases
      ? null
      : shapes.map(([, nOut], l) => {
          const row = view(1, nOut);
          if (params.biases != null) row.data.set(checkVector(`params.biases[${l}]`, params.biases[l], nOut));
          return row;
        });
    const f = shapes.map((_, l) => onMatrices(l === shapes.length - 1 ? this.outputActivation : this.activation));
    this.layers = { W, b, f, theta };
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
    const { W, b } = this.layers;
    return { weights: W.map((m) => m.toArray()), biases: b === null ? null : b.map((row) => Array.from(row.data)) };
  }

  /** Every layer's output for one input vector: `[hidden 1, …, output]`. */
  forward(x: ArrayLike<number>): number[][] {
    const a = this.activationsFor(Float64Array.from(checkVector("x", x, this.inputSize, `the input layer has ${this.inputSize} units`)));
    feedforward(this.layers, a);
    return a.slice(1).map((m) => Array.from(m.data));
  }

  /** Every layer's output for a batch, one sample per row: `[hidden 1, …, output]`, layer l + 1's as samples × n_(l+1). */
  forwardBatch(inputs: Matrix | readonly ArrayLike<number>[]): Matrix[] {
    const x = inputs instanceof Matrix ? checkWidth(inputs, this.inputSize).data : flattenRows(checkMatrix("inputs", inputs, this.inputSize), this.inputSize);
    const a = this.activationsFor(x);
    feedforward(this.layers, a);
    return a.slice(1);
  }

  /** The output layer's values for one input vector. */
  predict(x: ArrayLike<number>): number[] {
    return Array.from(this.predictBatch(Float64Array.from(checkVector("x", x, this.inputSize, `the input layer has ${this.inputSize} units`))));
  }

  /** The outputs for every row of `inputs` (row-major, `inputSize` numbers a row) into `out`; see {@link Predictor}. */
  predictBatch(inputs: Float64Array, out?: Float64Array): Float64Array {
    const a = this.activationsFor(inputs, out);
    feedforward(this.layers, a);
    return a[a.length - 1]!.data;
  }

  /** Mean squared error over samples and outputs. `targets` may be numbers when there is one output. */
  loss(inputs: readonly ArrayLike<number>[], targets: readonly (number | ArrayLike<number>)[]): number {
    const data = checkDataset(inputs, targets, this.inputSize, this.outputSize);
    const a = this.activationsFor(flattenRows(data.inputs, this.inputSize));
    feedforward(this.layers, a);
    return meanSquaredError(flattenRows(data.targets, this.outputSize), a[a.length - 1]!.data);
  }

  /** ∂E/∂W and ∂E/∂b for E = ½ Σ_samples Σ_outputs (y − ŷ)²; the delta rule adds −η times these. */
  gradients(inputs: readonly ArrayLike<number>[], targets: readonly (number | ArrayLike<number>)[]): LayeredParams {
    const rule = this.deltaRule(inputs, targets);
    rule.backpropagate();
    const negated = (m: Matrix) => m.toArray().map((row) => row.map((v) => -v));
    return { weights: rule.dW.map(negated), biases: rule.db === null ? null : rule.db.map((m) => negated(m)[0]!) };
  }

  /**
   * Full-batch training by the delta rule, as tutorial 2 does it: forward the whole batch, the output layer's
   * delta = (y − ŷ) ⊙ f'(ŷ), each hidden layer's delta = (delta_next · Wᵀ) ⊙ f'(a), then every W += η · aᵀ · delta
   * (all deltas use the weights from before the update). One epoch is one update; epochs are counted as
   * {@link TrainConfig} says. Defaults: learnRate 1 (the tutorial's), lossEvery 100.
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
    const rule = this.deltaRule(inputs, targets);
    return new TrainingRun(rule, resolveTrainConfig(config, { learnRate: DEFAULT_LEARN_RATE, lossEvery: DEFAULT_LOSS_EVERY }));
  }

  private deltaRule(inputs: readonly ArrayLike<number>[], targets: readonly (number | ArrayLike<number>)[]): DeltaRule {
    const data = checkDataset(inputs, targets, this.inputSize, this.outputSize);
    const n = data.inputs.length;
    checkBatchSize(n, this.layerSizes, TRAINING_COPIES);
    const x = new Matrix(n, this.inputSize, flattenRows(data.inputs, this.inputSize));
    const y = new Matrix(n, this.outputSize, flattenRows(data.targets, this.outputSize));
    return new DeltaRule(this.layers, x, y, () => this.params);
  }

  /** a[0] over `inputs` (n rows, not copied), then one matrix per layer for n samples, the last over `out` when given. */
  private activationsFor(inputs: Float64Array, out?: Float64Array): Matrix[] {
    if (inputs.length % this.inputSize !== 0) {
      throw new InputError("inputs.length", inputs.length, `a multiple of inputSize (${this.inputSize})`);
    }
    const n = inputs.length / this.inputSize;
    checkBatchSize(n, this.layerSizes, 1);
    const last = this.layerSizes.length - 1;
    return this.layerSizes.map((size, l) => new Matrix(n, size, l === 0 ? inputs : l === last ? out : undefined));
  }
}

/** a[l + 1] = f(a[l] · W[l] + b[l]) for every layer after the input a[0]. */
function feedforward({ W, b, f }: Layers, a: readonly Matrix[]): void {
  for (let l = 0; l < W.length; l++) {
    dot(a[l]!, W[l]!, a[l + 1]);
    if (b !== null) addScaled(a[l + 1]!, 1, b[l]!);
    f[l]!.output(a[l + 1]!, a[l + 1]!);
  }
}

/** Training holds a batch's activations, deltas and slopes: three numbers per sample and unit. */
const TRAINING_COPIES = 3;

/**
 * Tutorial 2's delta rule for one batch, its matrices allocated once so that an epoch allocates nothing.
 * Layer l's matrices have one row per sample and one column per unit.
 */
class DeltaRule implements Trainable<LayeredParams> {
  /** a[l], layer l's outputs (a[0] = the inputs). */
  private readonly a: Matrix[];
  /** delta[l] = −∂E/∂z for layer l's total inputs z, the tutorial's sign: the update adds η · aᵀ · delta (delta[0] is unused). */
  private readonly delta: Matrix[];
  /** slope[l] = f'(a[l]), the derivative written through the output, the tutorial's `x * (1 - x)` (slope[0] is unused). */
  private readonly slope: Matrix[];
  /** dW[l] = a[l]ᵀ · delta[l + 1] = −∂E/∂W[l], the tutorial's `layer_adjustment`. */
  readonly dW: Matrix[];
  /** db[l] = 1ᵀ · delta[l + 1] = −∂E/∂b[l], the deltas summed over samples; null without biases. */
  readonly db: Matrix[] | null;
  /** A column of ones, one per sample, to sum the deltas with. */
  private readonly ones: Matrix;
  /** The parameters set aside by saveParams, before the epoch under way. */
  private readonly before: Float64Array;

  constructor(
    private readonly net: Layers,
    x: Matrix,
    /** The targets, samples × outputs. */
    private readonly y: Matrix,
    readonly copyParams: () => LayeredParams,
  ) {
    const n = x.rows;
    const sizes = [x.cols, ...net.W.map((w) => w.cols)];
    this.a = sizes.map((size, l) => (l === 0 ? x : new Matrix(n, size)));
    this.delta = sizes.map((size, l) => new Matrix(l === 0 ? 0 : n, size));
    this.slope = sizes.map((size, l) => new Matrix(l === 0 ? 0 : n, size));
    this.dW = net.W.map((w) => new Matrix(w.rows, w.cols));
    this.db = net.b === null ? null : net.b.map((b) => new Matrix(1, b.cols));
    this.ones = new Matrix(n, 1, new Float64Array(n).fill(1));
    this.before = new Float64Array(net.theta.length);
  }

  get parameterCount(): number {
    return this.net.theta.length;
  }

  /** Forward the batch, then every layer's delta from the output back, then the adjustments, as tutorial 2 computes them. */
  backpropagate(): void {
    const { W, f } = this.net;
    const { a, delta, slope, dW, db, y } = this;
    const L = W.length;
    feedforward(this.net, a);
    // Output layer: δ_L = (y − ŷ) ⊙ f'(ŷ).
    hadamard(subtract(y, a[L]!, delta[L]), f[L - 1]!.derFromOutput(a[L]!, slope[L]!), delta[L]);
    // Hidden layers, back to front: δ_l = (δ_(l+1) · W_lᵀ) ⊙ f'(a_l).
    for (let l = L - 1; l >= 1; l--) {
      hadamard(dotTransposed(delta[l + 1]!, W[l]!, delta[l]), f[l - 1]!.derFromOutput(a[l]!, slope[l]!), delta[l]);
    }
    // Adjustments: ΔW_l = a_lᵀ · δ_(l+1) and Δb_l = 1ᵀ · δ_(l+1).
    for (let l = 0; l < L; l++) {
      transposedDot(a[l]!, delta[l + 1]!, dW[l]);
      if (db !== null) transposedDot(this.ones, delta[l + 1]!, db[l]);
    }
  }

  trainEpoch(learnRate: number): boolean {
    const { W, b, theta } = this.net;
    this.backpropagate();
    // W_l += η · ΔW_l, and b_l += η · Δb_l.
    for (let l = 0; l < W.length; l++) {
      addScaled(W[l]!, learnRate, this.dW[l]!);
      if (b !== null) addScaled(b[l]!, learnRate, this.db![l]!);
    }
    for (let k = 0; k < theta.length; k++) if (!Number.isFinite(theta[k])) return false;
    return true;
  }

  saveParams(): void {
    this.before.set(this.net.theta);
  }

  restoreParams(): void {
    this.net.theta.set(this.before);
  }

  loss(): number {
    feedforward(this.net, this.a);
    return meanSquaredError(this.y.data, this.a[this.a.length - 1]!.data);
  }
}

function checkLayerSizes(layerSizes: unknown): number[] {
  if (!Array.isArray(layerSizes) || layerSizes.length < 2 || layerSizes.length > MAX_LAYERS) {
    throw new InputError("layerSizes", layerSizes, `an array of 2 to ${MAX_LAYERS} layer sizes`);
  }
  const sizes = layerSizes.map((size: unknown, l) => {
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 1 || size > MAX_LAYER_SIZE) {
      throw new InputError(`layerSizes[${l}]`, size, `a whole number from 1 to ${MAX_LAYER_SIZE}`);
    }
    return size;
  });
  const parameters = sizes.slice(1).reduce((total, nOut, l) => total + (sizes[l]! + 1) * nOut, 0);
  if (parameters > MAX_PARAMETERS) {
    throw new InputError("layerSizes", sizes, `sizes with at most ${MAX_PARAMETERS} weights and biases in all (these have ${parameters})`);
  }
  return sizes;
}

/** Checks that n samples through these layers, `copies` numbers per sample and unit, stay within {@link MAX_BATCH_NUMBERS}. */
function checkBatchSize(n: number, sizes: readonly number[], copies: number): void {
  const perSample = copies * sum(sizes);
  if (n * perSample > MAX_BATCH_NUMBERS) {
    const most = Math.floor(MAX_BATCH_NUMBERS / perSample);
    throw new InputError("inputs.length", n, `at most ${most} samples for layers [${sizes.join(", ")}] (${perSample} numbers a sample, 2^27 in all)`);
  }
}

function checkWidth(m: Matrix, cols: number): Matrix {
  if (m.cols !== cols) throw new InputError("inputs.cols", m.cols, `${cols} (the network's inputSize)`);
  return m;
}

/** `target` filled from nested rows, checked to be its shape and finite. */
function fill(target: Matrix, parameter: string, rows: unknown): Matrix {
  if (!Array.isArray(rows) || rows.length !== target.rows) {
    throw new InputError(parameter, rows, `a ${target.rows}×${target.cols} matrix (${target.rows} rows)`);
  }
  rows.forEach((row: unknown, i) => target.data.set(checkVector(`${parameter}[${i}]`, row, target.cols), i * target.cols));
  return target;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
