/**
 * How the library's LayeredNetwork scales, side by side with vectorized NumPy (one BLAS thread) and with a
 * register-blocked JS kernel written by hand for the shape (bench/scale-kernel.ts, same bits as the library):
 * - training a 2-H-H-1 sigmoid network with biases full-batch on N spiral points, in ms per epoch.
 *   Target: the library within 1.3× of the kernel at H = 32, 64, 128.
 * - predicting a 100×100 grid, what regionsPlot asks a Predictor for, against a fused per-point loop.
 *   Target: predictBatch within 1.5× of the fused loop.
 *
 *   npm run bench:scale
 */
import { performance } from "node:perf_hooks";
import { LayeredNetwork, Matrix, type LayeredOptions, type LayeredParams } from "../src/core";
import { spiralDataset } from "../src/data";
import { RandomState } from "../src/random";
import { runNumpy } from "./numpy";
import { Kernel2HH1 } from "./scale-kernel";
import { median } from "./side-by-side";
import { TRAINED_2_4_1 } from "./trained";

const ROUNDS = 7;
const LEARN_RATE = 0.01;
/** [H, N, epochs per timed run]: runs of a few hundred milliseconds at least. */
const TRAIN_CASES: [number, number, number][] = [[8, 200, 500], [32, 1000, 60], [64, 5000, 6], [128, 10000, 2]];
const GRID_SIDE = 100;
const GRID_REPEATS = 20;

/** Runs a job in bench/scale.py (see there). */
function numpy<T>(job: object): T {
  return runNumpy<T>("scale.py", [], JSON.stringify(job));
}

const flat = (p: LayeredParams): number[] => [...p.weights.flat(2), ...(p.biases ?? []).flat()];

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const fmt = (v: number, width = 9): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)).padStart(width);

function trainScale(): void {
  console.log(`Training a 2-H-H-1 sigmoid network with biases, full batch on N spiral points: ms per epoch, medians of ${ROUNDS} alternating rounds`);
  console.log("    H      N   library    kernel     NumPy   library/kernel   library/NumPy   same bits as kernel   |Δ| vs NumPy");
  for (const [h, n, epochs] of TRAIN_CASES) {
    const data = spiralDataset(new RandomState(1), { count: n });
    const sizes = [2, h, h, 1];
    const options: LayeredOptions = { biases: true };
    const start = LayeredNetwork.fromRandom(sizes, new RandomState(2), options).params;
    const times = { library: [] as number[], kernel: [] as number[], numpy: [] as number[] };
    let libraryParams: number[] = [];
    let kernelParams: number[] = [];
    let numpyParams: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const net = new LayeredNetwork(sizes, start, options);
      const run = net.startTraining(data.inputs, data.labels, { epochs, learnRate: LEARN_RATE, lossAt: [0] });
      const libraryMs = timeMs(() => run.advance()) / epochs;
      libraryParams = flat(net.params);

      const [w0, w1, w2] = start.weights.map((m) => Float64Array.from(m.flat()));
      const [b0, b1, b2] = start.biases!.map((v) => Float64Array.from(v));
      const kernel = new Kernel2HH1(h, Float64Array.from(data.inputs.flat()), Float64Array.from(data.labels), w0!, b0!, w1!, b1!, w2!, b2!);
      const kernelMs = timeMs(() => {
        for (let e = 0; e < epochs; e++) kernel.epoch(LEARN_RATE);
      }) / epochs;
      kernelParams = [...w0!, ...w1!, ...w2!, ...b0!, ...b1!, ...b2!];

      const result = numpy<{ msPerEpoch: number; weights: number[][][]; biases: number[][] }>({
        job: "train", ...data, ...start, learnRate: LEARN_RATE, epochs,
      });
      numpyParams = flat(result);
      if (round === 0) continue; // warm-up
      times.library.push(libraryMs);
      times.kernel.push(kernelMs);
      times.numpy.push(result.msPerEpoch);
    }
    const ratio = (a: number[], b: number[]) => median(a.map((t, r) => t / b[r]!));
    const sameBits = libraryParams.every((v, k) => v === kernelParams[k]);
    const numpyDelta = Math.max(...libraryParams.map((v, k) => Math.abs(v - numpyParams[k]!)));
    const kernelRatio = ratio(times.library, times.kernel);
    const target = h >= 32 ? (kernelRatio <= 1.3 ? " (≤ 1.3)" : " MISSED 1.3") : "";
    console.log(
      `${String(h).padStart(5)}${String(n).padStart(7)}${fmt(median(times.library), 10)}${fmt(median(times.kernel), 10)}${fmt(median(times.numpy), 10)}` +
        `${(kernelRatio.toFixed(2) + "×" + target).padStart(17)}${(ratio(times.library, times.numpy).toFixed(1) + "×").padStart(16)}` +
        `${String(sameBits).padStart(22)}${numpyDelta.toExponential(1).padStart(15)}`,
    );
  }
}

