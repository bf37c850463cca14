import vm from "node:vm";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { Network221, RandomState, spiralDataset } from "../../src";
import { recoverInterruptedEpoch } from "../../src/core/training";
import { beforeEachCell, interceptInterrupts } from "../../src/display/jupyter";

const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };

afterEach(() => {
  jupyter.lastWriteDisplayData = null;
});

/** Sends SIGINT to this process after `ms` milliseconds from another thread, as the kernel's interrupt would arrive. */
function interruptAfter(ms: number): Worker {
  return new Worker(`setTimeout(() => process.kill(${process.pid}, "SIGINT"), ${ms});`, { eval: true });
}

/**
 * Runs `code` as tslab runs a cell's synchronous code (node's vm with breakOnSigint), with SIGINT sent after `ms`;
 * returns the error it stopped with. A no-op listener outside keeps a late signal from ending the test process.
 */
async function runCellInterrupted(code: string, ms: number): Promise<unknown> {
  const keepAlive = () => {};
  process.on("SIGINT", keepAlive);
  const sender = interruptAfter(ms);
  try {
    vm.runInThisContext(code, { breakOnSigint: true });
    return null;
  } catch (error) {
    return error;
  } finally {
    await sender.terminate();
    process.removeListener("SIGINT", keepAlive);
  }
}

describe("a plain train() stopped by Kernel → Interrupt", () => {
  const spiral = spiralDataset(new RandomState(0), { count: 2000 });

  it("leaves the network, from the next cell on, with the parameters of its last completed epoch", async () => {
    expect(beforeEachCell(recoverInterruptedEpoch)).toBe(true);
    const reference = (epochs: number) => {
      const net = Network221.fromRandom(new RandomState(0));
      net.train(spiral.inputs, spiral.labels, { epochs });
      return net.params;
    };
    // Per-sample updates change the parameters all through an epoch, so an interrupt almost always lands mid-way.
    let cutMidEpoch = false;
    for (let attempt = 0; attempt < 5 && !cutMidEpoch; attempt++) {
      const net = Network221.fromRandom(new RandomState(0));
      const run = net.startTraining(spiral.inputs, spiral.labels, { epochs: 200_000, lossEvery: 200_000 });
      (globalThis as { liveTestRun?: unknown }).liveTestRun = run;
      const error = await runCellInterrupted("liveTestRun.advance()", 300);
      expect(String(error)).toMatch(/Script execution was interrupted by `SIGINT`/);
      const epochs = run.epoch;
      expect(epochs).toBeGreaterThan(0);
      const atInterrupt = net.params;
      jupyter.lastWriteDisplayData = () => {}; // tslab starting the next cell
      cutMidEpoch = JSON.stringify(net.params) !== JSON.stringify(atInterrupt);
      expect(net.params).toEqual(reference(epochs));
    }
    expect(cutMidEpoch, "one of five interrupts landed inside an epoch").toBe(true);
  });

  it("restores nothing when no epoch was cut short", () => {
    const net = Network221.fromRandom(new RandomState(0));
    net.train([[1, 2]], [1], { epochs: 3 });
    const params = net.params;
    expect(recoverInterruptedEpoch()).toBe(false);
    expect(net.params).toEqual(params);
  });
});

describe("beforeEachCell", () => {
  it("calls its hook each time tslab sets the next cell's writer, which it still holds", () => {
    const calls: number[] = [];
    const hook = () => calls.push(calls.length);
    expect(beforeEachCell(hook)).toBe(true);
    expect(beforeEachCell(hook)).toBe(true);
    const writer = () => {};
    jupyter.lastWriteDisplayData = writer;
    expect(calls).toEqual([0]);
    expect(jupyter.lastWriteDisplayData).toBe(writer);
  });
});

describe("interceptInterrupts", () => {
  it("sends SIGINT to its handler instead of the listeners it found, and gives them back in order", () => {
    const heard: string[] = [];
    const first = () => heard.push("first");
    const second = () => heard.push("second");
    process.on("SIGINT", first);
    process.on("SIGINT", second);
    try {
      const release = interceptInterrupts(() => heard.push("live view"));
      process.emit("SIGINT");
      release();
      process.emit("SIGINT");
      expect(heard).toEqual(["live view", "first", "second"]);
    } finally {
      process.removeListener("SIGINT", first);
      process.removeListener("SIGINT", second);
    }
  });
});
