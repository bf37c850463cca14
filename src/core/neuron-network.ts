import { sigmoid, type Activation, type ActivationName } from "./activation";
import { Neuron } from "./neuron";

/**
 * Tutorial 1's first network, built from three {@link Neuron}s: inputs x1, x2 feed hidden neurons h1 and h2, whose
 * outputs feed the output neuron o1. By default every neuron has w = [0, 1] and b = 0, as in the tutorial.
 */
export class NeuronNetwork {
  readonly h1: Neuron;
  readonly h2: Neuron;
  readonly o1: Neuron;

  constructor(weights: ArrayLike<number> = [0, 1], bias = 0, activation: Activation | ActivationName = sigmoid) {
    this.h1 = new Neuron(weights, bias, activation);
    this.h2 = new Neuron(weights, bias, activation);
    this.o1 = new Neuron(weights, bias, activation);
  }

  /** Every neuron's output for the input x = [x1, x2]. */
  forward(x: ArrayLike<number>): { h1: number; h2: number; o1: number } {
    const h1 = this.h1.feedforward(x);
    const h2 = this.h2.feedforward(x);
    return { h1, h2, o1: this.o1.feedforward([h1, h2]) };
  }

  /** The network's output o1 for the input x = [x1, x2]. */
  feedforward(x: ArrayLike<number>): number {
    return this.forward(x).o1;
  }
}
