import { sigmoid, toActivation, type Activation, type ActivationName } from "./activation";
import { InputError } from "./errors";
import { meanSquaredError } from "./loss";
import type { Predictor } from "./model";
import { resolveTrainConfig, TrainingRun, type Trainable, type TrainConfig, type TrainResult } from "./training";
import { checkDataset, checkFinite, checkVector } from "./validate";

/** The nine parameters of tutorial 1's network, in the order the tutorial draws them. */
export const PARAM_NAMES_221 = ["w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"] as const;

export type ParamName221 = (typeof PARAM_NAMES_221)[number];

/** h1 = f(w1·x1 + w2·x2 + b1), h2 = f(w3·x1 + w4·x2 + b2), o1 = f(w5·h1 + w6·h2 + b3). */
export type Params221 = Record<ParamName221, number>;

/** Every value of one forward pass: each neuron's total input (`sum…`) and its output. */
export interface Forward221 {
  sumH1: number;
  h1: number;
  sumH2: number;
  h2: number;
  sumO1: number;
  /** The network's output, y_pred. */
  o1: number;
}

/**
 * Backpropagation for one sample, with L = (y_true − y_pred)² (that sample's squared error).
 * Each factor of the chain rule is named `dA_dB`, meaning ∂A/∂B.
 */
export interface Backprop221 {
  forward: Forward221;
  /** ∂L/∂y_pred = −2 (y_true − y_pred). */
  dL_dYpred: number;
  /** Neuron o1: ∂y_pred/∂w5 = h1·f'(sum_o1), likewise w6 and b3. */
  dYpred_dW5: number;
  dYpred_dW6: number;
  dYpred_dB3: number;
  /** ∂y_pred/∂h1 = w5·f'(sum_o1): how the output moves with the hidden neuron h1. */
  dYpred_dH1: number;
  dYpred_dH2: number;
  /** Neuron h1: ∂h1/∂w1 = x1·f'(sum_h1), likewise w2 and b1. */
  dH1_dW1: number;
  dH1_dW2: number;
  dH1_dB1: number;
  /** Neuron h2: ∂h2/∂w3 = x1·f'(sum_h2), likewise w4 and b2. */
  dH2_dW3: number;
  dH2_dW4: number;
  dH2_dB2: number;
  /** ∂L/∂p for every parameter p: the chain-rule products, e.g. ∂L/∂w1 = ∂L/∂y_pred · ∂y_pred/∂h1 · ∂h1/∂w1. */
  gradient: Params221;
}

/** Tutorial 1's learn rate. */
const DEFAULT_LEARN_RATE = 0.1;
/** Tutorial 1 prints the loss every 10 epochs. */
const DEFAULT_LOSS_EVERY = 10;

/**
 * Tutorial 1's trainable 2-2-1 network: two inputs, hidden neurons h1 and h2, output neuron o1, each with a bias,
 * trained by per-sample stochastic gradient descent on the mean squared error.
 */
export class Network221 implements Predictor {
  readonly inputSize = 2;
  readonly outputSize = 1;
  readonly activation: Activation;
  private readonly p: Params221;

  constructor(params: Params221, activation: Activation | ActivationName = sigmoid) {
    if (params === null || typeof params !== "object") throw new InputError("params", params, "an object with w1…w6, b1…b3");
    this.p = {} as Params221;
    for (const name of PARAM_NAMES_221) this.p[name] = checkFinite(`params.${name}`, params[name]);
    this.activation = toActivation(activation);
  }

  /** A network whose parameters are nine `rng.normal()` draws in the order w1…w6, b1, b2, b3, as the tutorial draws them. */
  static fromRandom(rng: { normal(): number }, activation: Activation | ActivationName = sigmoid): Network221 {
    const params = {} as Params221;
    for (const name of PARAM_NAMES_221) params[name] = rng.normal();
    return new Network221(params, activation);
  }

  /** A copy of the current parameters. */
  get params(): Params221 {
    return { ...this.p };
  }

  forward(x: ArrayLike<number>): Forward221 {
    return this.forwardPass(emptyBackprop().forward, checkVector("x", x, 2, "the network takes two inputs, x1 and x2"));
  }

