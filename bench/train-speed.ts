/**
 * How fast the library trains the two tutorials' networks, against hand-fused Float64Array loops written for exactly
 * those shapes (each checked to end on the library's parameters):
 * - tutorial 2: LayeredNetwork [2, 4, 1], seed 1, 100,000 full-batch iterations. Target: ≤ 1.3× the fused loop.
 * - tutorial 1: Network221, seed 0, 1000 epochs of per-sample SGD, warm. Target: ≤ 1.5× the fused loop.
 * Then the tutorials' own NumPy code at the same sizes, which the library must stay faster than.
 *
 *   npm run bench:train
 */
import { LayeredNetwork, Network221, PARAM_NAMES_221, type Params221 } from "../src/core";
import { RandomState } from "../src/random";
import { genderDataset, pointsDataset } from "../src/data";
import { runNumpy } from "./numpy";
import { sideBySide, type Timing } from "./side-by-side";

const ROUNDS = 9;
/** Tutorial 1 takes about a millisecond: more rounds, after the warm-up, for a steady median. */
const GENDER_ROUNDS = 101;
const ITERATIONS = 100_000;
const EPOCHS = 1000;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Tutorial 2's loop for a 2-4-1 network without biases, fused by hand: w1 is 2×4 and w2 is 4×1, row-major. */
function fusedPoints(w1: Float64Array, w2: Float64Array, x: Float64Array, y: Float64Array, iterations: number): void {
  const n = y.length;
  const h = new Float64Array(n * 4);
  const d2 = new Float64Array(n);
  const d1 = new Float64Array(n * 4);
  for (let it = 0; it < iterations; it++) {
    for (let s = 0; s < n; s++) {
      const x0 = x[2 * s]!;
      const x1 = x[2 * s + 1]!;
      let sum = 0;
      for (let j = 0; j < 4; j++) {
        const hj = sigmoid(x0 * w1[j]! + x1 * w1[4 + j]!);
        h[4 * s + j] = hj;
        sum += hj * w2[j]!;
      }
      const out = sigmoid(sum);
      const delta = (y[s]! - out) * (out * (1 - out));
      d2[s] = delta;
      for (let j = 0; j < 4; j++) {
        const hj = h[4 * s + j]!;
        d1[4 * s + j] = delta * w2[j]! * (hj * (1 - hj));
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

/** Tutorial 1's loop (per-sample SGD on a 2-2-1 sigmoid network with biases), fused by hand; p is w1…w6, b1…b3. */
function fusedGender(p: Float64Array, x: Float64Array, y: Float64Array, epochs: number, learnRate: number): void {
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let s = 0; s < y.length; s++) {
      const x0 = x[2 * s]!;
      const x1 = x[2 * s + 1]!;
      const h1 = sigmoid(p[0]! * x0 + p[1]! * x1 + p[6]!);
      const h2 = sigmoid(p[2]! * x0 + p[3]! * x1 + p[7]!);
      const o1 = sigmoid(p[4]! * h1 + p[5]! * h2 + p[8]!);
      const dL = -2 * (y[s]! - o1);
      const dO = o1 * (1 - o1);
      const dH1 = h1 * (1 - h1);
      const dH2 = h2 * (1 - h2);
      const gH1 = dL * p[4]! * dO * dH1;
      const gH2 = dL * p[5]! * dO * dH2;
      p[0] = p[0]! - learnRate * gH1 * x0;
      p[1] = p[1]! - learnRate * gH1 * x1;
      p[6] = p[6]! - learnRate * gH1;
      p[2] = p[2]! - learnRate * gH2 * x0;
      p[3] = p[3]! - learnRate * gH2 * x1;
      p[7] = p[7]! - learnRate * gH2;
      p[4] = p[4]! - learnRate * dL * h1 * dO;
      p[5] = p[5]! - learnRate * dL * h2 * dO;
      p[8] = p[8]! - learnRate * dL * dO;
    }
  }
}

const FUSED = "hand-fused loop";

function report(title: string, target: number, rounds: number, { ms, ratio }: Timing): void {
  console.log(`${title}, medians of ${rounds} alternating rounds:`);
  for (const name of Object.keys(ms)) console.log(`  ${name.padEnd(22)} ${ms[name]!.toFixed(1).padStart(8)} ms`);
  const [library] = Object.keys(ms);
  const r = ratio[library!]!;
  console.log(`  ${library} / ${FUSED}: ${r.toFixed(2)}× (target <= ${target}×)${r <= target ? "" : "  MISSED"}`);
}

const points = pointsDataset();
let libraryPoints: number[] = [];
let fusedPointsResult: number[] = [];
const t2 = sideBySide(
  {
    "LayeredNetwork.train": () => {
      const net = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
      net.train(points.inputs, points.labels, { epochs: ITERATIONS });
      libraryPoints = net.params.weights.flat(2);
      return libraryPoints[0]!;
    },
    [FUSED]: () => {
      const [layer1, layer2] = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1)).params.weights;
      const w1 = Float64Array.from(layer1!.flat());
      const w2 = Float64Array.from(layer2!.flat());
      fusedPoints(w1, w2, Float64Array.from(points.inputs.flat()), Float64Array.from(points.labels), ITERATIONS);
      fusedPointsResult = [...w1, ...w2];
      return w2[0]!;
    },
  },
  ROUNDS,
  FUSED,
);
report(`tutorial 2 (LayeredNetwork [2, 4, 1], ${ITERATIONS} iterations)`, 1.3, ROUNDS, t2);
console.log(`  same final weights: ${libraryPoints.every((w, k) => w === fusedPointsResult[k])}`);

const people = genderDataset();
const start = Network221.fromRandom(new RandomState(0)).params;
let libraryGender: Params221 = start;
let fusedGenderResult = new Float64Array(0);
const t1 = sideBySide(
  {
    "Network221.train": () => {
      const net = new Network221(start);
      net.train(people.inputs, people.labels, { epochs: EPOCHS, lossEvery: EPOCHS });
      libraryGender = net.params;
      return libraryGender.w1;
    },
    [FUSED]: () => {
      fusedGenderResult = Float64Array.from(PARAM_NAMES_221, (name) => start[name]);
      fusedGender(fusedGenderResult, Float64Array.from(people.inputs.flat()), Float64Array.from(people.labels), EPOCHS, 0.1);
      return fusedGenderResult[0]!;
    },
  },
  GENDER_ROUNDS,
  FUSED,
);
report(`tutorial 1 (Network221, ${EPOCHS} epochs, warm)`, 1.5, GENDER_ROUNDS, t1);
const largest = Math.max(...PARAM_NAMES_221.map((name, k) => Math.abs(libraryGender[name] - fusedGenderResult[k]!)));
console.log(`  largest difference in final parameters: ${largest.toExponential(1)}`);

const numpy = runNumpy<{ points: number; gender: number }>("tutorials-numpy.py", ["3"]);
console.log("the tutorials' own NumPy code (test/oracle/tutorials.py), one BLAS thread, median of 3:");
console.log(`  tutorial 2  ${numpy.points.toFixed(0).padStart(8)} ms: the library is ${(numpy.points / t2.ms["LayeredNetwork.train"]!).toFixed(1)}× faster`);
console.log(`  tutorial 1  ${numpy.gender.toFixed(1).padStart(8)} ms: the library is ${(numpy.gender / t1.ms["Network221.train"]!).toFixed(0)}× faster (warm)`);
