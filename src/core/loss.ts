import { InputError } from "./errors";
import { checkVector } from "./validate";

/**
 * Mean squared error, averaged over the samples: L = (1/n) Σᵢ (y_trueᵢ − y_predᵢ)². No ½ factor.
 * For one sample its derivative with respect to the prediction is ∂L/∂y_pred = −2 (y_true − y_pred).
 */
export function mseLoss(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkVector("yTrue", yTrue);
  checkVector("yPred", yPred);
  if (yPred.length !== yTrue.length) {
    throw new InputError("yPred.length", yPred.length, `${yTrue.length} (the length of yTrue)`);
  }
  return meanSquaredError(yTrue, yPred);
}

/** {@link mseLoss} for inputs already checked (same length, not empty); the one place the sum is written. */
export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const error = yTrue[i]! - yPred[i]!;
    sum += error * error;
  }
  return sum / yTrue.length;
}