/** A 100×100 grid over [−5, 5]², row-major [x1, x2] pairs, as regionsPlot samples the plane. */
function grid(): Float64Array {
  const points = new Float64Array(2 * GRID_SIDE * GRID_SIDE);
  for (let r = 0; r < GRID_SIDE; r++) {
    for (let c = 0; c < GRID_SIDE; c++) {
      points[2 * (r * GRID_SIDE + c)] = -5 + (10 * c) / (GRID_SIDE - 1);
      points[2 * (r * GRID_SIDE + c) + 1] = -5 + (10 * r) / (GRID_SIDE - 1);
    }
  }
  return points;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The network's output for each point, one point at a time with every layer's loop written out: the fused yardstick. */
function fusedPredict(sizes: readonly number[], params: LayeredParams, tanhHidden: boolean, points: Float64Array, out: Float64Array): void {
  const w = params.weights.map((m) => Float64Array.from(m.flat()));
  const b = sizes.slice(1).map((size, l) => (params.biases === null ? new Float64Array(size) : Float64Array.from(params.biases[l]!)));
  const a = sizes.map((size) => new Float64Array(size));
  const last = sizes.length - 1;
  for (let p = 0; p < out.length; p++) {
    a[0]![0] = points[2 * p]!;
    a[0]![1] = points[2 * p + 1]!;
    for (let l = 0; l < last; l++) {
      const [input, output, weights, bias] = [a[l]!, a[l + 1]!, w[l]!, b[l]!];
      const [nIn, nOut] = [sizes[l]!, sizes[l + 1]!];
      for (let j = 0; j < nOut; j++) {
        let z = 0;
        for (let i = 0; i < nIn; i++) z += input[i]! * weights[i * nOut + j]!;
        z = params.biases === null ? z : z + bias[j]!;
        output[j] = tanhHidden && l < last - 1 ? Math.tanh(z) : sigmoid(z);
      }
    }
    out[p] = a[last]![0]!;
  }
}

function gridScale(): void {
  const points = grid();
  const n = GRID_SIDE * GRID_SIDE;
  const cases: [string, number[], LayeredNetwork, boolean][] = [
    ["tutorial 2's trained 2-4-1", [2, 4, 1], new LayeredNetwork([2, 4, 1], { weights: TRAINED_2_4_1, biases: null }), false],
    ["2-8-8-1 tanh, sigmoid out, biases", [2, 8, 8, 1], LayeredNetwork.fromRandom([2, 8, 8, 1], new RandomState(3), { activation: "tanh", outputActivation: "sigmoid", biases: true }), true],
    ["2-32-32-1 sigmoid, biases", [2, 32, 32, 1], LayeredNetwork.fromRandom([2, 32, 32, 1], new RandomState(4), { biases: true }), false],
  ];
  console.log(`\nPredicting a ${GRID_SIDE}×${GRID_SIDE} grid (regionsPlot's batch): ms per grid, medians of ${ROUNDS} alternating rounds of ${GRID_REPEATS}`);
  console.log("  network                               predictBatch  forwardBatch   fused loop      NumPy   predictBatch/fused   same bits");
  for (const [name, sizes, net, tanhHidden] of cases) {
    const params = net.params;
    const [library, forward, fused] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    const inputs = new Matrix(n, 2, points);
    const times = { predict: [] as number[], forward: [] as number[], fused: [] as number[] };
    const repeat = (run: () => void) => timeMs(() => {
      for (let r = 0; r < GRID_REPEATS; r++) run();
    }) / GRID_REPEATS;
    for (let round = 0; round <= ROUNDS; round++) {
      const predictMs = repeat(() => net.predictBatch(points, library));
      const forwardMs = repeat(() => forward.set(net.forwardBatch(inputs)[sizes.length - 2]!.data));
      const fusedMs = repeat(() => fusedPredict(sizes, params, tanhHidden, points, fused));
      if (round === 0) continue;
      times.predict.push(predictMs);
      times.forward.push(forwardMs);
      times.fused.push(fusedMs);
    }
    const activations = sizes.slice(1).map((_, l) => (tanhHidden && l < sizes.length - 2 ? "tanh" : "sigmoid"));
    const numpyMs = numpy<{ msPerBatch: number }>({ job: "predict", inputs: Array.from(points), ...params, activations, repeats: GRID_REPEATS * ROUNDS }).msPerBatch;
    const ratio = median(times.predict.map((t, r) => t / times.fused[r]!));
    const sameBits = library.every((v, k) => v === fused[k] && v === forward[k]);
    console.log(
      `  ${name.padEnd(36)}${fmt(median(times.predict), 14)}${fmt(median(times.forward), 14)}${fmt(median(times.fused), 13)}${fmt(numpyMs, 11)}` +
        `${(ratio.toFixed(2) + "×" + (ratio <= 1.5 ? " (≤ 1.5)" : " MISSED 1.5")).padStart(21)}${String(sameBits).padStart(12)}`,
    );
  }
}

trainScale();
gridScale();
