import { sigmoid } from "../../src/core";
import { sigmoidSlopeExercise } from "../../src/exercises";
import { describeExercise } from "./table";

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

/** The notebook's solution cell, verbatim. */
function sigmaPrime(y: number): number {
  return y * (1 - y); // y is already σ(z): no second sigmoid
}

describeExercise(sigmoidSlopeExercise, sigmaPrime, [
  { mistake: "σ′ from the output as if it were the total input", answer: (y) => sigma(y) * (1 - sigma(y)), hint: "no second σ" },
  { mistake: "the library's sigmoid.der applied to the output", answer: (y) => sigmoid.der(y), hint: "no second σ" },
  { mistake: "the output itself, σ where σ′ was meant", answer: (y) => y, hint: "that is the output y itself" },
  { mistake: "(1 + y) for (1 − y)", answer: (y) => y * (1 + y), hint: "(1 − y), not (1 + y)" },
  { mistake: "the sign flipped", answer: (y) => y * (y - 1), hint: "sign flipped" },
  { mistake: "the factor y missing", answer: (y) => 1 - y, hint: "a factor is missing" },
  { mistake: "a factor 2", answer: (y) => 2 * y * (1 - y), hint: "no factor 2" },
  { mistake: "tanh's slope 1 − y²", answer: (y) => 1 - y * y, hint: "tanh's slope" },
]);
