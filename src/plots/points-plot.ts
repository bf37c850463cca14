import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import type { Dataset } from "../core/model";

import { checkWhole } from "../core/validate";
import { classScale } from "./colors";
import { domainAround } from "./grid";
import { planeAxes, queriesLayer } from "./layers";
import { MAX_PLOT_SIZE, MIN_PLOT_SIZE } from "./limits";
import { datasetPoints, formatPoint, type Query, queryPoints } from "./points";
import { VEGA_LITE_SCHEMA } from "./schema";

export interface PointsPlotOptions {
  /** Unlabelled points to mark, e.g. tutorial 2's new point [2, -3]. */
  queries?: readonly Query[];
  title?: string;
  /** Plot width and height in pixels (default 320). */
  size?: number;
}

const DEFAULT_SIZE = 320;

/** A data set's points in the plane coloured by class, red = 1 and blue = 0 (tutorial 2's picture). */
export function pointsPlot(data: Dataset, options: PointsPlotOptions = {}): TopLevelSpec {
  const points = datasetPoints("data", data);
  if (points.length === 0) throw new InputError("data.inputs", data.inputs, "at least one point");
  const queries = queryPoints("queries", options.queries ?? []);
  const size = checkWhole("size", options.size ?? DEFAULT_SIZE, MIN_PLOT_SIZE, MAX_PLOT_SIZE);
  const domain = domainAround([...points, ...queries]);
  const reds = points.filter((p) => p.label === 1).length;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Scatter plot of ${points.length} labelled points (${reds} red, ${points.length - reds} blue)${queries.map((q) => `, query ${formatPoint(q)}`).join("")}`,
    title: { text: options.title ?? "The training points", subtitle: "red: label 1, blue: label 0" },
    width: size,
    height: size,
    layer: [
      {
        data: { values: points },
        // Per-point ARIA labels would dominate the static SVG of a large data set (see pointsLayer).
        mark: { type: "point", filled: true, size: 120, stroke: "white", strokeWidth: 1.2, opacity: 1, aria: false },
        encoding: {
          ...planeAxes(domain),
          color: { field: "label", type: "nominal", title: "class", scale: classScale(), legend: { labelExpr: "datum.value == 1 ? '1 (red)' : '0 (blue)'" } },
          tooltip: [{ field: "x1", type: "quantitative" }, { field: "x2", type: "quantitative" }, { field: "label", type: "nominal" }],
        },
      },
      ...(queries.length > 0 ? [queriesLayer(queries.map((q) => ({ x1: q.x1, x2: q.x2, text: `${formatPoint(q)} ?` })), domain)] : []),
    ],
  };
}