  /** The prediction y_pred = o1 for x = [x1, x2]. */
  feedforward(x: ArrayLike<number>): number {
    return this.forward(x).o1;
  }

  /** y_pred for each row [x1, x2] of `inputs` (row-major), into `out`; see {@link Predictor}. */
  predictBatch(inputs: Float64Array, out?: Float64Array): Float64Array {
    const yPreds = out ?? new Float64Array(inputs.length / 2);
    const forward = emptyBackprop().forward;
    for (let s = 0; s < yPreds.length; s++) yPreds[s] = this.forwardPass(forward, inputs.subarray(2 * s, 2 * s + 2)).o1;
    return yPreds;
  }

  backprop(x: ArrayLike<number>, yTrue: number): Backprop221 {
    return this.chainRule(emptyBackprop(), checkVector("x", x, 2, "the network takes two inputs, x1 and x2"), checkFinite("yTrue", yTrue));
  }

  /** Fills `out` with the forward pass for one checked input and returns it (training reuses one object). */
  private forwardPass(out: Forward221, x: ArrayLike<number>): Forward221 {
    const { w1, w2, w3, w4, w5, w6, b1, b2, b3 } = this.p;
    const f = this.activation.output;
    out.sumH1 = w1 * x[0]! + w2 * x[1]! + b1;
    out.h1 = f(out.sumH1);
    out.sumH2 = w3 * x[0]! + w4 * x[1]! + b2;
    out.h2 = f(out.sumH2);
    out.sumO1 = w5 * out.h1 + w6 * out.h2 + b3;
    out.o1 = f(out.sumO1);
    return out;
  }

  /** Fills `d` with the chain-rule factors and the gradient for one checked sample and returns it. */
  private chainRule(d: Backprop221, x: ArrayLike<number>, yTrue: number): Backprop221 {
    const { h1, h2, o1: yPred } = this.forwardPass(d.forward, x);
    const { w5, w6 } = this.p;
    // f'(sum) of each neuron, once per neuron and through its output (the same number as f'(sum), without a second exp).
    const df = this.activation.derFromOutput;
    const dfO1 = df(yPred);
    const dfH1 = df(h1);
    const dfH2 = df(h2);

    d.dL_dYpred = -2 * (yTrue - yPred);

    d.dYpred_dW5 = h1 * dfO1;
    d.dYpred_dW6 = h2 * dfO1;
    d.dYpred_dB3 = dfO1;
    d.dYpred_dH1 = w5 * dfO1;
    d.dYpred_dH2 = w6 * dfO1;

    d.dH1_dW1 = x[0]! * dfH1;
    d.dH1_dW2 = x[1]! * dfH1;
    d.dH1_dB1 = dfH1;

    d.dH2_dW3 = x[0]! * dfH2;
    d.dH2_dW4 = x[1]! * dfH2;
    d.dH2_dB2 = dfH2;

    const g = d.gradient;
    g.w1 = d.dL_dYpred * d.dYpred_dH1 * d.dH1_dW1;
    g.w2 = d.dL_dYpred * d.dYpred_dH1 * d.dH1_dW2;
    g.w3 = d.dL_dYpred * d.dYpred_dH2 * d.dH2_dW3;
    g.w4 = d.dL_dYpred * d.dYpred_dH2 * d.dH2_dW4;
    g.w5 = d.dL_dYpred * d.dYpred_dW5;
    g.w6 = d.dL_dYpred * d.dYpred_dW6;
    g.b1 = d.dL_dYpred * d.dYpred_dH1 * d.dH1_dB1;
    g.b2 = d.dL_dYpred * d.dYpred_dH2 * d.dH2_dB2;
    g.b3 = d.dL_dYpred * d.dYpred_dB3;
    return d;
  }

  /** Mean squared error of the predictions for `inputs` against `yTrues`. */
  loss(inputs: readonly ArrayLike<number>[], yTrues: readonly number[]): number {
    const data = checkDataset(inputs, yTrues, 2, 1, { inputs: "inputs", targets: "yTrues" });
    return this.trainable(data.inputs, yTrues).loss();
  }

