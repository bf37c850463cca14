import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { checkFinite } from "../core/validate";
import { decisionBoundary } from "./boundary";
import { checkNonEmpty } from "./checks";
import { BLUE, NEUTRAL } from "./colors";
import { fieldImageUrl } from "./field-image";
import { domainAround, type PlaneDomain, sampleGrid } from "./grid";
import { boundaryLayer, fieldLayer, pointsLayer } from "./layers";
import { checkLabelledPoints, type LabelledPoint } from "./points";
import { drawPoints, type PlanePredictor } from "./regions-plot";
import { VEGA_LITE_SCHEMA } from "./schema";

/** The network as it was at one epoch of training: the training API's snapshot, reduced to what is drawn. */
export interface TrainingFrame {
  epoch: number;
  loss: number;
  predict: PlanePredictor;
}

export interface TrainingPlotOptions {
  /** The part of the plane shown (default: around the training points). */
  domain?: PlaneDomain;
  /** Grid cells per axis for each snapshot's field (default 40: frames add up, and 40 already shows the shape). */
  resolution?: number;
  /** Training points, drawn on every snapshot with that snapshot's mistakes marked. */
  points?: readonly LabelledPoint[];
  /** Plot the loss on a log scale (default true: training losses span orders of magnitude). */
  logScale?: boolean;
  /**
   * The epoch axis: "linear" (default), or "symlog" for snapshots spaced geometrically (epochs 0, 1, 2, 5, 11, …),
   * which a linear axis crowds into its first pixels; unlike "log", symlog keeps epoch 0.
   */
  epochScale?: "linear" | "symlog";
  title?: string;
}

/** The slider's Vega-Lite parameter: the index of the snapshot shown. */
const SNAPSHOT = "snapshot";
const DEFAULT_FRAME_RESOLUTION = 40;

/**
 * Training in motion: the classification regions and the loss so far at each recorded snapshot, with a slider
 * to scrub through them. The slider starts at the last snapshot, so the static image shows the trained network.
 */
export function trainingPlot(frames: readonly TrainingFrame[], options: TrainingPlotOptions = {}): TopLevelSpec {
  const logScale = options.logScale ?? true;
  checkNonEmpty<TrainingFrame>("frames", frames).forEach((frame, i) => {
    if (frame === null || typeof frame !== "object" || typeof frame.predict !== "function") {
      throw new InputError(`frames[${i}]`, frame, "{ epoch, loss, predict }");
    }
    checkFinite(`frames[${i}].epoch`, frame.epoch);
    checkFinite(`frames[${i}].loss`, frame.loss);
    if (logScale && frame.loss <= 0) throw new InputError(`frames[${i}].loss`, frame.loss, "> 0 on a log scale (or pass logScale: false)");
  });
  const epochScale = options.epochScale ?? "linear";
  if (epochScale !== "linear" && epochScale !== "symlog") throw new InputError("epochScale", epochScale, '"linear" or "symlog"');
  const points = checkLabelledPoints("points", options.points ?? []);
  const domain = options.domain ?? (points.length > 0 ? domainAround(points) : { x1: [-1, 1], x2: [-1, 1] });
  const resolution = options.resolution ?? DEFAULT_FRAME_RESOLUTION;
  const images: { frame: number; url: string }[] = [];
  const boundary: ({ frame: number } & ReturnType<typeof decisionBoundary>[number])[] = [];
  const drawn: ({ frame: number } & ReturnType<typeof drawPoints>[number])[] = [];
  frames.forEach((f, frame) => {
    const grid = sampleGrid(f.predict, domain, resolution);
    images.push({ frame, url: fieldImageUrl(grid) });
    boundary.push(...decisionBoundary(grid).map((v) => ({ frame, ...v })));
    drawn.push(...drawPoints(points, f.predict).map((p) => ({ frame, ...p })));
  });
  const history = frames.map((f, frame) => ({ frame, epoch: f.epoch, loss: f.loss }));
  const current = `datum.frame == ${SNAPSHOT}`;
  const last = frames.length - 1;
  const epoch = {
    field: "epoch",
    type: "quantitative" as const,
    title: "epoch",
    ...(epochScale === "symlog"
      ? {
          scale: { type: "symlog" as const },
          // Vega formats symlog ticks as 1e+3 (labelExpr keeps the linear axis's 1,000) and hides the last one as
          // overlapping; the decades never overlap, so every label stays.
          axis: {
            values: powersOfTen(Math.max(...frames.map((f) => f.epoch))),
            labelExpr: "format(datum.value, ',')",
            labelOverlap: false,
          },
        }
      : {}),
  };
  const loss = { field: "loss", type: "quantitative" as const, title: "loss", scale: logScale ? { type: "log" as const } : { zero: true } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description:
      `Training animation: ${frames.length} snapshots from epoch ${frames[0].epoch} to ${frames[last].epoch}` +
      ` (loss ${frames[0].loss.toPrecision(3)} → ${frames[last].loss.toPrecision(3)}), regions at ${resolution}×${resolution}, with a snapshot slider`,
    title: { text: options.title ?? "Training in motion", subtitle: "drag the snapshot slider to scrub through training" },
    params: [{ name: SNAPSHOT, value: last, bind: { input: "range", min: 0, max: last, step: 1, name: "snapshot " } }],
    hconcat: [
      {
        width: 320,
        height: 320,
        title: "classification regions",
        layer: [
          fieldLayer(images, domain, current),
          boundaryLayer(boundary, domain, current),
          ...(drawn.length > 0 ? [pointsLayer(drawn, domain, current)] : []),
        ],
      },
      {
        width: 320,
        height: 320,
        // A title follows the slider and takes the theme's colours, where a text mark would stay black on dark.
        title: {
          text: {
            expr: `'epoch ' + ${JSON.stringify(frames.map((f) => f.epoch))}[${SNAPSHOT}] + ', loss ' + format(${JSON.stringify(frames.map((f) => f.loss))}[${SNAPSHOT}], '.4~g')`,
          },
        },
        data: { values: history },
        layer: [
          { mark: { type: "line", color: NEUTRAL, strokeDash: [4, 4], opacity: 0.5 }, encoding: { x: epoch, y: loss } },
          { transform: [{ filter: `datum.frame <= ${SNAPSHOT}` }], mark: { type: "line", color: BLUE, strokeWidth: 2.5, point: true }, encoding: { x: epoch, y: loss } },
          { transform: [{ filter: current }], mark: { type: "rule", color: NEUTRAL }, encoding: { x: epoch } },
        ],
      },
    ],
  };
}

/** 0 and every power of ten up to `max`: symlog's own ticks are irregular, these read as decades. */
function powersOfTen(max: number): number[] {
  const ticks = [0];
  for (let tick = 1; tick <= max; tick *= 10) ticks.push(tick);
  return ticks;
}
