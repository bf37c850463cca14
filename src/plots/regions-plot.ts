import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { DECISION_THRESHOLD } from "../core/model";
import { decisionBoundary } from "./boundary";
import { fieldImageUrl } from "./field-image";
import { domainAround, DEFAULT_RESOLUTION, type PlaneDomain, sampleGrid } from "./grid";
import { boundaryLayer, type DrawnPoint, fieldLayer, pointsLayer, queriesLayer } from "./layers";
import { checkLabelledPoints, checkQueryPoints, formatPoint, type LabelledPoint, type QueryPoint } from "./points";
import { VEGA_LITE_SCHEMA } from "./schema";

/** A binary classifier over the plane: its output in [0, 1], read as class 1 when >= 0.5. */
export type PlanePredictor = (x1: number, x2: number) => number;

export interface RegionsPlotOptions {
  /** The part of the plane shown (default: around the training and query points). */
  domain?: PlaneDomain;
  /** Grid cells per axis at which the network is evaluated (default 100). */
  resolution?: number;
  /** Training points, drawn on top; those the network gets wrong are marked. */
  points?: readonly LabelledPoint[];
  /** Points to ask about, each labelled with the network's output and class, e.g. (2, -3). */
  queries?: readonly QueryPoint[];
  title?: string;
  /** Plot size in pixels (default 360). */
  size?: number;
}

/** The network's output over the input plane as a colour field, its 0.5 boundary, and the points on top. */
export function regionsPlot(predict: PlanePredictor, options: RegionsPlotOptions = {}): TopLevelSpec {
  const points = checkLabelledPoints("points", options.points ?? []);
  const queries = checkQueryPoints("queries", options.queries ?? []);
  const domain = options.domain ?? defaultDomain([...points, ...queries]);
  const grid = sampleGrid(predict, domain, options.resolution ?? DEFAULT_RESOLUTION);
  const drawn = drawPoints(points, predict);
  const asked = queries.map((q, i) => {
    const output = predict(q.x1, q.x2);
    if (!Number.isFinite(output)) throw new InputError(`predict(queries[${i}])`, output, "a finite number");
    return { x1: q.x1, x2: q.x2, text: `${formatPoint(q)} → ${output.toFixed(3)}, ${output >= DECISION_THRESHOLD ? "red (1)" : "blue (0)"}` };
  });
  const wrong = drawn.filter((p) => p.verdict === "misclassified").length;
  const size = options.size ?? 360;
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

/** Each training point with the network's output there and whether it lands on the right side of 0.5. */
export function drawPoints(points: readonly LabelledPoint[], predict: PlanePredictor): DrawnPoint[] {
  return points.map((p, i) => {
    const output = predict(p.x1, p.x2);
    if (!Number.isFinite(output)) throw new InputError(`predict(points[${i}])`, output, "a finite number");
    const predicted = output >= DECISION_THRESHOLD ? 1 : 0;
    return { x1: p.x1, x2: p.x2, label: p.label, output, verdict: predicted === p.label ? "correct" : "misclassified" };
  });
}

function defaultDomain(points: readonly QueryPoint[]): PlaneDomain {
  return points.length > 0 ? domainAround(points) : { x1: [-1, 1], x2: [-1, 1] };
}
