import { InputError } from "./errors";

/**
 * A differentiable activation function: its output and its derivative side by side.
 * `der` is taken with respect to the neuron's total input x; `derFromOutput` is the same derivative written in
 * terms of the output y = f(x), which is how the delta rule uses it (tutorial 2's `x * (1 - x)`).
 */
export interface Activation {
  readonly name: ActivationName;
  /** f(x). */
  output(x: number): number;
  /** df/dx at the total input x. */
  der(x: number): number;
  /** df/dx expressed through y = f(x). */
  derFromOutput(y: number): number;
}

export type ActivationName = "sigmoid" | "tanh" | "relu";

/**
 * The logistic sigmoid f(x) = 1 / (1 + e^(-x)), squashing any real number into (0, 1).
 * Written exactly as the tutorials write it so their printed digits hold; it is safe for any finite x because
 * e^(-x) overflowing to Infinity gives 1 / Infinity = 0, never NaN. f'(x) = f(x)·(1 − f(x)).
 */
export const sigmoid: Activation = {
  name: "sigmoid",
  output: (x) => 1 / (1 + Math.exp(-x)),
  der: (x) => {
    const fx = 1 / (1 + Math.exp(-x));
    return fx * (1 - fx);
  },
  derFromOutput: (y) => y * (1 - y),
};

/** The hyperbolic tangent, squashing into (−1, 1); tanh'(x) = 1 − tanh²(x). */
export const tanh: Activation = {
  name: "tanh",
  output: (x) => Math.tanh(x),
  der: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
  derFromOutput: (y) => 1 - y * y,
};

/** The rectified linear unit max(0, x); its derivative is taken as 0 at x = 0. */
export const relu: Activation = {
  name: "relu",
  output: (x) => (x > 0 ? x : 0),
  der: (x) => (x > 0 ? 1 : 0),
  derFromOutput: (y) => (y > 0 ? 1 : 0),
};

export const activations: Readonly<Record<ActivationName, Activation>> = { sigmoid, tanh, relu };

const NAMES = Object.keys(activations).join(", ");

/**
 * An activation given by itself or by name (`"tanh"`). A name is looked up among the table's own keys, so
 * `"toString"` or `"hasOwnProperty"` is an unknown name, not a function inherited from Object.
 */
export function toActivation(activation: Activation | ActivationName, parameter = "activation"): Activation {
  if (typeof activation === "string") {
    if (!Object.hasOwn(activations, activation)) throw new InputError(parameter, activation, `one of ${NAMES}`);
    return activations[activation];
  }
  if (!isActivation(activation)) throw new InputError(parameter, activation, `an Activation { output, der, derFromOutput } or one of ${NAMES}`);
  return activation;
}

function isActivation(value: unknown): value is Activation {
  if (value === null || typeof value !== "object") return false;
  const { output, der, derFromOutput } = value as Partial<Activation>;
  return typeof output === "function" && typeof der === "function" && typeof derFromOutput === "function";
}
