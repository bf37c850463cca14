/** Tutorial 2's network after 100,000 iterations (its printed weights): 2-4-1, no biases, sigmoid. */
export const TRAINED_2_4_1: number[][][] = [
  [
    [-3.97185157, 4.66297249, -5.25188655, 1.39753303],
    [1.35299999, -1.57439556, 1.76665557, -0.71676559],
  ],
  [[-7.20493687], [6.57701463], [-11.30181144], [0.89289527]],
];

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** output = sigmoid(sigmoid(x · W1) · W2), written out for the benchmark so it measures the plot, not the library. */
export function predict241(weights: number[][][]): (x1: number, x2: number) => number {
  const [w1, w2] = weights;
  return (x1, x2) => {
    let z = 0;
    for (let j = 0; j < w1[0].length; j++) z += sigmoid(x1 * w1[0][j] + x2 * w1[1][j]) * w2[j][0];
    return sigmoid(z);
  };
}
