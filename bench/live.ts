/**
 * What the live training view costs: notebook 06's run (tutorial 2's 2-4-1 network, seed 1, 100,000 iterations)
 * trained three ways: with `train()` alone; with `train()` and then the same final picture shown once, as a cell
 * without the live view shows its result (its bundle built and serialised); and with the live view at full speed (no
 * pacing), its frames written to a fake kernel that serialises each message as the kernel does. Then the same run
 * ten times longer, long enough for frames while it trains (4 a second). Rounds rotate the order; each round's
 * ratios are taken between arms run back to back, and the median of those ratios is reported, in this process's
 * CPU time (which other programs on a busy machine disturb less) and in wall time.
 *
 * Target: the live view adds at most 10% of CPU time to the same run shown without it (`train()` + show), for 06's
 * run and the longer one. Over `train()` alone it also pays for that final picture (its SVG and PNG, what every chart output
 * carries), which is printed too.
 *
 *   npm run bench:live
 */
import { LayeredNetwork, pointsDataset, RandomState } from "../src";
import { displayBundle } from "../src/display";
import type { DisplayMessage } from "../src/display/jupyter";
import { runLive } from "../src/display/live";
import { liveFrame } from "../src/display/live-frame";

/** 06's run, then one ten times longer. */
const RUNS = [
  { iterations: 100_000, rounds: 11 },
  { iterations: 1_000_000, rounds: 5 },
];
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

async function plain(iterations: number): Promise<Timing> {
  return timed(() => network().train(data.inputs, data.labels, { epochs: iterations }));
}

async function live(iterations: number): Promise<LiveTiming> {
  let frames = 0;
  let bytes = 0;
  const write = (message: DisplayMessage) => {
    frames++;
    bytes += JSON.stringify(message).length;
  };
  const run = await timed(() => runLive([{ name: "tutorial 2", net: network(), config: { epochs: iterations } }], data, { duration: 0 }, write));
  return { ms: run.ms, cpuMs: run.cpuMs, frames, bytes };
}

/** train(), then the live view's last frame drawn once from scratch, as a static cell would show its result. */
async function plainAndShown(iterations: number): Promise<Timing> {
  return timed(async () => {
    const net = network();
    const { losses } = net.train(data.inputs, data.labels, { epochs: iterations });
    const { spec, description } = liveFrame({
      title: "Training",
      runs: [{ name: "tutorial 2", losses, epoch: iterations, epochs: iterations, model: net }],
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

/** Runs the three arms for one run length; true when the live view stays within the budget over train() + show. */
async function compare(iterations: number, rounds: number): Promise<boolean> {
  console.log(`\n${iterations.toLocaleString("en-US")} iterations, ${rounds} rounds`);
  const arms: { name: string; run: () => Promise<Timing | LiveTiming>; results: (Timing | LiveTiming)[] }[] = [
    { name: "train()", run: () => plain(iterations), results: [] },
    { name: "train() + show", run: () => plainAndShown(iterations), results: [] },
    { name: "live view", run: () => live(iterations), results: [] },
  ];
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < arms.length; k++) {
      const arm = arms[(round + k) % arms.length]!;
      arm.results.push(await arm.run());
    }
  }
  const medianOf = (results: readonly Timing[], key: keyof Timing) => median(results.map((r) => r[key]));
  for (const arm of arms) {
    const list = arm.results.map((r) => r.ms.toFixed(0)).join(", ");
    console.log(`${arm.name.padEnd(15)} wall median ${medianOf(arm.results, "ms").toFixed(0)} ms (${list}); CPU median ${medianOf(arm.results, "cpuMs").toFixed(0)} ms`);
  }
  const [alone, shown, watched] = arms.map((arm) => arm.results) as [Timing[], Timing[], LiveTiming[]];
  console.log(`${median(watched.map((r) => r.frames))} frame(s) per live run, ${(median(watched.map((r) => r.bytes / r.frames)) / 1000).toFixed(0)} KB each as JSON on average`);
  // Within a round the arms run back to back, so a round's ratio is less disturbed by a busy machine than the medians;
  // CPU time, this process's own, is disturbed less than wall time.
  const ratio = (over: readonly Timing[], base: readonly Timing[], key: keyof Timing) => median(over.map((r, i) => r[key] / base[i]![key]));
  const both = (over: readonly Timing[], base: readonly Timing[]) => `${ratio(over, base, "cpuMs").toFixed(3)} CPU, ${ratio(over, base, "ms").toFixed(3)} wall`;
  const ok = ratio(watched, shown, "cpuMs") - 1 <= BUDGET;
  console.log(`live view / (train() + show):      ${both(watched, shown)} (${ok ? "within" : "OVER"} the ${100 * BUDGET}% budget, by CPU)`);
  console.log(`live view / train() alone:         ${both(watched, alone)}`);
  console.log(`(train() + show) / train() alone:  ${both(shown, alone)}`);
  return ok;
}

async function main(): Promise<void> {
  await plain(RUNS[0]!.iterations);
  await plainAndShown(RUNS[0]!.iterations);
  const cold = await live(RUNS[0]!.iterations);
  console.log(`warm-up: live view ${cold.ms.toFixed(0)} ms (loads vega), ${cold.frames} frame(s)`);
  let ok = true;
  for (const { iterations, rounds } of RUNS) ok = (await compare(iterations, rounds)) && ok;
  process.exitCode = ok ? 0 : 1;
}

void main();
