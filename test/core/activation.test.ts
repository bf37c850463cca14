import { describe, expect, it } from "vitest";
import { InputError, LayeredNetwork, RandomState, activations, relu, sigmoid, tanh, toActivation } from "../../src";
import { assertInDelta } from "../assert";

describe("sigmoid", () => {
  it("is exactly 1 / (1 + e^-x), so sigmoid(7) prints the tutorial's 0.9990889488055994", () => {
    expect(sigmoid.output(7)).toBe(0.9990889488055994);
    expect(sigmoid.output(3)).toBe(1 / (1 + Math.exp(-3)));
    expect(sigmoid.output(0)).toBe(0.5);
  });

  it("stays finite for inputs of ±1000 and saturates to 0 and 1", () => {
    for (const x of [-1000, -745, 745, 1000, -Number.MAX_VALUE, Number.MAX_VALUE]) {
      expect(Number.isFinite(sigmoid.output(x))).toBe(true);
      expect(Number.isFinite(sigmoid.der(x))).toBe(true);
    }
    expect(sigmoid.output(-1000)).toBe(0);
    expect(sigmoid.output(1000)).toBe(1);
    expect(sigmoid.der(1000)).toBe(0);
  });

  it("der(x) = f(x)(1 − f(x)) and derFromOutput(f(x)) agree", () => {
    for (const x of [-3, -0.5, 0, 0.7, 4]) {
      const y = sigmoid.output(x);
      expect(sigmoid.der(x)).toBe(y * (1 - y));
      expect(sigmoid.derFromOutput(y)).toBe(sigmoid.der(x));
    }
  });
});

describe("every activation", () => {
  it("der matches a central difference to 1e-8", () => {
    const h = 1e-6;
    for (const activation of Object.values(activations)) {
      for (const x of [-2.5, -0.3, 0.4, 1.7]) {
        const numeric = (activation.output(x + h) - activation.output(x - h)) / (2 * h);
        assertInDelta(activation.der(x), numeric, 1e-8);
        assertInDelta(activation.derFromOutput(activation.output(x)), activation.der(x), 1e-12);
      }
    }
  });

  it("tanh and relu have their textbook values", () => {
    expect(tanh.output(0.5)).toBe(Math.tanh(0.5));
    expect(tanh.der(0)).toBe(1);
    expect(relu.output(-2)).toBe(0);
    expect(relu.output(3)).toBe(3);
    expect(relu.der(0)).toBe(0);
  });
});

describe("toActivation", () => {
  it("finds an activation by name", () => {
    expect(toActivation("tanh")).toBe(tanh);
  });

  it("toActivation(…) validates the specified name", () => {
    expect(() => toActivation("softmax" as never)).toThrow(InputError);
    expect(() => toActivation("softmax" as never)).toThrow('activation must be one of sigmoid, tanh, relu, got "softmax"');
  });

  it("looks names up among its own activations, not Object's inherited methods", () => {
    for (const name of ["hasOwnProperty", "toString", "constructor", "__proto__", "valueOf"]) {
      expect(() => toActivation(name as never, "options.activation")).toThrow(
        `options.activation must be one of sigmoid, tanh, relu, got "${name}"`,
      );
    }
  });

  it("an activation called hasOwnProperty is blamed on the option that named it", () => {
    const rng = new RandomState(0);
    expect(() => LayeredNetwork.fromRandom([2, 2, 1], rng, { activation: "hasOwnProperty" as never })).toThrow(
      'options.activation must be one of sigmoid, tanh, relu, got "hasOwnProperty"',
    );
    expect(() => LayeredNetwork.fromRandom([2, 2, 1], rng, { activation: "tanh", outputActivation: "constructor" as never })).toThrow(
      'options.outputActivation must be one of sigmoid, tanh, relu, got "constructor"',
    );
  });

  it("toActivation(…) requires an object's output, der and derFromOutput to be functions", () => {
    const { derFromOutput: _, ...noDerFromOutput } = tanh;
    for (const bad of [null, 7, {}, noDerFromOutput, { ...tanh, der: 1 }]) {
      expect(() => toActivation(bad as never)).toThrow(/^activation must be an Activation \{ output, der, derFromOutput \} or one of sigmoid, tanh, relu, got /);
    }
    const custom = { ...tanh, name: "tanh" as const };
    expect(toActivation(custom)).toBe(custom);
  });
});
