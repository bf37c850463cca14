/**
 * The one training loop every network uses, and the one meaning of "epoch".
 *
 * An epoch is one pass over the training data: for per-sample SGD (tutorial 1) one update per sample, for
 * full-batch training (tutorial 2) one update. Every epoch number this library reports counts epochs *completed*:
 * epoch 0 is the network before any update, epoch e the network after e passes, and the last one equals `epochs`.
 * Losses, snapshots and progress all use that count, so "the loss at epoch 10" is the loss of the parameters that
 * a snapshot at epoch 10 holds. (Tutorial 1 prints "Epoch 0 loss" after its first pass, that is, at our epoch 1;
 * code that reproduces its printout subtracts one where it prints.)
 */
import { InputError } from "./errors";
import { checkPositive, checkWhole } from "./validate";

/** Hyperparameters and hooks for one training run. */
export interface TrainConfig {
  /** Passes over the whole data set. A whole number ≥ 0. */
  epochs: number;
  /** Step size η in p ← p − η·∂L/∂p. Finite and > 0. Each network names its default. */
  learnRate?: number;
  /** Record the loss at epoch 0, every this many epochs, and at the last epoch (a whole number ≥ 1). Each network names its default. */
  lossEvery?: number;
  /** Record the loss at exactly these epochs instead (each a whole number in 0…epochs); overrides `lossEvery`. */
  lossAt?: readonly number[];
  /** Keep a copy of the parameters at epoch 0, every this many epochs, and at the last epoch; 0 keeps none. Default 0. */
  snapshotEvery?: number;
  /** Keep copies at exactly these epochs instead, e.g. log-spaced for an animation; overrides `snapshotEvery`. */
  snapshotAt?: readonly number[];
  /** Called each time a loss is recorded, e.g. to print progress. */
  onProgress?: (progress: Progress) => void;
}

/** The loss of the network after `epoch` completed epochs (0 = before training), over the whole training set. */
export interface LossPoint {
  epoch: number;
  loss: number;
}

export interface Progress extends LossPoint {
  /** The epochs asked for. */
  epochs: number;
  /** epoch / epochs, in [0, 1] (1 when no epochs were asked for). */
  fraction: number;
}

/** The parameters after `epoch` completed epochs, and the loss they give on the training data. */
export interface Snapshot<P> extends LossPoint {
  params: P;
}

export interface TrainResult<P> {
  /** The recorded losses, in order of epoch. */
  losses: LossPoint[];
  /** The kept parameters, in order of epoch; empty unless `snapshotEvery` or `snapshotAt` asked for some. */
  snapshots: Snapshot<P>[];
  /** Epochs completed: `epochs` unless training was stopped early. */
  epochsDone: number;
}

/**
 * What a network supplies to the loop. It owns the math; the loop owns epochs, recording and stopping, and puts
 * the parameters back when an epoch cannot be kept (it diverged, or an interrupt cut it short).
 */
export interface Trainable<P> {
  /** One epoch of updates with step size η, in place. Returns whether every parameter is still finite. */
  trainEpoch(learnRate: number): boolean;
  /** Copies the current parameters aside (into storage kept for this, so nothing is allocated per epoch). */
  saveParams(): void;
  /** Puts back the parameters last copied aside by {@link saveParams}. */
  restoreParams(): void;
  /** The loss of the current parameters over the whole training set. */
  loss(): number;
  /** A copy of the current parameters. */
  copyParams(): P;
  /** How many numbers one copy of the parameters holds (bounds what snapshots may keep). */
  readonly parameterCount: number;
}

/** Thrown when an epoch would make a parameter non-finite; the network keeps the parameters of the epoch before. */
export class TrainingDivergedError<P> extends InputError {
  override readonly name = "TrainingDivergedError";

  constructor(
    learnRate: number,
    /** The epoch whose parameters or loss became non-finite. */
    readonly epoch: number,
    /** Everything recorded up to the parameters the network keeps, those after `history.epochsDone` epochs. */
    readonly history: TrainResult<P>,
  ) {
    super("learnRate", learnRate, "small enough to keep the loss finite");
    this.message =
      `training diverged at epoch ${epoch} with learnRate ${learnRate}: the loss became NaN or infinite. ` +
      `The network keeps its parameters from epoch ${history.epochsDone}; try a learnRate 10 to 100 times smaller.`;
  }
}

/** A {@link TrainConfig} checked and completed with a network's defaults. */
export interface ResolvedTrainConfig {
  epochs: number;
  learnRate: number;
  /** Whether to record the loss after epoch e. */
  recordLossAt: (epoch: number) => boolean;
  /** Whether to keep a snapshot after epoch e. */
  snapshotAt: (epoch: number) => boolean;
  /** How many snapshots training will keep. */
  snapshotCount: number;
  onProgress: ((progress: Progress) => void) | undefined;
}

export function resolveTrainConfig(config: TrainConfig, defaults: { learnRate: number; lossEvery: number }): ResolvedTrainConfig {
  if (config === null || typeof config !== "object") throw new InputError("config", config, "an object");
  const { learnRate = defaults.learnRate, lossEvery = defaults.lossEvery, snapshotEvery = 0, onProgress } = config;
  if (onProgress !== undefined && typeof onProgress !== "function") throw new InputError("onProgress", onProgress, "a function");
  const epochs = checkWhole("epochs", config.epochs, 0);
  const every = (n: number) => (epoch: number) => epoch % n === 0 || epoch === epochs;
  const lossAt = config.lossAt === undefined ? every(checkWhole("lossEvery", lossEvery, 1)) : epochSet("lossAt", config.lossAt, epochs);
  const everySnapshot = checkWhole("snapshotEvery", snapshotEvery, 0);
  const snapshotAt =
    config.snapshotAt !== undefined ? epochSet("snapshotAt", config.snapshotAt, epochs) : everySnapshot > 0 ? every(everySnapshot) : () => false;
  const snapshotCount =
    config.snapshotAt !== undefined
      ? new Set(config.snapshotAt).size
      : everySnapshot > 0
        ? Math.floor(epochs / everySnapshot) + 1 + (epochs % everySnapshot === 0 ? 0 : 1)
        : 0;
  return { epochs, learnRate: checkPositive("learnRate", learnRate), recordLossAt: lossAt, snapshotAt, snapshotCount, onProgress };
}

