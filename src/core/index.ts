export { InputError } from "./errors";
export { sigmoid, tanh, relu, activations, toActivation, type Activation, type ActivationName } from "./activation";
export { mseLoss, meanSquaredError } from "./loss";
export { Neuron } from "./neuron";
export { NeuronNetwork } from "./neuron-network";
export {
  Network221,
  PARAM_NAMES_221,
  type ParamName221,
  type Params221,
  type Forward221,
  type Backprop221,
} from "./network221";
export {
  LayeredNetwork,
  MAX_LAYERS,
  MAX_LAYER_SIZE,
  MAX_PARAMETERS,
  MAX_BATCH_NUMBERS,
  type LayeredParams,
  type LayeredOptions,
} from "./layered-network";
export { TrainingRun, TrainingDivergedError, MAX_SNAPSHOT_NUMBERS, type TrainConfig, type TrainResult, type LossPoint, type Progress, type Snapshot, type Trainable } from "./training";
export { numericalGradient, relativeError } from "./gradient-check";
export { accuracy, flattenRows, DECISION_THRESHOLD, type Dataset, type Predictor } from "./model";
export { Matrix, dot, dotTransposed, transposedDot, hadamard, subtract, apply, addScaled, MAX_MATRIX_ELEMENTS } from "./matrix";
