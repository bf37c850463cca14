import { relu, sigmoid, tanh, type Activation } from "./activation";
import { apply, type Matrix } from "./matrix";

/** An activation applied to every element of a matrix: what a layer does to a whole batch. */
export interface MatrixActivation {
  /** out = f(z), element by element; `out` may be z. */
  output(z: Matrix, out: Matrix): Matrix;
  /** out = f'(z) written through the outputs a = f(z), element by element (tutorial 2's `x * (1 - x)` for the sigmoid). */
  derFromOutput(a: Matrix, out: Matrix): Matrix;
}

/**
 * The built-in activations over matrices, each with loops of its own. V8 inlines f into a loop only where that
 * loop has only ever called f; one `apply` shared by every activation and derivative calls each without inlining,
 * which made tutorial 2's training twice as slow. Any other activation goes through `apply`.
 */
const OWN_LOOPS = new Map<Activation, MatrixActivation>([
  [sigmoid, {
    output: (z, out) => {
      const [x, y] = [z.data, out.data];
      for (let i = 0; i < y.length; i++) y[i] = sigmoid.output(x[i]!);
      return out;
    },
    derFromOutput: (a, out) => {
      const [x, y] = [a.data, out.data];
      for (let i = 0; i < y.length; i++) y[i] = sigmoid.derFromOutput(x[i]!);
      return out;
    },
  }],
  [tanh, {
    output: (z, out) => {
      const [x, y] = [z.data, out.data];
      for (let i = 0; i < y.length; i++) y[i] = tanh.output(x[i]!);
      return out;
    },
    derFromOutput: (a, out) => {
      const [x, y] = [a.data, out.data];
      for (let i = 0; i < y.length; i++) y[i] = tanh.derFromOutput(x[i]!);
      return out;
    },
  }],
  [relu, {
    output: (z, out) => {
      const [x, y] = [z.data, out.data];
      for (let i = 0; i < y.length; i++) y[i] = relu.output(x[i]!);
      return out;
    },
    derFromOutput: (a, out) => {
      const [x, y] = [a.data, out.data];
      for (let i = 0; i < y.length; i++) y[i] = relu.derFromOutput(x[i]!);
      return out;
    },
  }],
]);

/** f over matrices: its own loops for a built-in activation, `apply` for any other. */
export function onMatrices(f: Activation): MatrixActivation {
  return OWN_LOOPS.get(f) ?? { output: (z, out) => apply(z, f.output, out), derFromOutput: (a, out) => apply(a, f.derFromOutput, out) };
}