/** Numbers all snapshots of one run may hold (2^24, 128 MiB as numbers): snapshots × the network's parameters. */
export const MAX_SNAPSHOT_NUMBERS = 2 ** 24;

function epochSet(parameter: string, value: unknown, epochs: number): (epoch: number) => boolean {
  if (!Array.isArray(value)) throw new InputError(parameter, value, `an array of epochs in 0…${epochs}`);
  const set = new Set<number>();
  value.forEach((epoch: unknown, i) => {
    const e = checkWhole(`${parameter}[${i}]`, epoch, 0);
    if (e > epochs) throw new InputError(`${parameter}[${i}]`, e, `at most epochs (${epochs})`);
    set.add(e);
  });
  return (epoch) => set.has(epoch);
}

/**
 * The network whose epoch is running, its parameters before the epoch saved. An interrupt in a notebook (tslab
 * runs a cell's synchronous code with node's `vm` option `breakOnSigint`) terminates the code wherever it is,
 * without running any `catch` or `finally`, so an epoch cut short leaves this set and its parameters half-updated.
 */
let unfinishedEpoch: Pick<Trainable<unknown>, "restoreParams"> | null = null;

/**
 * Puts back the parameters from before an epoch that an interrupt cut short, so the network holds those of its
 * last completed epoch, the count its {@link TrainingRun} reports. Returns whether there was one. The notebook
 * display calls this before each cell runs; repeating it is harmless.
 */
export function recoverInterruptedEpoch(): boolean {
  if (unfinishedEpoch === null) return false;
  unfinishedEpoch.restoreParams();
  unfinishedEpoch = null;
  return true;
}

/**
 * One training run, advanced as far as the caller asks: all at once ({@link train}), or a few epochs at a time so
 * that a live view can draw and the kernel can deliver messages in between. Between two calls the network always
 * holds the parameters of a completed epoch.
 */
export class TrainingRun<P> {
  private readonly history: TrainResult<P> = { losses: [], snapshots: [], epochsDone: 0 };

  constructor(
    private readonly model: Trainable<P>,
    readonly config: ResolvedTrainConfig,
  ) {
    const most = Math.floor(MAX_SNAPSHOT_NUMBERS / model.parameterCount);
    if (config.snapshotCount > most) {
      throw new InputError(
        "snapshots",
        config.snapshotCount,
        `at most ${most} for a network of ${model.parameterCount} parameters (2^24 numbers in all); keep fewer with snapshotEvery or snapshotAt`,
      );
    }
    this.record(0);
  }

  /** Epochs completed so far. */
  get epoch(): number {
    return this.history.epochsDone;
  }

  get done(): boolean {
    return this.history.epochsDone >= this.config.epochs;
  }

  /**
   * Runs up to `maxEpochs` more epochs (all that remain by default). Throws {@link TrainingDivergedError} when an
   * epoch would make a parameter non-finite; the network then keeps the parameters of the epoch before it.
   */
  advance(maxEpochs = Infinity): void {
    const { epochs, learnRate } = this.config;
    const stop = Math.min(epochs, this.history.epochsDone + maxEpochs);
    // Outside a notebook nothing else undoes an epoch an interrupt cut short; it must be undone before another starts.
    recoverInterruptedEpoch();
    while (this.history.epochsDone < stop) {
      this.model.saveParams();
      unfinishedEpoch = this.model;
      if (!this.model.trainEpoch(learnRate)) {
        this.model.restoreParams();
        unfinishedEpoch = null;
        throw new TrainingDivergedError(learnRate, this.history.epochsDone + 1, this.result());
      }
      // Two plain stores with no call between them: an interrupt lands before both or after both.
      unfinishedEpoch = null;
      this.history.epochsDone++;
      this.record(this.history.epochsDone);
    }
  }

  /** Runs every remaining epoch and returns what was recorded. */
  finish(): TrainResult<P> {
    this.advance();
    return this.result();
  }

  /** What was recorded so far (a copy). */
  result(): TrainResult<P> {
    return { losses: [...this.history.losses], snapshots: [...this.history.snapshots], epochsDone: this.history.epochsDone };
  }

  private record(epoch: number): void {
    const { recordLossAt, snapshotAt, onProgress, epochs } = this.config;
    const wantLoss = recordLossAt(epoch);
    const wantSnapshot = snapshotAt(epoch);
    if (!wantLoss && !wantSnapshot) return;
    const loss = this.model.loss();
    // Finite parameters can still overflow the loss (a relu unit's output, say).
    if (!Number.isFinite(loss)) throw new TrainingDivergedError(this.config.learnRate, epoch, this.result());
    if (wantSnapshot) this.history.snapshots.push({ epoch, loss, params: this.model.copyParams() });
    if (wantLoss) {
      this.history.losses.push({ epoch, loss });
      onProgress?.({ epoch, loss, epochs, fraction: epochs === 0 ? 1 : epoch / epochs });
    }
  }
}
