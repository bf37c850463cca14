import { sigmoid, type Activation, type ActivationName } from "./activation";
import { Neuron } from "./neuron";
import { checkVector } from "./validate";

/** Every neuron here has two inputs: x1 and x2 for h1 and h2, h1 and h2 for o1. */
const INPUTS = 2;

/**
 * Tutorial 1's first network, built from three {@link Neuron}s: inputs x1, x2 feed hidden neurons h1 and h2, whose
 * outputs feed the output neuron o1. By default every neuron has w = [0, 1] and b = 0, as in the tutorial.
 */
export class NeuronNetwork {
  readonly h1: Neuron;
  readonly h2: Neuron;
  readonly o1: Neuron;

  constructor(weights: ArrayLike<number> = [0, 1], bias = 0, activation: Activation | ActivationName = sigmoid) {
    checkVector("weights", weights, INPUTS, "every neuron here has two inputs: x1, x2 for h1 and h2; h1, h2 for o1");
    this.h1 = new Neuron(weights, bias, activation);
    this.h2 = new Neuron(weights, bias, activation);
    this.o1 = new Neuron(weights, bias, activation);
  }

  /** Every neuron's output for the input x = [x1, x2]. */
  forward(x: ArrayLike<number>): { h1: number; h2: number; o1: number } {
    checkVector("x", x, INPUTS, "the network takes two inputs, x1 and x2");
    const h1 = this.h1.feedforward(x);
    const h2 = this.h2.feedforward(x);
    return { h1, h2, o1: this.o1.feedforward([h1, h2]) };
  }

  /** The network's output o1 for the input x = [x1, x2]. */
  feedforward(x: ArrayLike<number>): number {
    return this.forward(x).o1;
  }
}
