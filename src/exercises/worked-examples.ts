import { LayeredNetwork, type ActivationName } from "../core";
import { pointsDataset } from "../data";
import { RandomState } from "../random";
import type { Rows } from "./matrix-arrays";

/** Tutorial 2 at Stage 1: the 15 points, the seeded random 2-4-1 network and one forward pass over the whole batch. */
export interface Tutorial2Stage1 {
  /** The inputs, 15×2. */
  readonly X: Rows;
  /** The labels as a column, 15×1. */
  readonly y: Rows;
  /** Inputs → hidden, 2×4. */
  readonly W1: Rows;
  /** Hidden → output, 4×1. */
  readonly W2: Rows;
  /** The hidden layer's outputs, 15×4. */
  readonly H: Rows;
  /** The output, 15×1. */
  readonly yHat: Rows;
}

/** Notebook 06's starting point (`hidden` is the hidden layer's activation; the output is always a sigmoid). */
export function tutorial2Stage1(hidden: ActivationName = "sigmoid"): Tutorial2Stage1 {
  const { inputs, labels } = pointsDataset();
  const net = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1), { activation: hidden, outputActivation: "sigmoid" });
  const [H, yHat] = net.forwardBatch(inputs).map((m) => m.toArray()) as [Rows, Rows];
  const [W1, W2] = net.params.weights as [Rows, Rows];
  return { X: inputs, y: labels.map((label) => [label]), W1, W2, H, yHat };
}
