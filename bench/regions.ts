/**
 * The regions plot at 100×100 for tutorial 2's trained 2-4-1 network: time to build the spec plus the static
 * image, and the size of the whole display bundle. Targets: < 0.5 s and < 200 KB.
 *
 *   npm run bench:regions
 */
import { pointInputs, pointLabels } from "../src/data";
import { displayBundle } from "../src/display";
import { regionsPlot } from "../src/plots";
import { predict241, TRAINED_2_4_1 } from "./trained";

const TIME_BUDGET_MS = 500;
const SIZE_BUDGET_BYTES = 200_000;
const RUNS = 10;

const POINTS = pointInputs.map(([x1, x2], i) => ({ x1, x2, label: pointLabels[i] }));

async function once(): Promise<{ ms: number; specMs: number; bytes: number; image: string }> {
  const start = performance.now();
  const spec = regionsPlot(predict241(TRAINED_2_4_1), { resolution: 100, points: POINTS, queries: [{ x1: 2, x2: -3 }] });
  const specMs = performance.now() - start;
  const bundle = await displayBundle(spec);
  const ms = performance.now() - start;
  const bytes = Buffer.byteLength(JSON.stringify(bundle), "utf8");
  return { ms, specMs, bytes, image: "image/svg+xml" in bundle ? "svg" : "png" };
}

async function main(): Promise<void> {
  const loadStart = performance.now();
  const cold = await once();
  console.log(`cold (first call, loads vega): ${cold.ms.toFixed(0)} ms total (${(performance.now() - loadStart).toFixed(0)} ms with module load)`);
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await once());
  const times = warm.map((r) => r.ms).sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  const specMedian = warm.map((r) => r.specMs).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  const { bytes, image } = warm[0];
  console.log(`warm, median of ${RUNS}: ${median.toFixed(0)} ms (spec ${specMedian.toFixed(0)} ms, image ${(median - specMedian).toFixed(0)} ms); max ${times[RUNS - 1].toFixed(0)} ms`);
  console.log(`bundle: ${(bytes / 1000).toFixed(1)} KB as JSON, static image as ${image}`);
  const ok = median < TIME_BUDGET_MS && bytes < SIZE_BUDGET_BYTES;
  console.log(ok ? "within budget (< 500 ms, < 200 KB)" : "OVER BUDGET (< 500 ms, < 200 KB)");
  process.exitCode = ok ? 0 : 1;
}

void main();
