/**
 * How fast the general LayeredNetwork trains tutorial 2 (seed 1, 100,000 full-batch iterations, 2-4-1), against a
 * hand-fused Float64Array loop written for exactly that shape. Target: the library within 1.5× of the fused loop.
 *
 *   npm run bench:train
 */
import { performance } from "node:perf_hooks";
import { LayeredNetwork, RandomState, pointsDataset } from "../src";

const ITERATIONS = 100_000;
const REPEATS = 7;

function fusedLoop(w1: Float64Array, w2: Float64Array, x: Float64Array, y: Float64Array, iterations: number): void {
  const n = y.length;
  const h = new Float64Array(n * 4);
  const o = new Float64Array(n);
  const d2 = new Float64Array(n);
  const d1 = new Float64Array(n * 4);
  for (let it = 0; it < iterations; it++) {
    for (let s = 0; s < n; s++) {
      const x0 = x[2 * s]!;
      const x1 = x[2 * s + 1]!;
      let sum = 0;
      for (let j = 0; j < 4; j++) {
        const hj = 1 / (1 + Math.exp(-(x0 * w1[j]! + x1 * w1[4 + j]!)));
        h[4 * s + j] = hj;
        sum += hj * w2[j]!;
      }
      const out = 1 / (1 + Math.exp(-sum));
      o[s] = out;
      const delta = (y[s]! - out) * out * (1 - out);
      d2[s] = delta;
      for (let j = 0; j < 4; j++) {
        const hj = h[4 * s + j]!;
        d1[4 * s + j] = delta * w2[j]! * hj * (1 - hj);
      }
    }
    for (let j = 0; j < 4; j++) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      for (let s = 0; s < n; s++) {
        a0 += x[2 * s]! * d1[4 * s + j]!;
        a1 += x[2 * s + 1]! * d1[4 * s + j]!;
        a2 += h[4 * s + j]! * d2[s]!;
      }
      w1[j] = w1[j]! + a0;
      w1[4 + j] = w1[4 + j]! + a1;
      w2[j] = w2[j]! + a2;
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => number): number {
  const times: number[] = [];
  let check = 0;
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    check += run();
    times.push(performance.now() - start);
  }
  if (!Number.isFinite(check)) throw new Error("benchmark produced a non-finite result");
  return median(times);
}

const { inputs, labels } = pointsDataset();

const libraryMs = time(() => {
  const net = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
  net.train(inputs, labels, { epochs: ITERATIONS });
  return net.predict([2, -3])[0]!;
});

const fusedMs = time(() => {
  const init = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1)).params.weights;
  const w1 = Float64Array.from(init[0]!.flat());
  const w2 = Float64Array.from(init[1]!.flat());
  fusedLoop(w1, w2, Float64Array.from(inputs.flat()), Float64Array.from(labels), ITERATIONS);
  return w2[0]!;
});

const ratio = libraryMs / fusedMs;
console.log(`tutorial 2, ${ITERATIONS} iterations, median of ${REPEATS}:`);
console.log(`  LayeredNetwork.train  ${libraryMs.toFixed(1)} ms`);
console.log(`  hand-fused loop       ${fusedMs.toFixed(1)} ms`);
console.log(`  ratio                 ${ratio.toFixed(2)}× (target <= 1.5×)`);
