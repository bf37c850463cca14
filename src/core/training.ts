/** The training API both networks share: hyperparameters as one plain object in, a history out. */
import { NetworkInputError } from "./errors";
import { checkPositive, checkWhole } from "./validate";


/** Hyperparameters and hooks for one training run. */
export interface TrainConfig {
  /** Passes over the whole data set (for full-batch training one pass is one weight update). A whole number ≥ 0. */
  epochs: number;
  /** Step size η in w ← w − η·∂L/∂w. Finite and > 0. Each network names its default. */
  learnRate?: number;
  /** Record the loss every this many epochs (a whole number ≥ 1). Each network names its default. */
  lossEvery?: number;
  /** Record a copy of the parameters every this many epochs; 0 records none. Default 0. */
  snapshotEvery?: number;
  /** Called each time a loss is recorded, e.g. to print progress. */
  onProgress?: (progress: Progress) => void;
}

/** The loss after some training, as the network defines "epoch" for it. */
export interface LossPoint {
  epoch: number;
  loss: number;
}

export interface Progress extends LossPoint {
  /** Epochs finished so far divided by the epochs asked for, in [0, 1]. */
  fraction: number;
}

/** The parameters after `epoch` epochs (0 = before training), and the loss they give on the training data. */
export interface Snapshot<P> {
  epoch: number;
  loss: number;
  params: P;
}

export interface TrainResult<P> {
  losses: LossPoint[];
  /** Empty unless `snapshotEvery` > 0; then at epoch 0, every `snapshotEvery` epochs, and at the end. */
  snapshots: Snapshot<P>[];
}

/** A {@link TrainConfig} checked and completed with a network's defaults. */
export interface ResolvedTrainConfig {
  epochs: number;
  learnRate: number;
  lossEvery: number;
  snapshotEvery: number;
  onProgress: ((progress: Progress) => void) | undefined;
}

export function resolveTrainConfig(
  config: TrainConfig,
  defaults: { learnRate: number; lossEvery: number },
): ResolvedTrainConfig {
  if (config === null || typeof config !== "object") throw new NetworkInputError("config", config, "an object");
  const { learnRate = defaults.learnRate, lossEvery = defaults.lossEvery, snapshotEvery = 0, onProgress } = config;
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new NetworkInputError("onProgress", onProgress, "a function");
  }
  return {
    epochs: checkWhole("epochs", config.epochs, 0),
    learnRate: checkPositive("learnRate", learnRate),
    lossEvery: checkWhole("lossEvery", lossEvery, 1),
    snapshotEvery: checkWhole("snapshotEvery", snapshotEvery, 0),
    onProgress,
  };
}
