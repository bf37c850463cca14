/**
 * What the live training view costs: notebook 06's run (tutorial 2's 2-4-1 network, seed 1, 100,000 iterations)
 * trained with `train()` and with the live view at full speed (no pacing), its frames written to a fake kernel that
 * serialises each message as the kernel does. Rounds alternate the two; the medians are compared.
 * Target: the live view adds at most 10%.
 *
 *   npm run bench:live
 */
import { LayeredNetwork, pointsDataset, RandomState } from "../src";
import type { DisplayMessage } from "../src/display/jupyter";
import { runLive } from "../src/display/live";

const ITERATIONS = 100_000;
const ROUNDS = 9;
const BUDGET = 0.1;

const data = pointsDataset();
const network = () => LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));

function plain(): number {
  const start = performance.now();
  network().train(data.inputs, data.labels, { epochs: ITERATIONS });
  return performance.now() - start;
}

async function live(): Promise<{ ms: number; frames: number; bytes: number }> {
  let frames = 0;
  let bytes = 0;
  const write = (message: DisplayMessage) => {
    frames++;
    bytes += JSON.stringify(message).length;
  };
  const start = performance.now();
  await runLive([{ name: "tutorial 2", net: network(), config: { epochs: ITERATIONS } }], data, { duration: 0 }, write);
  return { ms: performance.now() - start, frames, bytes };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  plain();
  const cold = await live();
  console.log(`warm-up: live view ${cold.ms.toFixed(0)} ms (loads vega), ${cold.frames} frame(s)`);
  const plainMs: number[] = [];
  const liveRuns: { ms: number; frames: number; bytes: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      plainMs.push(plain());
      liveRuns.push(await live());
    } else {
      liveRuns.push(await live());
      plainMs.push(plain());
    }
  }
  const plainMedian = median(plainMs);
  const liveMedian = median(liveRuns.map((r) => r.ms));
  const overhead = liveMedian / plainMedian - 1;
  const frames = median(liveRuns.map((r) => r.frames));
  const kb = median(liveRuns.map((r) => r.bytes / r.frames)) / 1000;
  console.log(`train(): median ${plainMedian.toFixed(0)} ms of ${ROUNDS} (${plainMs.map((ms) => ms.toFixed(0)).join(", ")})`);
  console.log(`live view: median ${liveMedian.toFixed(0)} ms of ${ROUNDS} (${liveRuns.map((r) => r.ms.toFixed(0)).join(", ")}), ${frames} frame(s) of ${kb.toFixed(0)} KB`);
  const ok = overhead <= BUDGET;
  console.log(`overhead ${(100 * overhead).toFixed(1)}% ${ok ? "within" : "OVER"} the ${100 * BUDGET}% budget`);
  process.exitCode = ok ? 0 : 1;
}

void main();
