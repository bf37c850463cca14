import { describe, expect, it } from "vitest";
import { ProgressLine, formatDuration, formatProgress } from "../../src/cli/progress";

/** A stream that records what was written, and a clock that moves only when told. */
function fakeTerminal(isTTY: boolean) {
  const writes: string[] = [];
  let time = 0;
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes, now: () => time, advance: (ms: number) => (time += ms) };
}

describe("formatProgress", () => {
  it("says epoch k of N, the percentage, the loss, the time elapsed and the time left", () => {
    expect(formatProgress("epoch", 12_000, 100_000, 0.012345, 3_200)).toBe(
      "train: epoch 12000 of 100000 (12%), loss 0.01235, 3.2 s elapsed, about 23 s left",
    );
    expect(formatProgress("iteration", 0, 10, 0.25, 0)).toBe("train: iteration 0 of 10 (0%), loss 0.2500, 0.0 s elapsed");
    expect(formatProgress("epoch", 5, 10, 6.715e-7, 1000)).toBe("train: epoch 5 of 10 (50%), loss 6.72e-7, 1.0 s elapsed, about 1.0 s left");
  });

  it("formatDuration switches units as the numbers grow, never printing 10.0 s or 60 s", () => {
    expect([400, 9_960, 42_000, 59_600, 185_000, 7_620_000].map(formatDuration)).toEqual([
      "0.4 s",
      "10 s",
      "42 s",
      "1 min 00 s",
      "3 min 05 s",
      "2 h 07 min",
    ]);
  });
});

describe("ProgressLine", () => {
  it("on a terminal: nothing in the first second, then the line redrawn in place at most five times a second", () => {
    const t = fakeTerminal(true);
    const line = new ProgressLine(t.stream, "epoch", t.now);
    t.advance(900);
    line.update(10, 100, 0.5);
    expect(t.writes).toEqual([]);
    t.advance(100);
    line.update(20, 100, 0.25);
    t.advance(100);
    line.update(30, 100, 0.2);
    t.advance(100);
    line.update(40, 100, 0.125);
    expect(t.writes).toEqual([
      "\r\x1b[Ktrain: epoch 20 of 100 (20%), loss 0.2500, 1.0 s elapsed, about 4.0 s left",
      "\r\x1b[Ktrain: epoch 40 of 100 (40%), loss 0.1250, 1.2 s elapsed, about 1.8 s left",
    ]);
    line.clear();
    line.clear();
    expect(t.writes.slice(2)).toEqual(["\r\x1b[K"]);
  });

  it("in a log: one full line every five seconds, and nothing to erase", () => {
    const t = fakeTerminal(false);
    const line = new ProgressLine(t.stream, "iteration", t.now);
    for (let k = 1; k <= 12; k++) {
      t.advance(1000);
      line.update(k, 12, 0.1);
    }
    line.clear();
    expect(t.writes).toEqual([
      "train: iteration 5 of 12 (41%), loss 0.1000, 5.0 s elapsed, about 7.0 s left\n",
      "train: iteration 10 of 12 (83%), loss 0.1000, 10 s elapsed, about 2.0 s left\n",
    ]);
  });
});
