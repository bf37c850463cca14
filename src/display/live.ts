/**
 * Watching a network learn: one notebook output that redraws itself while training runs — the progress line, the
 * loss so far and, for two-input data, the classification regions at the current epoch — built on the one training
 * loop ({@link TrainingRun}), advanced a chunk at a time with the kernel free to send each frame in between.
 */
import { randomUUID } from "node:crypto";
import { InputError } from "../core/errors";
import type { Dataset, Predictor } from "../core/model";
import { TrainingDivergedError, type TrainConfig, type TrainingRun, type TrainResult } from "../core/training";
import { checkFinite } from "../core/validate";
import { cellDisplayWriter, interceptInterrupts, type DisplayWriter } from "./jupyter";
import { type FrameRun, liveFrame, type FrameState } from "./live-frame";
import { frameBundle } from "./live-render";

/** A network the live view can train: both of the library's networks are. */
export interface LiveTrainable<P> {
  startTraining(inputs: number[][], labels: number[], config: TrainConfig): TrainingRun<P>;
}

/** One of several runs compared in one view, e.g. one learning rate. */
export interface LiveRun<P> {
  /** The run's name in the legend, e.g. "η = 0.1". */
  name: string;
  net: LiveTrainable<P>;
  config: TrainConfig;
}

/** A compared run as it was given (its name, network, config and any fields of the caller's own), with what its training recorded. */
export type NamedTrainResult<P, R extends LiveRun<P> = LiveRun<P>> = R & TrainResult<P>;

export interface LiveOptions {
  /** Over the view (default "Training"). */
  title?: string;
  /**
   * About how many seconds the run takes on screen (default 5): a fast run waits between frames so it can be
   * watched, as Playground steps a few epochs per frame; a slower run gives drawing at most a quarter of its time.
   * 0 trains at full speed and draws only as often as drawing stays 5% of the time (the first frame may then be
   * the last).
   */
  duration?: number;
  /** Frames drawn per second at most (default 4). */
  fps?: number;
  /**
   * How epochs are spread over `duration` (default "linear"): "log" shows epochs 0, 1, 2, 3, 5, 8, … as evenly
   * spaced in time as 1, 10, 100, 1,000, …, for a run that learns most in its first few epochs of many, and draws
   * the loss against a log-like ("symlog") epoch axis. Without pacing (duration 0) it changes only the axis.
   */
  pace?: "linear" | "log";
  /** The loss on a log scale, where late, small improvements stay visible (default false). */
  logScale?: boolean;
  /** What the loss is, for its axis (default "loss"). */
  lossLabel?: string;
  /** Draw the classification regions with the points (default true when the network has 2 inputs and 1 output). */
  regions?: boolean;
}

/**
 * Thrown by a live run that Kernel → Interrupt stopped, so that Run All stops too. Each network keeps the parameters
 * of its last completed epoch; `results` holds what each run recorded up to there. Inspected (the kernel prints a
 * cell's error that way) it is its one line: the stack says nothing about an interrupt the learner asked for.
 */
export class TrainingInterruptedError extends Error {
  override readonly name = "TrainingInterruptedError";

  constructor(readonly results: readonly NamedTrainResult<unknown>[]) {
    const where = results.map((r) => `${results.length > 1 ? `${r.name} ` : ""}at epoch ${r.epochsDone.toLocaleString("en-US")}`).join(", ");
    super(`training stopped by an interrupt ${where}; the network keeps its parameters from there`);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `${this.name}: ${this.message}`;
  }
}

/**
 * Trains `net` on `data` as `net.train(data.inputs, data.labels, config)` would — same epochs, same seeded result —
 * while one output of the running cell shows it learn. Resolves to what `train` returns. Kernel → Interrupt stops
 * it between two epochs: the view says where, and it rejects with {@link TrainingInterruptedError}.
 *
 *   const result = await trainLive(net, pointsDataset(), { epochs: 100000 }, { title: "Tutorial 2", duration: 10 });
 */
