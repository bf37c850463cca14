/**
 * What the live training view costs: notebook 06's run (tutorial 2's 2-4-1 network, seed 1, 100,000 iterations)
 * trained three ways: with `train()` alone; with `train()` and then the same final picture shown once, as a cell
 * without the live view would (its bundle built and serialised); and with the live view at full speed (no
 * pacing), its frames written to a fake kernel that serialises each message as the kernel does. Rounds rotate the
 * order; medians are compared in wall time, and in this process's CPU time, which other programs on a busy machine
 * disturb less, and as the median of each round's ratio. Target: the live view adds at most 10% of wall time to
 * `train()` alone, by both the medians and the rounds' ratios.
 *
 *   npm run bench:live
 */
import { LayeredNetwork, pointsDataset, RandomState } from "../src";
import { displayBundle } from "../src/display";
import type { DisplayMessage } from "../src/display/jupyter";
import { runLive } from "../src/display/live";
import { liveFrame } from "../src/display/live-frame";

const ITERATIONS = 100_000;
const ROUNDS = 11;
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

/** train(), then the live view's last frame drawn once from scratch, as a static cell would show its result. */
async function plainAndShown(): Promise<Timing> {
  return timed(async () => {
    const net = network();
    const { losses } = net.train(data.inputs, data.labels, { epochs: ITERATIONS });
    const { spec, description } = liveFrame({
      title: "Training",
      runs: [{ name: "tutorial 2", losses, epoch: ITERATIONS, epochs: ITERATIONS, model: net }],
      data,
      logScale: false,
      lossLabel: "loss",
    });
    return JSON.stringify(await displayBundle(spec, { description })).length;
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  await plain();
  await plainAndShown();
  const cold = await live();
  console.log(`warm-up: live view ${cold.ms.toFixed(0)} ms (loads vega), ${cold.frames} frame(s)`);
  const arms: { name: string; run: () => Promise<Timing | LiveTiming>; results: (Timing | LiveTiming)[] }[] = [
    { name: "train()", run: plain, results: [] },
    { name: "train() + show", run: plainAndShown, results: [] },
    { name: "live view", run: live, results: [] },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < arms.length; k++) {
      const arm = arms[(round + k) % arms.length]!;
      arm.results.push(await arm.run());
    }
  }
  const medianOf = (results: readonly Timing[], key: keyof Timing) => median(results.map((r) => r[key]));
  for (const arm of arms) {
    const list = (key: keyof Timing) => arm.results.map((r) => r[key].toFixed(0)).join(", ");
    console.log(
      `${arm.name.padEnd(15)} wall median ${medianOf(arm.results, "ms").toFixed(0)} ms (${list("ms")}); CPU median ${medianOf(arm.results, "cpuMs").toFixed(0)} ms`,
    );
  }
  const [alone, shown, watched] = arms.map((arm) => arm.results);
  const liveRuns = watched as LiveTiming[];
  console.log(`${median(liveRuns.map((r) => r.frames))} frame(s) per live run, ${(median(liveRuns.map((r) => r.bytes / r.frames)) / 1000).toFixed(0)} KB each as JSON`);
  const over = (base: readonly Timing[], key: keyof Timing) => medianOf(watched!, key) / medianOf(base, key) - 1;
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`live view over train() + show: ${percent(over(shown!, "ms"))} wall, ${percent(over(shown!, "cpuMs"))} CPU`);
  // Within a round the arms run back to back, so a round's ratio is less disturbed by a busy machine than the medians.
  const paired = median(watched!.map((r, i) => r.ms / alone![i]!.ms - 1));
  const ok = Math.max(over(alone!, "ms"), paired) <= BUDGET;
  console.log(
    `live view over train() alone: ${percent(over(alone!, "ms"))} wall, ${percent(over(alone!, "cpuMs"))} CPU; median of the rounds' ratios ${percent(paired)} ` +
      `(${ok ? "within" : "OVER"} the ${100 * BUDGET}% budget)`,
  );
  process.exitCode = ok ? 0 : 1;
}

void main();
