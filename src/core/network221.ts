import { sigmoid, toActivation, type Activation, type ActivationName } from "./activation";
import { NetworkInputError } from "./errors";
import { mseLoss } from "./loss";
import { resolveTrainConfig, type Snapshot, type TrainConfig, type TrainResult } from "./training";
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
export class Network221 {
  readonly activation: Activation;
  private readonly p: Params221;

  constructor(params: Params221, activation: Activation | ActivationName = sigmoid) {
    if (params === null || typeof params !== "object") throw new NetworkInputError("params", params, "an object with w1…w6, b1…b3");
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
    return this.forwardPass(checkVector("x", x, 2));
  }

  /** The prediction y_pred = o1 for x = [x1, x2]. */
  feedforward(x: ArrayLike<number>): number {
    return this.forward(x).o1;
  }

  backprop(x: ArrayLike<number>, yTrue: number): Backprop221 {
    return this.chainRule(checkVector("x", x, 2), checkFinite("yTrue", yTrue));
  }

  private forwardPass(x: ArrayLike<number>): Forward221 {
    const { w1, w2, w3, w4, w5, w6, b1, b2, b3 } = this.p;
    const f = this.activation.output;
    const sumH1 = w1 * x[0]! + w2 * x[1]! + b1;
    const h1 = f(sumH1);
    const sumH2 = w3 * x[0]! + w4 * x[1]! + b2;
    const h2 = f(sumH2);
    const sumO1 = w5 * h1 + w6 * h2 + b3;
    return { sumH1, h1, sumH2, h2, sumO1, o1: f(sumO1) };
  }

  /** The chain-rule factors for one checked sample. */
  private chainRule(x: ArrayLike<number>, yTrue: number): Backprop221 {
    const forward = this.forwardPass(x);
    const { sumH1, h1, sumH2, h2, sumO1, o1: yPred } = forward;
    const { w5, w6 } = this.p;
    const df = this.activation.der;

    const dL_dYpred = -2 * (yTrue - yPred);

    const dYpred_dW5 = h1 * df(sumO1);
    const dYpred_dW6 = h2 * df(sumO1);
    const dYpred_dB3 = df(sumO1);
    const dYpred_dH1 = w5 * df(sumO1);
    const dYpred_dH2 = w6 * df(sumO1);

    const dH1_dW1 = x[0]! * df(sumH1);
    const dH1_dW2 = x[1]! * df(sumH1);
    const dH1_dB1 = df(sumH1);

    const dH2_dW3 = x[0]! * df(sumH2);
    const dH2_dW4 = x[1]! * df(sumH2);
    const dH2_dB2 = df(sumH2);

    return {
      forward,
      dL_dYpred,
      dYpred_dW5,
      dYpred_dW6,
      dYpred_dB3,
      dYpred_dH1,
      dYpred_dH2,
      dH1_dW1,
      dH1_dW2,
      dH1_dB1,
      dH2_dW3,
      dH2_dW4,
      dH2_dB2,
      gradient: {
        w1: dL_dYpred * dYpred_dH1 * dH1_dW1,
        w2: dL_dYpred * dYpred_dH1 * dH1_dW2,
        w3: dL_dYpred * dYpred_dH2 * dH2_dW3,
        w4: dL_dYpred * dYpred_dH2 * dH2_dW4,
        w5: dL_dYpred * dYpred_dW5,
        w6: dL_dYpred * dYpred_dW6,
        b1: dL_dYpred * dYpred_dH1 * dH1_dB1,
        b2: dL_dYpred * dYpred_dH2 * dH2_dB2,
        b3: dL_dYpred * dYpred_dB3,
      },
    };
  }

  /** Mean squared error of the predictions for `inputs` against `yTrues`. */
  loss(inputs: readonly ArrayLike<number>[], yTrues: readonly number[]): number {
    const data = checkDataset(inputs, yTrues, 2, 1);
    return this.lossOf(data.inputs, yTrues);
  }

  /**
   * Per-sample SGD exactly as tutorial 1 does it: for each epoch, for each sample in order, one forward pass,
   * the chain-rule factors, then the updates h1, h2, o1 (each `p -= η · ∂L/∂p`, multiplied left to right).
   * `losses[k].epoch = e` is the mean squared error over all samples after epoch e's updates (the tutorial's
   * "Epoch e loss"); it is recorded when e % lossEvery === 0. Defaults: learnRate 0.1, lossEvery 10.
   */
  train(inputs: readonly ArrayLike<number>[], yTrues: readonly number[], config: TrainConfig): TrainResult<Params221> {
    const data = checkDataset(inputs, yTrues, 2, 1);
    const { epochs, learnRate, lossEvery, snapshotEvery, onProgress } = resolveTrainConfig(config, {
      learnRate: DEFAULT_LEARN_RATE,
      lossEvery: DEFAULT_LOSS_EVERY,
    });
    const xs = data.inputs;
    const p = this.p;
    const result: TrainResult<Params221> = { losses: [], snapshots: [] };
    const snapshot = (epoch: number): void => {
      result.snapshots.push({ epoch, loss: this.lossOf(xs, yTrues), params: this.params } satisfies Snapshot<Params221>);
    };
    if (snapshotEvery > 0) snapshot(0);

    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < xs.length; i++) {
        const d = this.chainRule(xs[i]!, yTrues[i]!);

        // Neuron h1
        p.w1 -= learnRate * d.dL_dYpred * d.dYpred_dH1 * d.dH1_dW1;
        p.w2 -= learnRate * d.dL_dYpred * d.dYpred_dH1 * d.dH1_dW2;
        p.b1 -= learnRate * d.dL_dYpred * d.dYpred_dH1 * d.dH1_dB1;

        // Neuron h2
        p.w3 -= learnRate * d.dL_dYpred * d.dYpred_dH2 * d.dH2_dW3;
        p.w4 -= learnRate * d.dL_dYpred * d.dYpred_dH2 * d.dH2_dW4;
        p.b2 -= learnRate * d.dL_dYpred * d.dYpred_dH2 * d.dH2_dB2;

        // Neuron o1
        p.w5 -= learnRate * d.dL_dYpred * d.dYpred_dW5;
        p.w6 -= learnRate * d.dL_dYpred * d.dYpred_dW6;
        p.b3 -= learnRate * d.dL_dYpred * d.dYpred_dB3;
      }

      if (epoch % lossEvery === 0) {
        const point = { epoch, loss: this.lossOf(xs, yTrues) };
        result.losses.push(point);
        onProgress?.({ ...point, fraction: (epoch + 1) / epochs });
      }
      if (snapshotEvery > 0 && ((epoch + 1) % snapshotEvery === 0 || epoch + 1 === epochs)) snapshot(epoch + 1);
    }
    return result;
  }

  private lossOf(xs: readonly ArrayLike<number>[], yTrues: readonly number[]): number {
    return mseLoss(yTrues, xs.map((x) => this.forwardPass(x).o1));
  }
}