export async function trainLive<P>(net: LiveTrainable<P>, data: Dataset, config: TrainConfig, options: LiveOptions = {}): Promise<TrainResult<P>> {
  const write = cellDisplayWriter("trainLive()");
  const [result] = await runLive<P>([{ name: "training", net, config }], data, options, write);
  const { losses, snapshots, epochsDone } = result!;
  return { losses, snapshots, epochsDone };
}

/**
 * Trains several networks on the same data side by side, a share of each run's epochs at a time, in one live view:
 * every run's loss on one chart and, for two-input data, each one's regions. Resolves to each run as given, any
 * fields of the caller's own included, with what its training recorded (`losses`, `snapshots`, `epochsDone`).
 *
 *   const runs = await compareLive(rates.map((rate) => ({ name: `η = ${rate}`, net: Network221.fromRandom(new RandomState(0)),
 *     config: { epochs: 300, learnRate: rate } })), genderDataset(), { logScale: true });
 */
export async function compareLive<P, R extends LiveRun<P>>(runs: readonly R[], data: Dataset, options: LiveOptions = {}): Promise<NamedTrainResult<P, R>[]> {
  return runLive(runs, data, options, cellDisplayWriter("compareLive()"));
}

/** How the live loop reads the time and waits; the real clock by default, a fake one in tests. */
export interface LiveClock {
  /** Milliseconds, increasing. */
  now(): number;
  /** Resolves after about `ms` milliseconds, and always after the event loop has had a turn. */
  wait(ms: number): Promise<void>;
}

const REAL_CLOCK: LiveClock = {
  now: () => performance.now(),
  wait: (ms) => new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve))),
};

const DEFAULT_DURATION_S = 5;
const DEFAULT_FPS = 4;
/** Training between two turns of the event loop, so interrupts and frames get through promptly. */
const SLICE_MS = 25;
/** Training time after which a paced run's estimate of the time left trusts the speed measured so far. */
const ESTIMATE_AFTER_MS = 100;
/**
 * Frames are spaced so that drawing takes at most this share of the time: a little without pacing, where training
 * should go at full speed, more with pacing, which matters only for a run too slow to keep the pace.
 */
const DRAW_SHARE = { unpaced: 0.05, paced: 0.25 };
/** What a frame shown while training runs is assumed to cost before one has been drawn in this process, in ms. */
let frameCostEstimate = 10;

interface RunState<P> {
  name: string;
  run: TrainingRun<P>;
  model: Predictor | null;
  diverged: TrainingDivergedError<P> | null;
}

/**
 * The live view's loop, writing through `write`: {@link trainLive} and {@link compareLive} pass the running cell's
 * writer; tests and benchmarks pass their own.
 */
