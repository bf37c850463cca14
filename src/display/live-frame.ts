import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import type { Dataset, Predictor } from "../core/model";
import type { LossPoint } from "../core/training";
import { lossPlot, regionsPlot, sideBySide, type RegionsPlotOptions } from "../plots";

/** One run as a frame shows it. */
export interface FrameRun {
  name: string;
  /** The losses recorded so far. */
  losses: readonly LossPoint[];
  /** Epochs completed. */
  epoch: number;
  /** Epochs asked for. */
  epochs: number;
  /** The model to draw regions for (its current parameters), or null for no regions. */
  model: Predictor | null;
  /** Why the run ended before `epochs`, if it did. */
  stopped?: "interrupted" | "diverged";
}

/** What a frame of the live view shows. */
export interface FrameState {
  title: string;
  runs: readonly FrameRun[];
  data: Dataset;
  logScale: boolean;
  lossLabel: string;
  /** Milliseconds since training started and the estimate left; omitted in the last frame, which stays the same from run to run. */
  time?: { elapsed: number; left: number };
}

export interface Frame {
  /**
   * The view as one Vega-Lite spec. Only its inline data and its subtitle, the progress line, change from frame to
   * frame of a run (titles and descriptions stay the same), so a renderer can keep one compiled view.
   */
  spec: TopLevelSpec;
  /** The progress line: epoch k of N, the loss, time elapsed and left. */
  progress: string;
  /** What the frame shows, in words: the progress line, then each plot as its builder describes it. */
  description: string;
}


/** Loss points drawn per run at most: a chart 460 px wide shows no more, and every frame carries them all. */
export const MAX_LOSS_POINTS = 500;

/** Regions plot size for one run, and for each of several runs side by side. */
const REGIONS_SIZE = 300;
const COMPARED_REGIONS_SIZE = 220;

/** The live view at one moment: the progress line over the regions (two-input data) and the loss so far. */
export function liveFrame(state: FrameState): Frame {
  const progress = progressLine(state);
  const several = state.runs.length > 1;
  const maxEpochs = Math.max(...state.runs.map((run) => run.epochs));
  const loss = lossChart(state, maxEpochs);
  const regions = state.runs.flatMap((run) =>
    run.model === null ? [] : regionsIfFinite(run.model, { data: state.data, size: several ? COMPARED_REGIONS_SIZE : REGIONS_SIZE, ...(several ? { title: run.name } : {}) }),
  );
  const description = [`${state.title}: ${progress}.`, ...[...regions, loss].map((plot) => `${plot.description}.`)].join(" ");
  // Descriptions that change with the network (how many points it gets wrong) stay in `description`, out of the spec.
  const panels = regions.map((plot) => ({ ...plot, description: "Classification regions at the current epoch" }));
  const body = panels.length === 0 ? loss : several ? stacked(sideBySide(panels), loss) : sideBySide([...panels, loss]);
  const spec: TopLevelSpec = {
    ...body,
    description: "Live training view: the progress line, the loss so far and, for two inputs, the classification regions",
    title: { text: state.title, subtitle: progress, anchor: "start" },
  };
  return { spec, progress, description };
}

/**
 * "epoch 41,200 of 100,000 · loss 0.00123 · 3.1 s elapsed, about 4.2 s left"; runs in step share the epoch
 * ("epoch 120 of 300 · loss η = 0.1: 0.0123, η = 1: 0.00456"), others say each where it is.
 */
export function progressLine(state: FrameState): string {
  const [first] = state.runs;
  const inStep = state.runs.every((run) => run.epoch === first!.epoch && run.epochs === first!.epochs && run.stopped === undefined);
  const lossOf = (run: FrameRun) => {
    const last = run.losses[run.losses.length - 1];
    return last === undefined ? "not recorded yet" : formatLoss(last.loss);
  };
  const statusOf = (run: FrameRun) => {
    const where = `epoch ${formatCount(run.epoch)} of ${formatCount(run.epochs)}`;
    return run.stopped === "interrupted" ? `stopped by an interrupt at ${where}` : run.stopped === "diverged" ? `diverged after ${where}` : where;
  };
  const line =
    state.runs.length === 1
      ? `${statusOf(first!)} · loss ${lossOf(first!)}`
      : inStep
        ? `${statusOf(first!)} · loss ${state.runs.map((run) => `${run.name}: ${lossOf(run)}`).join(", ")}`
        : state.runs.map((run) => `${run.name}: ${statusOf(run)} · loss ${lossOf(run)}`).join("; ");
  const time = state.time === undefined ? "" : ` · ${formatSeconds(state.time.elapsed)} elapsed, about ${formatSeconds(state.time.left)} left`;
  return line + time;
}

function lossChart(state: FrameState, maxEpochs: number): TopLevelSpec {
  const runs = state.runs.map((run) => ({ name: run.name, losses: thinned(run.losses) }));
  const spec = lossPlot(runs, { logScale: state.logScale, lossLabel: state.lossLabel, title: "Loss so far" });
  if (!("encoding" in spec) || spec.encoding?.x === undefined) return spec;
  // The epoch axis spans the whole run from the start, so the curve grows across it as training goes on; its last
  // label centred on its tick, since pulled inside the plot it can overlap the one before.
  const x = { ...spec.encoding.x, scale: { domain: [0, Math.max(1, maxEpochs)] }, axis: { labelFlush: false } };
  return { ...spec, encoding: { ...spec.encoding, x } } as TopLevelSpec;
}

/** Every k-th loss point and the last, k chosen so that at most MAX_LOSS_POINTS remain. */
function thinned(losses: readonly LossPoint[]): readonly LossPoint[] {
  const k = Math.ceil(losses.length / MAX_LOSS_POINTS);
  if (k <= 1) return losses;
  return losses.filter((_, i) => i % k === 0 || i === losses.length - 1);
}

/** Two specs one above the other; `$schema` stays only at the top. */
function stacked(top: TopLevelSpec, bottom: TopLevelSpec): TopLevelSpec {
  const { $schema, ...first } = top;
  const { $schema: _schema, ...second } = bottom;
  // As in sideBySide: a class colour and a run colour mean different things.
  return { $schema, vconcat: [first, second], resolve: { scale: { color: "independent", shape: "independent" } } } as TopLevelSpec;
}

/**
 * The model's regions, or none when its output is not finite somewhere on the grid: a network on its way to
 * diverging overflows between the points while its loss on them is still finite.
 */
function regionsIfFinite(model: Predictor, options: RegionsPlotOptions): TopLevelSpec[] {
  try {
    return [regionsPlot(model, options)];
  } catch (error) {
    if (error instanceof InputError) return [];
    throw error;
  }
}

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

function formatLoss(loss: number): string {
  return loss >= 0.001 ? loss.toFixed(5) : loss.toExponential(3);
}

function formatSeconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
