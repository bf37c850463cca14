import { describe, expect, it } from "vitest";
import { Neuron, NeuronNetwork, InputError, tanh } from "../../src";

describe("Neuron", () => {
  it("w = [0, 1], b = 4, x = [2, 3] → 0.9990889488055994 (the tutorial's example)", () => {
    const neuron = new Neuron([0, 1], 4);
    expect(neuron.total([2, 3])).toBe(7);
    expect(neuron.feedforward([2, 3])).toBe(0.9990889488055994);
  });

  it("uses the activation it is given", () => {
    expect(new Neuron([1], 0, tanh).feedforward([0.5])).toBe(Math.tanh(0.5));
    expect(new Neuron([1], 0, "relu").feedforward([-2])).toBe(0);
  });

  it("keeps its own copy of the weights", () => {
    const weights = [0, 1];
    const neuron = new Neuron(weights, 0);
    weights[1] = 5;
    expect(neuron.weights).toEqual([0, 1]);
  });

  it("new Neuron(…) and feedforward(…) validate their inputs", () => {
    expect(() => new Neuron([], 0)).toThrow(InputError);
    expect(() => new Neuron([0, Number.NaN], 0)).toThrow("weights[1] must be a finite number, got NaN");
    expect(() => new Neuron([0, 1], Infinity)).toThrow("bias must be a finite number, got Infinity");
    expect(() => new Neuron([0, 1], 0).feedforward([1, 2, 3])).toThrow("inputs.length must be 2, got 3 (this neuron has 2 weights, one per input)");
    expect(() => new Neuron([5], 0).feedforward([1, 2])).toThrow("inputs.length must be 1, got 2 (this neuron has 1 weight, one per input)");
    expect(() => new Neuron([0, 1], 0).feedforward([1, "2"] as never)).toThrow('inputs[1] must be a finite number, got "2"');
    expect(() => new Neuron("01" as never, 0)).toThrow('weights must be an array of numbers, got "01"');
    expect(() => new Neuron([0, 1], "4" as never)).toThrow('bias must be a finite number, got "4"');
  });

  it("takes an activation's name only from its own table: toString or hasOwnProperty are not activations", () => {
    expect(() => new Neuron([1], 0, "toString" as never)).toThrow('activation must be one of sigmoid, tanh, relu, got "toString"');
    expect(() => new Neuron([1], 0, "hasOwnProperty" as never)).toThrow(InputError);
  });
});

describe("NeuronNetwork", () => {
  it("all w = [0, 1], b = 0, x = [2, 3] → h1 = h2 = f(3), o1 = 0.7216325609518421", () => {
    const network = new NeuronNetwork();
    const { h1, h2, o1 } = network.forward([2, 3]);
    expect(h1).toBe(1 / (1 + Math.exp(-3)));
    expect(h2).toBe(h1);
    expect(h1.toFixed(4)).toBe("0.9526");
    expect(o1).toBe(0.7216325609518421);
    expect(network.feedforward([2, 3])).toBe(0.7216325609518421);
  });

  it("new NeuronNetwork(…) and forward(…) name the network's own parameters when a length is wrong", () => {
    expect(() => new NeuronNetwork([0, 1, 2])).toThrow(/^weights\.length must be 2, got 3 \(every neuron here has two inputs/);
    expect(() => new NeuronNetwork().forward([2, 3, 4])).toThrow("x.length must be 2, got 3 (the network takes two inputs, x1 and x2)");
    expect(() => new NeuronNetwork([0, 1], NaN)).toThrow("bias must be a finite number, got NaN");
  });
});
