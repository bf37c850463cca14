import type { TopLevelSpec } from "vega-lite";
import { checkNonEmpty } from "./checks";
import { classScale } from "./colors";
import { domainAround } from "./grid";
import { planeAxes, queriesLayer } from "./layers";
import { checkLabelledPoints, checkQueryPoints, formatPoint, type LabelledPoint, type QueryPoint } from "./points";
import { VEGA_LITE_SCHEMA } from "./schema";

export interface PointsPlotOptions {
  /** Unlabelled points to mark, e.g. tutorial 2's new point (2, -3). */
  queries?: readonly QueryPoint[];
  title?: string;
}

/** Tutorial 2's data set: points in the plane coloured by class, red = 1 and blue = 0. */
export function pointsPlot(points: readonly LabelledPoint[], options: PointsPlotOptions = {}): TopLevelSpec {
  checkLabelledPoints("points", checkNonEmpty<LabelledPoint>("points", points));
  const queries = checkQueryPoints("queries", options.queries ?? []);
  const domain = domainAround([...points, ...queries]);
  const reds = points.filter((p) => p.label === 1).length;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Scatter plot of ${points.length} labelled points (${reds} red, ${points.length - reds} blue)${queries.map((q) => `, query ${formatPoint(q)}`).join("")}`,
    title: { text: options.title ?? "The training points", subtitle: "red: label 1, blue: label 0" },
    width: 320,
    height: 320,
    layer: [
      {
        data: { values: points.map((p) => ({ x1: p.x1, x2: p.x2, label: p.label })) },
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