export async function runLive<P, R extends LiveRun<P> = LiveRun<P>>(
  runs: readonly R[],
  data: Dataset,
  options: LiveOptions,
  write: DisplayWriter,
  clock: LiveClock = REAL_CLOCK,
): Promise<NamedTrainResult<P, R>[]> {
  const settings = resolveOptions(options);
  if (!Array.isArray(runs) || runs.length === 0) throw new InputError("runs", runs, "a non-empty array of { name, net, config }");
  if (data === null || typeof data !== "object") throw new InputError("data", data, "a data set { inputs, labels }");
  const states: RunState<P>[] = runs.map((r, i) => {
    if (r === null || typeof r !== "object" || typeof r.name !== "string") throw new InputError(`runs[${i}]`, r, "{ name: string, net, config }");
    if (typeof r.net?.startTraining !== "function") throw new InputError(`runs[${i}].net`, r.net, "a network with startTraining()");
    const drawable = isPlaneModel(r.net) && data.labels.every((label) => label === 0 || label === 1);
    if (settings.regions === true && !drawable) throw new InputError("options.regions", true, "a network with 2 inputs and 1 output, and labels 0 or 1");
    const model = settings.regions !== false && drawable ? (r.net as Predictor) : null;
    return { name: r.name, run: r.net.startTraining(data.inputs, data.labels, r.config), model, diverged: null };
  });

  // Leave the cell's synchronous code first: no SIGINT listener may change while it runs (see interceptInterrupts).
  await Promise.resolve();
  let interrupted = false;
  const release = stopOnInterrupt(() => {
    interrupted = true;
  });
  try {
    const view = new LiveView(write, clock);
    const paced = settings.duration > 0;
    const durationMs = settings.duration * 1000;
    const frameGap = 1000 / settings.fps;
    const epochs = Math.max(...states.map((s) => s.run.config.epochs), 1);
    /** The share of the epochs due when `t` of the duration has passed. */
    const paceAt = (t: number) => (t >= 1 ? 1 : settings.pace === "log" ? (Math.pow(epochs + 1, Math.max(0, t)) - 1) / epochs : Math.max(0, t));
    const start = clock.now();
    /** Time spent inside training itself, for the estimate of the time left. */
    let trainingMs = 0;
    const time = () => {
      const elapsed = clock.now() - start;
      const fraction = progressFraction(states);
      const computing = fraction > 0 ? (trainingMs * (1 - fraction)) / fraction : 0;
      // A paced run's first epochs (a few, cold, under log pacing) say little of the rest: until training has taken
      // ESTIMATE_AFTER_MS the time left is what the pace leaves.
      if (!paced) return { elapsed, left: computing };
      return { elapsed, left: Math.max(durationMs - elapsed, trainingMs >= ESTIMATE_AFTER_MS ? computing : 0) };
    };
    if (paced) await view.draw(frameState(settings, states, data, time()));
    let lastFrame = clock.now();
    /** The share of every run's epochs to train per slice, tuned to take about SLICE_MS. */
    let step = 1 / epochs;
    for (;;) {
      const active = states.filter((s) => !s.run.done && s.diverged === null);
      if (active.length === 0 || interrupted) break;
      const sliceStart = clock.now();
      const allowed = paced ? paceAt((sliceStart - start) / durationMs) : 1;
      const fraction = Math.min(...active.map((s) => s.run.epoch / s.run.config.epochs));
      if (fraction < allowed) {
        const target = Math.min(allowed, fraction + step);
        for (const s of active) advanceTo(s, target);
        const took = clock.now() - sliceStart;
        trainingMs += took;
        step = took > 0 ? Math.min(1, Math.max(step / 4, Math.min(step * 4, (step * SLICE_MS) / took))) : Math.min(1, step * 4);
      }
      const share = paced ? DRAW_SHARE.paced : DRAW_SHARE.unpaced;
      const gap = Math.max(frameGap, (frameCostEstimate * (1 - share)) / share);
      if (clock.now() - lastFrame >= gap && states.some((s) => !s.run.done && s.diverged === null)) {
        await view.draw(frameState(settings, states, data, time()));
        lastFrame = clock.now();
      }
      // Ahead of the pace: sleep until the next frame is due; otherwise let the event loop turn and go on.
      const ahead = paced && progressFraction(states) >= paceAt((clock.now() - start) / durationMs);
      await clock.wait(ahead ? Math.max(0, lastFrame + frameGap - clock.now()) : 0);
    }
    const stopped = interrupted ? states.filter((s) => !s.run.done && s.diverged === null) : [];
    await view.draw(frameState(settings, states, data, undefined, new Set(stopped)), true);
  } finally {
    release();
  }
  const results = states.map((s, i) => ({ ...runs[i]!, ...s.run.result() }));
  if (interrupted) throw new TrainingInterruptedError(results);
  const diverged = states.find((s) => s.diverged !== null);
  if (diverged !== undefined) throw diverged.diverged;
  return results;
}

/** Every live run in progress is told of an interrupt, even several awaited at once in one cell. */
const stoppers = new Set<() => void>();
let releaseInterrupts: (() => void) | null = null;

/** Calls `stop` on Kernel → Interrupt until the returned function is called. */
function stopOnInterrupt(stop: () => void): () => void {
  stoppers.add(stop);
  releaseInterrupts ??= interceptInterrupts(() => stoppers.forEach((s) => s()));
  return () => {
    stoppers.delete(stop);
    if (stoppers.size > 0) return;
    releaseInterrupts?.();
    releaseInterrupts = null;
  };
}

