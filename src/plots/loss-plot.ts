import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { checkFinite } from "../core/validate";
import { checkNonEmpty } from "./checks";
import { VEGA_LITE_SCHEMA } from "./schema";

/** One training run's loss history, e.g. one learning rate. */
export interface LossRun {
  name: string;
  losses: readonly { epoch: number; loss: number }[];
}

export interface LossPlotOptions {
  /** Plot the loss on a log scale, where late, small improvements stay visible (default false). */
  logScale?: boolean;
  /** The chart title (default "Training loss"). */
  title?: string;
  /** What the loss is, for the y axis (default "loss"). */
  lossLabel?: string;
}

/** Loss against epoch for one or several runs on one chart, one colour per run. */
export function lossPlot(runs: LossRun | readonly LossRun[], options: LossPlotOptions = {}): TopLevelSpec {
  const list = checkNonEmpty<LossRun>("runs", Array.isArray(runs) ? runs : [runs]);
  const logScale = options.logScale ?? false;
  const rows: { run: string; epoch: number; loss: number }[] = [];
  list.forEach((run, r) => {
    if (run === null || typeof run !== "object" || typeof run.name !== "string") {
      throw new InputError(`runs[${r}]`, run, "{ name: string, losses: { epoch, loss }[] }");
    }
    checkNonEmpty<LossRun["losses"][number]>(`runs[${r}].losses`, run.losses).forEach((point, i) => {
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
    width: 460,
    height: 280,
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
        ? { field: "run", type: "nominal", title: "run", sort: list.map((r) => r.name), scale: { scheme: "tableau10" } }
        : { value: "#4c78a8" },
      tooltip: [
        { field: "run", type: "nominal" },
        { field: "epoch", type: "quantitative" },
        { field: "loss", type: "quantitative", format: ".5f" },
      ],
    },
  };
}
