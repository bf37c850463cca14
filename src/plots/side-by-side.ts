import type { TopLevelSpec } from "vega-lite";
import type { NonNormalizedSpec } from "vega-lite/build/src/spec";
import { InputError } from "../core/errors";
import { checkNonEmpty } from "./checks";
import { VEGA_LITE_SCHEMA } from "./schema";

export interface SideBySideOptions {
  /** A title over the whole row (default none: each plot keeps its own). */
  title?: string;
}

/**
 * Plots from these builders in one row, e.g. a network's regions next to its loss curve. Each plot keeps its own
 * colour and shape scales and legends, since a class colour and a run colour mean different things.
 */
export function sideBySide(plots: readonly TopLevelSpec[], options: SideBySideOptions = {}): TopLevelSpec {
  const list = checkNonEmpty<TopLevelSpec>("plots", plots);
  const panels = list.map((plot, i) => {
    if (plot === null || typeof plot !== "object") throw new InputError(`plots[${i}]`, plot, "a Vega-Lite spec");
    // `$schema` is allowed only at the top level of a spec, so it moves from each plot to the row.
    const { $schema: _schema, ...panel } = plot;
    return panel as NonNormalizedSpec;
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `${list.length} plots side by side: ${list.map((plot, i) => `(${i + 1}) ${plot.description ?? "a plot"}`).join(" ")}`,
    ...(options.title === undefined ? {} : { title: options.title }),
    hconcat: panels,
    resolve: { scale: { color: "independent", shape: "independent" } },
  };
}