/** Advances a run to `fraction` of its epochs; a diverging run stops there, keeping its last finite parameters. */
function advanceTo<P>(state: RunState<P>, fraction: number): void {
  const { run } = state;
  const epochs = fraction >= 1 ? run.config.epochs : Math.max(run.epoch + 1, Math.floor(fraction * run.config.epochs));
  try {
    run.advance(epochs - run.epoch);
  } catch (error) {
    if (!(error instanceof TrainingDivergedError)) throw error;
    state.diverged = error as TrainingDivergedError<P>;
  }
}

/** The share of its epochs the run furthest behind has done, among those still training. */
function progressFraction(states: readonly RunState<unknown>[]): number {
  const going = states.filter((s) => s.diverged === null && s.run.config.epochs > 0);
  return Math.min(1, ...going.map((s) => s.run.epoch / s.run.config.epochs));
}

function frameState<P>(
  settings: Settings,
  states: readonly RunState<P>[],
  data: Dataset,
  time: FrameState["time"],
  interrupted: ReadonlySet<RunState<P>> = new Set(),
): FrameState {
  const runs: FrameRun[] = states.map((s) => {
    const { losses, epochsDone } = s.run.result();
    const stopped = s.diverged !== null ? "diverged" : interrupted.has(s) ? "interrupted" : undefined;
    return { name: s.name, losses, epoch: epochsDone, epochs: s.run.config.epochs, model: s.model, ...(stopped === undefined ? {} : { stopped }) };
  });
  const { title, logScale, lossLabel } = settings;
  const epochScale = settings.pace === "log" ? "symlog" : "linear";
  return { title, runs, data, logScale, lossLabel, epochScale, ...(time === undefined ? {} : { time }) };
}

/** One output of the running cell: shown by the first frame, replaced by each later one. */
class LiveView {
  private readonly displayId = `live-training-${randomUUID()}`;
  private shown = false;

  constructor(
    private readonly write: DisplayWriter,
    private readonly clock: LiveClock,
  ) {}

  /** Draws a frame; the `last` one carries the static images the notebook keeps (see {@link frameBundle}). */
  async draw(state: FrameState, last = false): Promise<void> {
    const start = this.clock.now();
    const bundle = await frameBundle(liveFrame(state), last);
    this.write({ data: bundle, metadata: {}, transient: { display_id: this.displayId } }, this.shown);
    this.shown = true;
    if (!last) frameCostEstimate = this.clock.now() - start;
  }
}

interface Settings {
  title: string;
  duration: number;
  fps: number;
  pace: "linear" | "log";
  logScale: boolean;
  lossLabel: string;
  regions: boolean | undefined;
}

function resolveOptions(options: LiveOptions): Settings {
  if (options === null || typeof options !== "object") throw new InputError("options", options, "an object");
  const { title = "Training", duration = DEFAULT_DURATION_S, fps = DEFAULT_FPS, pace = "linear", logScale = false, lossLabel = "loss", regions } = options;
  if (typeof title !== "string") throw new InputError("options.title", title, "a string");
  if (checkFinite("options.duration", duration) < 0) throw new InputError("options.duration", duration, "seconds ≥ 0");
  if (!(checkFinite("options.fps", fps) > 0)) throw new InputError("options.fps", fps, "frames per second > 0");
  if (pace !== "linear" && pace !== "log") throw new InputError("options.pace", pace, '"linear" or "log"');
  if (typeof logScale !== "boolean") throw new InputError("options.logScale", logScale, "true or false");
  if (typeof lossLabel !== "string") throw new InputError("options.lossLabel", lossLabel, "a string");
  if (regions !== undefined && typeof regions !== "boolean") throw new InputError("options.regions", regions, "true or false");
  return { title, duration, fps, pace, logScale, lossLabel, regions };
}

function isPlaneModel(net: unknown): boolean {
  const model = net as Partial<Predictor>;
  return typeof model.predictBatch === "function" && model.inputSize === 2 && model.outputSize === 1;
}
