import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import type { Dataset } from "../core/model";
import type { Snapshot } from "../core/training";
import { checkFinite, checkWhole } from "../core/validate";
import { decisionBoundary } from "./boundary";
import { checkNonEmpty, formatCount } from "./checks";
import { BLUE_COLOR, NEUTRAL_COLOR } from "./colors";
import { fieldImageUrl } from "./field-image";
import { domainAround, type PlaneDomain, samplePlane } from "./grid";
import { boundaryLayer, fieldLayer, pointsLayer } from "./layers";
import { MAX_FRAME_CELLS, MAX_FRAMES, MAX_POINTS, MAX_RESOLUTION } from "./limits";
import type { PlaneModel } from "./plane";
import { datasetPoints } from "./points";
import { drawPoints } from "./regions-plot";
import { VEGA_LITE_SCHEMA } from "./schema";

export interface TrainingPlotOptions {
  /** Training data, drawn on every snapshot with that snapshot's mistakes marked. */
  data?: Dataset;
  /** The part of the plane shown (default: around the data). */
  domain?: PlaneDomain;
  /** Grid cells per axis for each snapshot's field (default 40: frames add up, and 40 already shows the shape). */
  resolution?: number;
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
 * Training in motion: the classification regions and the loss so far at each snapshot, with a slider to scrub
 * through them. The snapshots are the training API's own (`TrainResult.snapshots`); `toModel` rebuilds a network
 * from a snapshot's parameters, e.g. `(params) => new LayeredNetwork(sizes, params)`. The slider starts at the last
 * snapshot, so the static image shows the trained network.
 */
export function trainingPlot<P>(
  snapshots: readonly Snapshot<P>[],
  toModel: (params: P) => PlaneModel,
  options: TrainingPlotOptions = {},
): TopLevelSpec {
  const logScale = options.logScale ?? true;
  const frames = checkNonEmpty<Snapshot<P>>("snapshots", snapshots, MAX_FRAMES);
  frames.forEach((frame, i) => {
    if (frame === null || typeof frame !== "object") throw new InputError(`snapshots[${i}]`, frame, "a snapshot { epoch, loss, params }");
    checkFinite(`snapshots[${i}].epoch`, frame.epoch);
    checkFinite(`snapshots[${i}].loss`, frame.loss);
    if (logScale && frame.loss <= 0) throw new InputError(`snapshots[${i}].loss`, frame.loss, "> 0 on a log scale (or pass logScale: false)");
  });
  if (typeof toModel !== "function") throw new InputError("toModel", toModel, "a function from a snapshot's params to a network, e.g. (params) => new LayeredNetwork(sizes, params)");
  const epochScale = options.epochScale ?? "linear";
  if (epochScale !== "linear" && epochScale !== "symlog") throw new InputError("epochScale", epochScale, '"linear" or "symlog"');
  const points = options.data === undefined ? [] : datasetPoints("data", options.data);
  const domain = options.domain ?? domainAround(points);
  const resolution = checkWhole("resolution", options.resolution ?? DEFAULT_FRAME_RESOLUTION, 2, MAX_RESOLUTION);
  if (frames.length * resolution * resolution > MAX_FRAME_CELLS) {
    throw new InputError(
      "resolution",
      resolution,
      `at most ${Math.floor(Math.sqrt(MAX_FRAME_CELLS / frames.length))} for ${frames.length} snapshots (snapshots × resolution² is limited to ${formatCount(MAX_FRAME_CELLS)})`,
    );
  }
  if (frames.length * points.length > MAX_POINTS) {
    throw new InputError(
      "data.inputs.length",
      points.length,
      `at most ${Math.floor(MAX_POINTS / frames.length)} for ${frames.length} snapshots (every snapshot draws every point: at most ${formatCount(MAX_POINTS)} in all)`,
    );
  }
  const images: { frame: number; url: string }[] = [];
  const boundary: ({ frame: number } & ReturnType<typeof decisionBoundary>[number])[] = [];
  const drawn: ({ frame: number } & ReturnType<typeof drawPoints>[number])[] = [];
  frames.forEach((snapshot, frame) => {
    const { grid, extra } = samplePlane(toModel(snapshot.params), domain, resolution, points);
    images.push({ frame, url: fieldImageUrl(grid) });
    for (const vertex of decisionBoundary(grid)) boundary.push({ frame, ...vertex });
    for (const point of drawPoints(points, extra)) drawn.push({ frame, ...point });
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
            values: powersOfTen(frames.reduce((max, f) => Math.max(max, f.epoch), 0)),
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
          { mark: { type: "line", color: NEUTRAL_COLOR, strokeDash: [4, 4], opacity: 0.5 }, encoding: { x: epoch, y: loss } },
          { transform: [{ filter: `datum.frame <= ${SNAPSHOT}` }], mark: { type: "line", color: BLUE_COLOR, strokeWidth: 2.5, point: true }, encoding: { x: epoch, y: loss } },
          { transform: [{ filter: current }], mark: { type: "rule", color: NEUTRAL_COLOR }, encoding: { x: epoch } },
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

/**
 * Epochs for an animation's snapshots, spaced geometrically so that the fast early changes get as many frames as
 * the slow late ones: 0, then epochs^(1/(count−1)), epochs^(2/(count−1)), …, epochs, rounded, repeats dropped
 * (so there may be fewer than `count`). Pass them as `snapshotAt` and plot with `epochScale: "symlog"`.
 */
export function logSpacedEpochs(epochs: number, count: number): number[] {
  checkWhole("epochs", epochs, 1);
  checkWhole("count", count, 2, MAX_FRAMES);
  const spaced = Array.from({ length: count - 1 }, (_, k) => Math.round(epochs ** ((k + 1) / (count - 1))));
  return [...new Set([0, ...spaced])];
}
