import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import type { LossPoint } from "../core/training";
import { checkFinite, checkWhole } from "../core/validate";
import { checkNonEmpty, formatCount } from "./checks";
import { BLUE_COLOR, SERIES_COLORS } from "./colors";
import { MAX_CURVES, MAX_LOSS_POINTS, MAX_PLOT_SIZE, MIN_PLOT_SIZE } from "./limits";
import { VEGA_LITE_SCHEMA } from "./schema";

/** One training run's loss history, e.g. one learning rate: `losses` as `train` returns them. */
export interface LossRun {
  name: string;
  losses: readonly LossPoint[];
}

export interface LossPlotOptions {
  /** Plot the loss on a log scale, where late, small improvements stay visible (default false). */
  logScale?: boolean;
  /** The chart title (default "Training loss"). */
  title?: string;
  /** What the loss is, for the y axis (default "loss"). */
  lossLabel?: string;
  /** Chart width in pixels (default 460). */
  width?: number;
  /** Chart height in pixels (default 280). */
  height?: number;
}

/** Loss against epoch for one or several runs on one chart, one colour per run. */
export function lossPlot(runs: LossRun | readonly LossRun[], options: LossPlotOptions = {}): TopLevelSpec {
  const list = checkNonEmpty<LossRun>("runs", Array.isArray(runs) ? runs : [runs], MAX_CURVES);
  const logScale = options.logScale ?? false;
  const width = checkWhole("width", options.width ?? 460, MIN_PLOT_SIZE, MAX_PLOT_SIZE);
  const height = checkWhole("height", options.height ?? 280, MIN_PLOT_SIZE, MAX_PLOT_SIZE);
  const rows: { run: string; epoch: number; loss: number }[] = [];
  list.forEach((run, r) => {
    if (run === null || typeof run !== "object" || typeof run.name !== "string") {
      throw new InputError(`runs[${r}]`, run, "{ name: string, losses: { epoch, loss }[] }");
    }
    const losses = checkNonEmpty<LossPoint>(`runs[${r}].losses`, run.losses);
    if (rows.length + losses.length > MAX_LOSS_POINTS) {
      throw new InputError(
        `runs[${r}].losses.length`,
        losses.length,
        `at most ${formatCount(MAX_LOSS_POINTS - rows.length)}: a loss plot draws at most ${formatCount(MAX_LOSS_POINTS)} points in all (record fewer with lossEvery)`,
      );
    }
    losses.forEach((point, i) => {
      const epoch = checkFinite(`runs[${r}].losses[${i}].epoch`, point.epoch);
      const loss = checkFinite(`runs[${r}].losses[${i}].loss`, point.loss);
      if (logScale && loss <= 0) throw new InputError(`runs[${r}].losses[${i}].loss`, loss, "> 0 on a log scale");
      rows.push({ run: run.name, epoch, loss });
    });
  });
  const several = list.length > 1;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Line chart of ${options.lossLabel ?? "loss"} against epoch for ${list.length} run${several ? "s" : ""}: ${list
      .map((r) => r.name)
      .join(", ")}${logScale ? " (log scale)" : ""}`,
    title: { text: options.title ?? "Training loss", subtitle: logScale ? "log scale" : "" },
    width,
    height,
    data: { values: rows },
    mark: { type: "line", strokeWidth: 2, interpolate: "linear" },
    encoding: {
      x: { field: "epoch", type: "quantitative", title: "epoch" },
      y: {
        field: "loss",
        type: "quantitative",
        title: options.lossLabel ?? "loss",
        scale: logScale ? { type: "log" } : { zero: true },
      },
      color: several
        ? { field: "run", type: "nominal", title: "run", sort: list.map((r) => r.name), scale: { range: [...SERIES_COLORS] } }
        : { value: BLUE_COLOR },
      tooltip: [
        { field: "run", type: "nominal" },
        { field: "epoch", type: "quantitative" },
        { field: "loss", type: "quantitative", format: ".5f" },
      ],
    },
  };
}
