import type { TopLevelSpec } from "vega-lite";
import type { Activation } from "../core/activation";
import { InputError } from "../core/errors";
import { checkFinite, checkWhole } from "../core/validate";
import { checkRange } from "./checks";
import { NEUTRAL_COLOR, RED_COLOR, SERIES_COLORS } from "./colors";
import { MAX_CURVES, MAX_SAMPLES } from "./limits";
import { VEGA_LITE_SCHEMA } from "./schema";

export interface ActivationPlotOptions {
  /** Overlay each derivative f'(x) as a dashed line (default true). */
  derivative?: boolean;
  /** The range of total inputs x shown (default [-6, 6], where the sigmoid goes from ~0 to ~1). */
  domain?: readonly [number, number];
  /** Points per curve (default 241: a step of 0.05 over the default domain; at most 10,000). */
  samples?: number;
}

/** The activations' curves f(x), and optionally their derivatives, against the neuron's total input. */
export function activationPlot(
  activations: Activation | readonly Activation[],
  options: ActivationPlotOptions = {},
): TopLevelSpec {
  const list = Array.isArray(activations) ? (activations as readonly Activation[]) : [activations as Activation];
  if (list.length === 0) throw new InputError("activations", activations, "at least one activation");
  if (list.length > MAX_CURVES) throw new InputError("activations.length", list.length, `at most ${MAX_CURVES}`);
  list.forEach((a, i) => {
    if (a === null || typeof a !== "object" || typeof a.output !== "function" || typeof a.der !== "function") {
      throw new InputError(`activations[${i}]`, a, "an object with name, output(x) and der(x)");
    }
  });
  const derivative = options.derivative ?? true;
  const [lo, hi] = checkRange("domain", options.domain ?? [-6, 6]);
  const samples = checkWhole("samples", options.samples ?? 241, 2, MAX_SAMPLES);

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
        mark: { type: "rule", color: NEUTRAL_COLOR, strokeWidth: 0.5 },
        data: { values: [{ y: 0 }] },
        encoding: { y: { field: "y", type: "quantitative" } },
      },
      {
        mark: { type: "line", strokeWidth: 2.5 },
        encoding: {
          x: { field: "x", type: "quantitative", title: "total input x = w·inputs + b", scale: { domain: [lo, hi], nice: false } },
          y: { field: "y", type: "quantitative", title: "output" },
          color: single
            ? { value: RED_COLOR }
            : { field: "activation", type: "nominal", title: "activation", scale: { range: [...SERIES_COLORS] } },
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
