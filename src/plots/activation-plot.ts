import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { checkFinite, checkWhole } from "../core/validate";
import { checkRange } from "./checks";
import { NEUTRAL, RED } from "./colors";
import { VEGA_LITE_SCHEMA } from "./schema";

/** What the plot needs of an activation; the library's `Activation` has these members. */
export interface PlottableActivation {
  readonly name: string;
  output(x: number): number;
  /** df/dx at the total input x. */
  der(x: number): number;
}

export interface ActivationPlotOptions {
  /** Overlay each derivative f'(x) as a dashed line (default true). */
  derivative?: boolean;
  /** The range of total inputs x shown (default [-6, 6], where the sigmoid goes from ~0 to ~1). */
  domain?: readonly [number, number];
  /** Points per curve (default 241: a step of 0.05 over the default domain). */
  samples?: number;
}

/** The activations' curves f(x), and optionally their derivatives, against the neuron's total input. */
export function activationPlot(
  activations: PlottableActivation | readonly PlottableActivation[],
  options: ActivationPlotOptions = {},
): TopLevelSpec {
  const list = Array.isArray(activations) ? (activations as readonly PlottableActivation[]) : [activations as PlottableActivation];
  if (list.length === 0) throw new InputError("activations", activations, "at least one activation");
  list.forEach((a, i) => {
    if (a === null || typeof a !== "object" || typeof a.output !== "function" || typeof a.der !== "function") {
      throw new InputError(`activations[${i}]`, a, "an object with name, output(x) and der(x)");
    }
  });
  const derivative = options.derivative ?? true;
  const [lo, hi] = checkRange("domain", options.domain ?? [-6, 6]);
  const samples = checkWhole("samples", options.samples ?? 241, 2);

  const rows: { x: number; y: number; activation: string; curve: string }[] = [];
  for (const a of list) {
    for (let i = 0; i < samples; i++) {
      const x = lo + ((hi - lo) * i) / (samples - 1);
      rows.push({ x, y: checkFinite(`${a.name}.output(${x})`, a.output(x)), activation: a.name, curve: "f(x)" });
      if (derivative) rows.push({ x, y: checkFinite(`${a.name}.der(${x})`, a.der(x)), activation: a.name, curve: "f′(x)" });
    }
  }
  const names = list.map((a) => a.name).join(", ");
  const single = list.length === 1;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Line chart of ${names}${derivative ? " and derivative" : ""} for x from ${lo} to ${hi}`,
    title: {
      text: single ? `The ${names} activation` : "Activation functions",
      subtitle: derivative ? "solid: f(x), dashed: its derivative f′(x)" : "f(x) against the total input x",
    },
    width: 420,
    height: 260,
    data: { values: rows },
    layer: [
      {
        mark: { type: "rule", color: NEUTRAL, strokeWidth: 0.5 },
        data: { values: [{ y: 0 }] },
        encoding: { y: { field: "y", type: "quantitative" } },
      },
      {
        mark: { type: "line", strokeWidth: 2.5 },
        encoding: {
          x: { field: "x", type: "quantitative", title: "total input x = w·inputs + b", scale: { domain: [lo, hi], nice: false } },
          y: { field: "y", type: "quantitative", title: "output" },
          color: single
            ? { value: RED }
            : { field: "activation", type: "nominal", title: "activation", scale: { scheme: "tableau10" } },
          strokeDash: {
            field: "curve",
            type: "nominal",
            title: null,
            scale: { domain: ["f(x)", "f′(x)"], range: [[1, 0], [6, 4]] },
            legend: derivative ? { orient: "top-left" } : null,
          },
          detail: { field: "activation", type: "nominal" },
          tooltip: [
            { field: "activation", type: "nominal" },
            { field: "curve", type: "nominal" },
            { field: "x", type: "quantitative", format: ".2f" },
            { field: "y", type: "quantitative", format: ".4f" },
          ],
        },
      },
    ],
  };
}
