import { accuracyExercise } from "./accuracy";
import type { Exercise } from "./exercise";
import { feedforward221Exercise } from "./feedforward221";
import { gradientW1Exercise } from "./gradient-w1";
import { hiddenDeltaExercise } from "./hidden-delta";
import { layerForwardExercise } from "./layer-forward";
import { lossSlopeExercise } from "./loss-slope";
import { mseExercise } from "./mse";
import { neuronOutputExercise } from "./neuron-output";
import { outputDeltaExercise } from "./output-delta";
import { reluLayerExercise } from "./relu-layer";
import { sgdStepExercise } from "./sgd-step";
import { sigmoidExercise } from "./sigmoid";
import { sigmoidSlopeExercise } from "./sigmoid-slope";
import { updateLayerExercise } from "./update-layer";

/** Every exercise, in course order (each knows its notebook), for tools, tests and the README's table. */
// `any`: one list holds exercises of different signatures, and no single type parameter fits them all.
export const EXERCISES: readonly Exercise<any, any>[] = [
  sigmoidExercise,
  sigmoidSlopeExercise,
  neuronOutputExercise,
  feedforward221Exercise,
  mseExercise,
  lossSlopeExercise,
  gradientW1Exercise,
  sgdStepExercise,
  layerForwardExercise,
  outputDeltaExercise,
  updateLayerExercise,
  accuracyExercise,
  reluLayerExercise,
  hiddenDeltaExercise,
];
