/**
 * The regions plot at 100×100: how long building the spec takes when the model is a function called per point
 * (how notebooks wrapped networks before) and when it is a Predictor asked once with the whole grid; then the
 * whole display bundle (spec + static images) and its size. Runs alternate; medians of RUNS each.
 * Targets: bundle < 500 ms and < 300 KB.
 *
 *   npm run bench:regions
 */
import { LayeredNetwork, Network221, RandomState } from "../src";
import { pointsDataset, testPoint } from "../src/data";
import { displayBundle } from "../src/display";
import { type PlaneModel, regionsPlot } from "../src/plots";
import { TRAINED_2_4_1 } from "./trained";

const TIME_BUDGET_MS = 500;
const SIZE_BUDGET_BYTES = 300_000;
const RUNS = 11;
const data = pointsDataset();

const layered = new LayeredNetwork([2, 4, 1], { weights: TRAINED_2_4_1, biases: null });
const network221 = Network221.fromRandom(new RandomState(0));

const models: Record<string, PlaneModel> = {
  "2-4-1 LayeredNetwork, function of predict()": (x1, x2) => layered.predict([x1, x2])[0]!,
  "2-4-1 LayeredNetwork, Predictor": layered,
  "2-2-1 Network221, function of feedforward()": (x1, x2) => network221.feedforward([x1, x2]),
  "2-2-1 Network221, Predictor": network221,
};

function specMs(model: PlaneModel): number {
  const start = performance.now();
  regionsPlot(model, { resolution: 100, data, queries: [testPoint] });
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const loadStart = performance.now();
  await displayBundle(regionsPlot(layered, { data, queries: [testPoint] }));
  console.log(`cold (first call, loads vega and resvg): ${(performance.now() - loadStart).toFixed(0)} ms`);

  const times: Record<string, number[]> = Object.fromEntries(Object.keys(models).map((name) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [name, model] of Object.entries(models)) times[name]!.push(specMs(model));
  }
  console.log(`spec at 100×100 with the 15 points, median of ${RUNS} alternating runs:`);
  for (const name of Object.keys(models)) console.log(`  ${name.padEnd(46)} ${median(times[name]!).toFixed(1)} ms`);

  const bundleTimes: number[] = [];
  let bytes = 0;
  let images = "";
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const bundle = await displayBundle(regionsPlot(layered, { resolution: 100, data, queries: [testPoint] }));
    bundleTimes.push(performance.now() - start);
    bytes = Buffer.byteLength(JSON.stringify(bundle), "utf8");
    images = Object.keys(bundle).filter((type) => type.startsWith("image/")).join(" + ");
  }
  const total = median(bundleTimes);
  console.log(`whole bundle (spec + static images), median of ${RUNS}: ${total.toFixed(0)} ms; ${(bytes / 1000).toFixed(1)} KB as JSON (${images})`);
  const ok = total < TIME_BUDGET_MS && bytes < SIZE_BUDGET_BYTES;
  console.log(ok ? "within budget (< 500 ms, < 300 KB)" : "OVER BUDGET (< 500 ms, < 300 KB)");
  process.exitCode = ok ? 0 : 1;
}

void main();