  /**
   * Per-sample SGD exactly as tutorial 1 does it: for each epoch, for each sample in order, one forward pass,
   * the chain-rule factors, then every parameter steps against its gradient, p ← p − η · ∂L/∂p.
   * Epochs are counted as {@link TrainConfig} says: `losses[k].epoch = e` is the mean squared error over all
   * samples after e epochs. Defaults: learnRate 0.1, lossEvery 10.
   */
  train(inputs: readonly ArrayLike<number>[], yTrues: readonly number[], config: TrainConfig): TrainResult<Params221> {
    return this.startTraining(inputs, yTrues, config).finish();
  }

  /** The same training as {@link train}, run as far as the caller asks at a time (see {@link TrainingRun}). */
  startTraining(inputs: readonly ArrayLike<number>[], yTrues: readonly number[], config: TrainConfig): TrainingRun<Params221> {
    const data = checkDataset(inputs, yTrues, 2, 1, { inputs: "inputs", targets: "yTrues" });
    const resolved = resolveTrainConfig(config, { learnRate: DEFAULT_LEARN_RATE, lossEvery: DEFAULT_LOSS_EVERY });
    return new TrainingRun(this.trainable(data.inputs, yTrues), resolved);
  }

  /** The network as the training loop sees it, for checked data. Allocates nothing per sample or epoch. */
  private trainable(xs: readonly ArrayLike<number>[], yTrues: readonly number[]): Trainable<Params221> {
    const p = this.p;
    const d = emptyBackprop();
    const g = d.gradient;
    const before = { ...p };
    const yPreds = new Float64Array(xs.length);
    return {
      trainEpoch: (learnRate) => {
        for (let i = 0; i < xs.length; i++) {
          this.chainRule(d, xs[i]!, yTrues[i]!);
          p.w1 -= learnRate * g.w1;
          p.w2 -= learnRate * g.w2;
          p.w3 -= learnRate * g.w3;
          p.w4 -= learnRate * g.w4;
          p.w5 -= learnRate * g.w5;
          p.w6 -= learnRate * g.w6;
          p.b1 -= learnRate * g.b1;
          p.b2 -= learnRate * g.b2;
          p.b3 -= learnRate * g.b3;
        }
        const { w1, w2, w3, w4, w5, w6, b1, b2, b3 } = p;
        // x − x is 0 for a finite x and NaN for ±Infinity or NaN.
        return w1 - w1 + (w2 - w2) + (w3 - w3) + (w4 - w4) + (w5 - w5) + (w6 - w6) + (b1 - b1) + (b2 - b2) + (b3 - b3) === 0;
      },
      saveParams: () => setParams(before, p),
      restoreParams: () => setParams(p, before),
      loss: () => {
        for (let i = 0; i < xs.length; i++) yPreds[i] = this.forwardPass(d.forward, xs[i]!).o1;
        return meanSquaredError(yTrues, yPreds);
      },
      copyParams: () => this.params,
      parameterCount: PARAM_NAMES_221.length,
    };
  }
}

/** to ← from, field by field (the training loop's copy before each epoch, which Object.assign makes slower). */
function setParams(to: Params221, from: Params221): void {
  to.w1 = from.w1;
  to.w2 = from.w2;
  to.w3 = from.w3;
  to.w4 = from.w4;
  to.w5 = from.w5;
  to.w6 = from.w6;
  to.b1 = from.b1;
  to.b2 = from.b2;
  to.b3 = from.b3;
}

function emptyBackprop(): Backprop221 {
  const zeros = (): Params221 => ({ w1: 0, w2: 0, w3: 0, w4: 0, w5: 0, w6: 0, b1: 0, b2: 0, b3: 0 });
  return {
    forward: { sumH1: 0, h1: 0, sumH2: 0, h2: 0, sumO1: 0, o1: 0 },
    dL_dYpred: 0,
    dYpred_dW5: 0,
    dYpred_dW6: 0,
    dYpred_dB3: 0,
    dYpred_dH1: 0,
    dYpred_dH2: 0,
    dH1_dW1: 0,
    dH1_dW2: 0,
    dH1_dB1: 0,
    dH2_dW3: 0,
    dH2_dW4: 0,
    dH2_dB2: 0,
    gradient: zeros(),
  };
}
