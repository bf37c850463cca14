import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { checkFinite } from "../core/validate";
import { checkRange } from "./checks";
import { NEUTRAL_COLOR, RED_COLOR } from "./colors";
import { VEGA_LITE_SCHEMA } from "./schema";

/** Activations the explorer can evaluate inside Vega itself, written as Vega expressions of the total input `z`. */
const EXPRESSIONS = {
  sigmoid: "1 / (1 + exp(-z))",
  tanh: "(exp(z) - exp(-z)) / (exp(z) + exp(-z))",
  relu: "max(0, z)",
} as const;

export type ExplorableActivation = keyof typeof EXPRESSIONS;

export interface NeuronExplorerOptions {
  /** Which activation the neuron uses (default sigmoid). */
  activation?: ExplorableActivation;
  /** Starting weight w (default 1). */
  weight?: number;
  /** Starting bias b (default 0). */
  bias?: number;
  /** The input range shown (default [-10, 10]). */
  domain?: readonly [number, number];
  /** The range of both sliders (default [-10, 10]). */
  sliderRange?: readonly [number, number];
}

/**
 * A one-input neuron y = f(w·x + b) with sliders for w and b. The curve is computed by Vega from the slider
 * values, so it responds in JupyterLab without a running kernel. The dashed curve is f(x) (w = 1, b = 0).
 */
export function neuronExplorerPlot(options: NeuronExplorerOptions = {}): TopLevelSpec {
  const activation = options.activation ?? "sigmoid";
  // Own keys only: "constructor" is a key of every object, not an activation.
  if (typeof activation !== "string" || !Object.hasOwn(EXPRESSIONS, activation)) {
    throw new InputError("activation", activation, `one of ${Object.keys(EXPRESSIONS).join(", ")}`);
  }
  const weight = checkFinite("weight", options.weight ?? 1);
  const bias = checkFinite("bias", options.bias ?? 0);
  const [lo, hi] = checkRange("domain", options.domain ?? [-10, 10]);
  const [sliderMin, sliderMax] = checkRange("sliderRange", options.sliderRange ?? [-10, 10]);
  const f = (z: string): string => EXPRESSIONS[activation].replace(/z/g, `(${z})`);
  const slider = (name: string) => ({ input: "range" as const, min: sliderMin, max: sliderMax, step: 0.1, name });
  const x = { field: "x", type: "quantitative" as const, title: "input x", scale: { domain: [lo, hi], nice: false } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Interactive ${activation} neuron y = f(w·x + b) with weight and bias sliders, starting at w = ${weight}, b = ${bias}`,
    // The title follows the sliders, so a static image still says which neuron it shows; titles take the theme's colours.
    title: {
      text: { expr: `'A ${activation} neuron y = f(w·x + b) with w = ' + format(w, '.1f') + ',  b = ' + format(b, '.1f')` },
      subtitle: "move the sliders; dashed: the same neuron with w = 1, b = 0",
    },
    width: 420,
    height: 260,
    params: [
      { name: "w", value: weight, bind: slider("weight w ") },
      { name: "b", value: bias, bind: slider("bias b ") },
    ],
    data: { sequence: { start: lo, stop: hi + (hi - lo) / 400, step: (hi - lo) / 400, as: "x" } },
    transform: [
      { calculate: f("w * datum.x + b"), as: "y" },
      { calculate: f("datum.x"), as: "reference" },
    ],
    layer: [
      {
        mark: { type: "line", color: NEUTRAL_COLOR, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { x, y: { field: "reference", type: "quantitative" } },
      },
      {
        mark: { type: "line", color: RED_COLOR, strokeWidth: 3 },
        encoding: { x, y: { field: "y", type: "quantitative", title: "output y" } },
      },
    ],
  };
}
