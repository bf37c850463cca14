import { sigmoid, toActivation, type Activation, type ActivationName } from "./activation";
import { checkFinite, checkVector } from "./validate";

/** One neuron: y = f(w · x + b). */
export class Neuron {
  readonly weights: readonly number[];
  readonly bias: number;
  readonly activation: Activation;

  constructor(weights: ArrayLike<number>, bias: number, activation: Activation | ActivationName = sigmoid) {
    this.weights = Array.from(checkVector("weights", weights));
    this.bias = checkFinite("bias", bias);
    this.activation = toActivation(activation);
  }

  /** The total input w · x + b, before the activation (the dot product first, then the bias, as NumPy adds them). */
  total(inputs: ArrayLike<number>): number {
    const n = this.weights.length;
    checkVector("inputs", inputs, n, `this neuron has ${n} weight${n === 1 ? "" : "s"}, one per input`);
    let dot = 0;
    for (let i = 0; i < this.weights.length; i++) dot += this.weights[i]! * inputs[i]!;
    return dot + this.bias;
  }

  /** The neuron's output f(w · x + b). */
  feedforward(inputs: ArrayLike<number>): number {
    return this.activation.output(this.total(inputs));
  }
}
