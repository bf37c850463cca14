import type { TopLevelSpec } from "vega-lite";
import { DECISION_THRESHOLD, type Dataset } from "../core/model";
import { checkWhole } from "../core/validate";
import { decisionBoundary } from "./boundary";

import { fieldImageUrl } from "./field-image";
import { domainAround, DEFAULT_RESOLUTION, type PlaneDomain, samplePlane } from "./grid";
import { boundaryLayer, type DrawnPoint, fieldLayer, pointsLayer, queriesLayer } from "./layers";
import { MAX_PLOT_SIZE, MIN_PLOT_SIZE } from "./limits";
import type { PlaneModel } from "./plane";
import { datasetPoints, formatPoint, type LabelledPoint, type Query, queryPoints } from "./points";
import { VEGA_LITE_SCHEMA } from "./schema";

export interface RegionsPlotOptions {
  /** Training data, drawn on top; the points the model gets wrong are marked. */
  data?: Dataset;
  /** Points to ask about, each labelled with the model's output and class, e.g. [2, -3]. */
  queries?: readonly Query[];
  /** The part of the plane shown (default: around the data and the queries). */
  domain?: PlaneDomain;
  /** Grid cells per axis at which the model is evaluated (default 100, at most 500). */
  resolution?: number;
  /** Plot width and height in pixels (default 360). */
  size?: number;
  title?: string;
}

const DEFAULT_SIZE = 360;

/**
 * The model's output over the input plane as a colour field, its 0.5 boundary, and the data on top. A trained
 * network (any Predictor with 2 inputs) is evaluated over the whole grid in one `predictBatch` call.
 */
export function regionsPlot(model: PlaneModel, options: RegionsPlotOptions = {}): TopLevelSpec {
  const points = options.data === undefined ? [] : datasetPoints("data", options.data);
  const queries = queryPoints("queries", options.queries ?? []);
  const domain = options.domain ?? domainAround([...points, ...queries]);
  const size = checkWhole("size", options.size ?? DEFAULT_SIZE, MIN_PLOT_SIZE, MAX_PLOT_SIZE);
  const { grid, extra } = samplePlane(model, domain, options.resolution ?? DEFAULT_RESOLUTION, [...points, ...queries]);
  const drawn = drawPoints(points, extra.subarray(0, points.length));
  const asked = queries.map((q, i) => {
    const output = extra[points.length + i]!;
    return { x1: q.x1, x2: q.x2, text: `${formatPoint(q)} → ${output.toFixed(3)}, ${output >= DECISION_THRESHOLD ? "red (1)" : "blue (0)"}` };
  });
  const wrong = drawn.filter((p) => p.verdict === "misclassified").length;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description:
      `Classification regions over x1 in [${domain.x1.join(", ")}], x2 in [${domain.x2.join(", ")}] at ${grid.resolution}×${grid.resolution}` +
      `: ${points.length} training points (${wrong} misclassified), ${queries.length} query point${queries.length === 1 ? "" : "s"}` +
      asked.map((q) => `; ${q.text}`).join(""),
    title: {
      text: options.title ?? "Classification regions",
      subtitle: "colour: network output, blue 0 → red 1; black line: output = 0.5",
    },
    width: size,
    height: size,
    layer: [
      fieldLayer([{ url: fieldImageUrl(grid) }], domain),
      boundaryLayer(decisionBoundary(grid), domain),
      ...(drawn.length > 0 ? [pointsLayer(drawn, domain)] : []),
      ...(asked.length > 0 ? [queriesLayer(asked, domain)] : []),
    ],
  };
}

/** Each training point with the model's output there and whether that output lands on the right side of 0.5. */
export function drawPoints(points: readonly LabelledPoint[], outputs: Float64Array): DrawnPoint[] {
  return points.map((p, i) => {
    const output = outputs[i]!;
    const predicted = output >= DECISION_THRESHOLD ? 1 : 0;
    return { x1: p.x1, x2: p.x2, label: p.label, output, verdict: predicted === p.label ? "correct" : "misclassified" };
  });
}
