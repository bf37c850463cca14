import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { genderDataset, LayeredNetwork, Network221, pointsDataset, RandomState, TrainingDivergedError, type Dataset } from "../../src";
import { displayBundle, VEGA_LITE_MIME } from "../../src/display";
import type { DisplayMessage } from "../../src/display/jupyter";
import { runLive, TrainingInterruptedError, trainLive, type LiveClock, type LiveRun } from "../../src/display/live";
import { liveFrame } from "../../src/display/live-frame";

interface Sent {
  message: DisplayMessage;
  update: boolean;
}

/** A kernel writer that keeps every message, serialised and parsed back as the kernel's JSON would carry it. */
function fakeKernel(): { sent: Sent[]; write: (message: DisplayMessage, update: boolean) => void } {
  const sent: Sent[] = [];
  return { sent, write: (message, update) => sent.push({ message: JSON.parse(JSON.stringify(message)) as DisplayMessage, update }) };
}

/**
 * Time that moves only when the loop waits, so frames land at the same epochs on every run; `onWait` runs at
 * each wait, e.g. to interrupt at the third.
 */
function fakeClock(onWait: (waits: number) => void = () => {}): LiveClock {
  let t = 0;
  let waits = 0;
  return {
    now: () => t,
    wait: (ms) => {
      t += ms;
      onWait(++waits);
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}

// The last frame renders its chart in Node, a few hundred milliseconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const gender = genderDataset();
const points = pointsDataset();

function gender221(seed = 0): Network221 {
  return Network221.fromRandom(new RandomState(seed));
}

describe("runLive's messages", () => {
  it("shows one display and then updates it with the same display_id, static images only in the last frame", async () => {
    const kernel = fakeKernel();
    await runLive([{ name: "run", net: gender221(), config: { epochs: 1000 } }], gender, { duration: 1, fps: 4 }, kernel.write, fakeClock());
    expect(kernel.sent.length).toBeGreaterThanOrEqual(5);
    expect(kernel.sent.map((s) => s.update)).toEqual([false, ...kernel.sent.slice(1).map(() => true)]);
    const id = kernel.sent[0]!.message.transient.display_id;
    expect(id).toMatch(/^live-training-/);
    const mimeTypes = kernel.sent.map(({ message }) => {
      expect(message.transient.display_id).toBe(id);
      return Object.keys(message.data).sort();
    });
    for (const types of mimeTypes.slice(0, -1)) expect(types).toEqual([VEGA_LITE_MIME, "text/plain"].sort());
    expect(mimeTypes[mimeTypes.length - 1]).toEqual([VEGA_LITE_MIME, "image/png", "image/svg+xml", "text/plain"].sort());
  });

  it("starts at epoch 0 when paced, says the epoch, loss and time while running, and ends at the last epoch without times", async () => {
    const kernel = fakeKernel();
    await runLive([{ name: "run", net: gender221(), config: { epochs: 1000 } }], gender, { duration: 2, title: "Gender" }, kernel.write, fakeClock());
    const texts = kernel.sent.map((s) => s.message.data["text/plain"] as string);
    expect(texts[0]).toMatch(/^Gender: epoch 0 of 1,000 · loss 0\.36932 · 0\.0 s elapsed, about 2\.0 s left\. /);
    expect(texts[1]).toMatch(/^Gender: epoch [\d,]+ of 1,000 · loss \d\.\d{5} · \d+\.\d s elapsed, about \d+\.\d s left\. /);
    expect(texts[texts.length - 1]).toMatch(/^Gender: epoch 1,000 of 1,000 · loss 0\.00240\. Classification regions over /);
  });

  it("says the time the pace leaves while the first epochs of a log-paced run are too few to extrapolate from", async () => {
    // Every look at the clock costs 1 ms: the first epoch alone would extrapolate to 100,000 ms for the run.
    let t = 0;
    const clock: LiveClock = { now: () => t++, wait: (ms) => ((t += ms), new Promise((resolve) => setImmediate(resolve))) };
    const net = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    const kernel = fakeKernel();
    await runLive([{ name: "run", net, config: { epochs: 100_000 } }], points, { duration: 2, pace: "log", regions: false }, kernel.write, clock);
    const left = kernel.sent.slice(1, 3).map((s) => /about (.+?) left/.exec(s.message.data["text/plain"] as string)?.[1]);
    expect(left).toHaveLength(2);
    for (const text of left) {
      expect(text).toMatch(/^\d+\.\d s$/);
      expect(Number.parseFloat(text!)).toBeLessThanOrEqual(2);
    }
  });

  it("ends with the frame a plain train() of the same seed gives, static image included", async () => {
    const kernel = fakeKernel();
    await runLive([{ name: "run", net: gender221(), config: { epochs: 300 } }], gender, { duration: 1, title: "Gender" }, kernel.write, fakeClock());
    const net = gender221();
    const { losses } = net.train(gender.inputs, gender.labels, { epochs: 300 });
    const { spec, description } = liveFrame({
      title: "Gender",
      runs: [{ name: "run", losses, epoch: 300, epochs: 300, model: net }],
      data: gender,
      logScale: false,
      lossLabel: "loss",
    });
    const expected = JSON.parse(JSON.stringify(await displayBundle(spec, { description }))) as Record<string, unknown>;
    const { "image/svg+xml": svg, ...rest } = kernel.sent[kernel.sent.length - 1]!.message.data;
    const { "image/svg+xml": expectedSvg, ...expectedRest } = expected;
    expect(rest).toEqual(expectedRest);
    // vega numbers clip paths from a counter that runs across renders; the drawing is otherwise the same.
    const unnumbered = (text: unknown) => String(text).replace(/clip\d+/g, "clip");
    expect(unnumbered(svg) === unnumbered(expectedSvg), "the same static SVG").toBe(true);
  });

  it("without pacing, shows only the last frame of a run shorter than a frame's time budget", async () => {
    const kernel = fakeKernel();
    await runLive([{ name: "run", net: gender221(), config: { epochs: 200 } }], gender, { duration: 0 }, kernel.write, fakeClock());
    expect(kernel.sent.map((s) => s.update)).toEqual([false]);
    expect(kernel.sent[0]!.message.data["text/plain"]).toMatch(/^Training: epoch 200 of 200 · loss /);
  });

  it("draws the loss alone, its epoch axis spanning the whole run, when regions are turned off", async () => {
    const kernel = fakeKernel();
    const net = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    await runLive([{ name: "run", net, config: { epochs: 2000 } }], points, { duration: 1, regions: false }, kernel.write, fakeClock());
    const spec = kernel.sent[1]!.message.data[VEGA_LITE_MIME] as { encoding: { x: { scale: unknown } }; hconcat?: unknown };
    expect(spec.hconcat).toBeUndefined();
    expect(spec.encoding.x.scale).toEqual({ domain: [0, 2000] });
  });
});

describe("pacing by log of the epoch", () => {
  it("shows the first few epochs of a long run where linear pacing is already past a thousand, on a symlog epoch axis", async () => {
    const frameEpochs = async (pace: "linear" | "log") => {
      const kernel = fakeKernel();
      const net = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
      await runLive([{ name: "run", net, config: { epochs: 10_000 } }], points, { duration: 2, fps: 4, pace }, kernel.write, fakeClock());
      const specs = kernel.sent.map((s) => s.message.data[VEGA_LITE_MIME] as { hconcat: [unknown, { encoding: { x: { scale: { type?: string } } } }] });
      const epochs = kernel.sent.map((s) => Number(/epoch ([\d,]+) of/.exec(s.message.data["text/plain"] as string)![1]!.replace(/,/g, "")));
      return { epochs, scale: specs[1]!.hconcat[1].encoding.x.scale.type };
    };
    const linear = await frameEpochs("linear");
    const log = await frameEpochs("log");
    // Frames at 0, 0.25, 0.5 … of 2 s: linear pacing is at epoch 2,500 by the third, log pacing at 10,001^(1/4) − 1 = 9.
    expect(linear.epochs[2]).toBeGreaterThanOrEqual(2000);
    expect(log.epochs[2]).toBeLessThanOrEqual(10);
    expect(log.epochs.filter((epoch) => epoch <= 1000)).toHaveLength(7);
    expect(log.epochs[log.epochs.length - 1]).toBe(10_000);
    expect([linear.scale, log.scale]).toEqual([undefined, "symlog"]);
  });
});

describe("the loss chart", () => {
  it("draws at most 500 points of a long run's losses, the last among them, and returns them all", async () => {
    const kernel = fakeKernel();
    const [result] = await runLive([{ name: "run", net: gender221(), config: { epochs: 5000, lossEvery: 1 } }], gender, { duration: 0 }, kernel.write, fakeClock());
    const spec = kernel.sent[kernel.sent.length - 1]!.message.data[VEGA_LITE_MIME] as { hconcat: [unknown, { data: { values: { epoch: number }[] } }] };
    const drawn = spec.hconcat[1].data.values.map((row) => row.epoch);
    expect(result!.losses).toHaveLength(5001);
    expect(drawn.length).toBeLessThanOrEqual(500);
    expect(drawn.slice(0, 3)).toEqual([0, 11, 22]);
    expect(drawn[drawn.length - 1]).toBe(5000);
  });
});

describe("watching leaves training as it was", () => {
  it("gives Network221 the same parameters, losses and snapshots as train()", async () => {
    const config = { epochs: 700, learnRate: 0.1, snapshotEvery: 100 };
    const watched = gender221(3);
    const [live] = await runLive([{ name: "run", net: watched, config }], gender, { duration: 1 }, fakeKernel().write, fakeClock());
    const plain = gender221(3);
    const result = plain.train(gender.inputs, gender.labels, config);
    expect(watched.params).toEqual(plain.params);
    const { losses, snapshots, epochsDone } = live!;
    expect({ losses, snapshots, epochsDone }).toEqual(result);
  });

  it("gives tutorial 2's LayeredNetwork the same weights as train(), paced or not, linearly or by log", async () => {
    const plain = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    plain.train(points.inputs, points.labels, { epochs: 5000 });
    for (const options of [{ duration: 0 }, { duration: 1 }, { duration: 1, pace: "log" as const }]) {
      const watched = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
      await runLive([{ name: "run", net: watched, config: { epochs: 5000 } }], points, options, fakeKernel().write, fakeClock());
      expect(watched.params).toEqual(plain.params);
    }
  });
});

describe("Kernel → Interrupt during a live run", () => {
  it("stops between two epochs with the parameters an uninterrupted run has after as many epochs, and says where", async () => {
    const kernel = fakeKernel();
    const net = gender221();
    const interruptAtThirdWait = fakeClock((waits) => {
      if (waits === 3) process.emit("SIGINT");
    });
    const stopped = await runLive([{ name: "run", net, config: { epochs: 1000 } }], gender, { duration: 2 }, kernel.write, interruptAtThirdWait).then(
      () => null,
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(TrainingInterruptedError);
    const [result] = (stopped as TrainingInterruptedError).results;
    const epochs = result!.epochsDone;
    expect(epochs).toBeGreaterThan(0);
    expect(epochs).toBeLessThan(1000);
    expect(inspect(stopped)).toBe(`TrainingInterruptedError: training stopped by an interrupt at epoch ${epochs.toLocaleString("en-US")}; the network keeps its parameters from there`);
    const reference = gender221();
    reference.train(gender.inputs, gender.labels, { epochs });
    expect(net.params).toEqual(reference.params);
    expect(Object.values(net.params).every(Number.isFinite)).toBe(true);
    const last = kernel.sent[kernel.sent.length - 1]!;
    expect(last.update).toBe(true);
    expect(last.message.data["text/plain"]).toMatch(new RegExp(`^Training: stopped by an interrupt at epoch ${epochs.toLocaleString("en-US")} of 1,000 · loss `));
  });

  it("stops every live run awaited at once in a cell", async () => {
    const listeners = process.rawListeners("SIGINT");
    const first = fakeClock((waits) => {
      if (waits === 3) process.emit("SIGINT");
    });
    const runs = [first, fakeClock()].map((clock) =>
      runLive([{ name: "run", net: gender221(), config: { epochs: 1000 } }], gender, { duration: 2 }, fakeKernel().write, clock).then(
        () => null,
        (error: unknown) => error,
      ),
    );
    for (const stopped of await Promise.all(runs)) expect(stopped).toBeInstanceOf(TrainingInterruptedError);
    expect(process.rawListeners("SIGINT")).toEqual(listeners);
  });

  it("gives SIGINT back to the listeners it found once the run ends", async () => {
    const listener = () => {};
    process.on("SIGINT", listener);
    try {
      const seen: number[] = [];
      await runLive([{ name: "run", net: gender221(), config: { epochs: 50 } }], gender, { duration: 0.5 }, fakeKernel().write, fakeClock(() => seen.push(process.listenerCount("SIGINT"))));
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((n) => n === 1)).toBe(true);
      expect(process.rawListeners("SIGINT")).toContain(listener);
    } finally {
      process.removeListener("SIGINT", listener);
    }
  });
});

describe("compareLive's view", () => {
  const rates = [0.01, 0.1, 1];
  const runs = (): LiveRun<unknown>[] => rates.map((rate) => ({ name: `η = ${rate}`, net: gender221(), config: { epochs: 300, learnRate: rate } }));

  it("trains each run as train() would and draws every loss curve on one chart with each run's regions", async () => {
    const kernel = fakeKernel();
    const results = await runLive(runs(), gender, { duration: 1, logScale: true }, kernel.write, fakeClock());
    rates.forEach((rate, i) => {
      const reference = gender221();
      const { name, losses, snapshots, epochsDone } = results[i]!;
      expect({ name, losses, snapshots, epochsDone }).toEqual({ name: `η = ${rate}`, ...reference.train(gender.inputs, gender.labels, { epochs: 300, learnRate: rate }) });
    });
    const spec = kernel.sent[kernel.sent.length - 1]!.message.data[VEGA_LITE_MIME] as { vconcat: [{ hconcat: unknown[] }, { data: { values: { run: string }[] } }] };
    expect(kernel.sent[kernel.sent.length - 1]!.message.data["text/plain"]).toMatch(
      /^Training: epoch 300 of 300 · loss η = 0\.01: [\d.]+, η = 0\.1: [\d.]+, η = 1: [\d.e-]+\. /,
    );
    expect(spec.vconcat[0].hconcat).toHaveLength(3);
    expect([...new Set(spec.vconcat[1].data.values.map((row) => row.run))]).toEqual(rates.map((rate) => `η = ${rate}`));
  });

  it("resolves to each run as given, the caller's own fields and the network included, with what it recorded", async () => {
    const given = rates.map((rate) => ({ name: `η = ${rate}`, net: gender221(), config: { epochs: 20, learnRate: rate }, rate }));
    const results = await runLive(given, gender, { duration: 0 }, fakeKernel().write, fakeClock());
    results.forEach((result, i) => {
      expect(result.rate).toBe(rates[i]);
      expect(result.net).toBe(given[i]!.net);
      expect(result.config).toBe(given[i]!.config);
      expect(result.epochsDone).toBe(20);
    });
  });

  it("keeps the other runs going when one diverges, then says which and throws its TrainingDivergedError", async () => {
    const kernel = fakeKernel();
    const relu = (rate: number): LiveRun<unknown> => ({
      name: `η = ${rate}`,
      net: LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1), { activation: "relu" }),
      config: { epochs: 300, learnRate: rate },
    });
    const error = await runLive([relu(0.01), relu(1e200)], points, { duration: 1 }, kernel.write, fakeClock()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect((error as TrainingDivergedError<unknown>).epoch).toBe(2);
    const text = kernel.sent[kernel.sent.length - 1]!.message.data["text/plain"] as string;
    expect(text).toMatch(/^Training: η = 0\.01: epoch 300 of 300 · loss [\d.]+; η = 1e\+200: diverged after epoch 1 of 300 · loss [\d.]+\. /);
    const spec = kernel.sent[kernel.sent.length - 1]!.message.data[VEGA_LITE_MIME] as { vconcat: [{ hconcat: { title: { text: string } }[] }] };
    expect(spec.vconcat[0].hconcat.map((panel) => panel.title.text)).toEqual(["η = 0.01"]);
  });
});

describe("trainLive and its options", () => {
  const data: Dataset = gender;
  const net = gender221();

  it("needs the tslab kernel, and says so in one line", async () => {
    await expect(trainLive(net, data, { epochs: 1 })).rejects.toThrow(/^trainLive\(\) needs the tslab kernel \(run it in a notebook cell\)$/);
  });

  it.each([
    [{ duration: -1 }, "options.duration must be seconds ≥ 0, got -1"],
    [{ fps: 0 }, "options.fps must be frames per second > 0, got 0"],
    [{ title: 3 }, "options.title must be a string, got 3"],
    [{ regions: "yes" }, 'options.regions must be true or false, got "yes"'],
    [{ pace: "fast" }, 'options.pace must be "linear" or "log", got "fast"'],
  ])("rejects %j with a message naming the option", async (options, message) => {
    await expect(runLive([{ name: "run", net, config: { epochs: 1 } }], data, options as object, fakeKernel().write, fakeClock())).rejects.toThrow(message);
  });

  it("refuses regions for a network that cannot draw them", async () => {
    const layered = LayeredNetwork.fromRandom([2, 2], new RandomState(0));
    await expect(runLive([{ name: "run", net: layered, config: { epochs: 1 } }], data, { regions: true }, fakeKernel().write, fakeClock())).rejects.toThrow(
      "options.regions must be a network with 2 inputs and 1 output, and labels 0 or 1, got true",
    );
  });
});
