/**
 * What the live training view costs: notebook 06's run (tutorial 2's 2-4-1 network, seed 1, 100,000 iterations)
 * trained with `train()` and with the live view at full speed (no pacing), its frames written to a fake kernel that
 * serialises each message as the kernel does. Rounds alternate the two; the medians are compared, in wall time and
 * in this process's CPU time, which other programs on a busy machine disturb less. Target: the live view adds at
 * most 10% of CPU time.
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

interface Timing {
  ms: number;
  cpuMs: number;
}

interface LiveTiming extends Timing {
  frames: number;
  bytes: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function timed<T>(work: () => T | Promise<T>): Promise<Timing & { value: T }> {
  const [wall, cpu] = [performance.now(), cpuMs()];
  const value = await work();
  return { ms: performance.now() - wall, cpuMs: cpuMs() - cpu, value };
}

async function plain(): Promise<Timing> {
  return timed(() => network().train(data.inputs, data.labels, { epochs: ITERATIONS }));
}

async function live(): Promise<LiveTiming> {
  let frames = 0;
  let bytes = 0;
  const write = (message: DisplayMessage) => {
    frames++;
    bytes += JSON.stringify(message).length;
  };
  const run = await timed(() => runLive([{ name: "tutorial 2", net: network(), config: { epochs: ITERATIONS } }], data, { duration: 0 }, write));
  return { ms: run.ms, cpuMs: run.cpuMs, frames, bytes };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  await plain();
  const cold = await live();
  console.log(`warm-up: live view ${cold.ms.toFixed(0)} ms (loads vega), ${cold.frames} frame(s)`);
  const plainRuns: Timing[] = [];
  const liveRuns: LiveTiming[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      plainRuns.push(await plain());
      liveRuns.push(await live());
    } else {
      liveRuns.push(await live());
      plainRuns.push(await plain());
    }
  }
  const list = (runs: readonly Timing[], key: keyof Timing) => runs.map((r) => r[key].toFixed(0)).join(", ");
  for (const key of ["ms", "cpuMs"] as const) {
    const what = key === "ms" ? "wall" : "CPU";
    console.log(`${what} time: train() median ${median(plainRuns.map((r) => r[key])).toFixed(0)} ms (${list(plainRuns, key)})`);
    console.log(`${what} time: live view median ${median(liveRuns.map((r) => r[key])).toFixed(0)} ms (${list(liveRuns, key)})`);
  }
  const overhead = (key: keyof Timing) => median(liveRuns.map((r) => r[key])) / median(plainRuns.map((r) => r[key])) - 1;
  const frames = median(liveRuns.map((r) => r.frames));
  const kb = median(liveRuns.map((r) => r.bytes / r.frames)) / 1000;
  console.log(`${frames} frame(s) per live run, ${kb.toFixed(0)} KB each as JSON`);
  const ok = overhead("cpuMs") <= BUDGET;
  console.log(
    `overhead: ${(100 * overhead("cpuMs")).toFixed(1)}% CPU time (${ok ? "within" : "OVER"} the ${100 * BUDGET}% budget), ${(100 * overhead("ms")).toFixed(1)}% wall time`,
  );
  process.exitCode = ok ? 0 : 1;
}

void main();
