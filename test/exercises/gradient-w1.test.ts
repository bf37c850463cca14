import { sigmoid, type Params221 } from "../../src/core";
import { gradientW1Exercise } from "../../src/exercises";
import { describeExercise } from "./table";

const σ = sigmoid.output;
const σʹ = sigmoid.der;

/** The learner's ∂L/∂w1 with the pieces a learner might get wrong passed in. */
function gradient(
  p: Params221,
  x: number[],
  yTrue: number,
  {
    dL = (t: number, y: number) => -2 * (t - y),
    slopeO1 = (z: number, _o: number) => σʹ(z),
    slopeH1 = (z: number, _h: number) => σʹ(z),
    w = p.w5,
    input = x[0]!,
  } = {},
): number {
  const zH1 = p.w1 * x[0]! + p.w2 * x[1]! + p.b1;
  const h1 = σ(zH1);
  const h2 = σ(p.w3 * x[0]! + p.w4 * x[1]! + p.b2);
  const zO1 = p.w5 * h1 + p.w6 * h2 + p.b3;
  const yPred = σ(zO1);
  return dL(yTrue, yPred) * (w * slopeO1(zO1, yPred)) * (input * slopeH1(zH1, h1));
}

/** The notebook's solution cell, verbatim. */
function gradientW1(p: Params221, x: number[], yTrue: number): number {
  const sumH1 = p.w1 * x[0] + p.w2 * x[1] + p.b1; // z_h1
  const h1 = sigmoid.output(sumH1);
  const h2 = sigmoid.output(p.w3 * x[0] + p.w4 * x[1] + p.b2);
  const sumO1 = p.w5 * h1 + p.w6 * h2 + p.b3; // z_o1
  const yPred = sigmoid.output(sumO1);
  const dL_dYpred = -2 * (yTrue - yPred);
  const dYpred_dH1 = p.w5 * sigmoid.der(sumO1);
  const dH1_dW1 = x[0] * sigmoid.der(sumH1);
  return dL_dYpred * dYpred_dH1 * dH1_dW1;
}

describeExercise(gradientW1Exercise, gradientW1, [
  { mistake: "∂L/∂y_pred's sign flipped", answer: (p, x, t) => gradient(p, x, t, { dL: (t, y) => 2 * (t - y) }), hint: "sign flipped" },
  { mistake: "∂L/∂y_pred's factor 2 missing", answer: (p, x, t) => gradient(p, x, t, { dL: (t, y) => y - t }), hint: "the factor 2 is missing" },
  { mistake: "w6 on h1's path", answer: (p, x, t) => gradient(p, x, t, { w: p.w6 }), hint: "w5 is the weight from h1 to o1" },
  { mistake: "x2 for x1", answer: (p, x, t) => gradient(p, x, t, { input: x[1]! }), hint: "w1 multiplies x1" },
  {
    mistake: "σ where σ′ was meant, at both neurons",
    answer: (p, x, t) => gradient(p, x, t, { slopeO1: (z) => σ(z), slopeH1: (z) => σ(z) }),
    hint: "σ(…) where σ′(…) was meant",
  },
  { mistake: "σ where σ′ was meant, at the output", answer: (p, x, t) => gradient(p, x, t, { slopeO1: (z) => σ(z) }), hint: "σ(…) where σ′(…) was meant" },
  {
    mistake: "σ′ of the outputs (sigmoid.der(h1)) rather than of the total inputs",
    answer: (p, x, t) => gradient(p, x, t, { slopeO1: (_z, o) => σʹ(o), slopeH1: (_z, h) => σʹ(h) }),
    hint: "σ′ of a neuron's output",
  },
  { mistake: "σ′ of h1 instead of z_h1", answer: (p, x, t) => gradient(p, x, t, { slopeH1: (_z, h) => σʹ(h) }), hint: "σ′ of a neuron's output" },
  {
    mistake: "the factor ∂y_pred/∂h1 left out",
    answer: (p, x, t) => gradient(p, x, t, { w: 1, slopeO1: () => 1 }),
    hint: "a factor is missing",
  },
  { mistake: "the output's σ′ left out of ∂y_pred/∂h1", answer: (p, x, t) => gradient(p, x, t, { slopeO1: () => 1 }), hint: "not w5 alone" },
  { mistake: "h1's σ′ left out of ∂h1/∂w1", answer: (p, x, t) => gradient(p, x, t, { slopeH1: () => 1 }), hint: "not x1 alone" },
  {
    mistake: "the biases left out of the forward pass",
    answer: (p, x, t) => gradient({ ...p, b1: 0, b2: 0, b3: 0 }, x, t),
    hint: "the forward pass is missing the biases",
  },
]);
