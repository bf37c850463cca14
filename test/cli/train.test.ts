import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main, type Terminal } from "../../src/cli/train";
import { assertAllInDelta, assertInDelta } from "../assert";
import oracleGender from "../fixtures/oracle-gender-seed7.json";
import oraclePoints from "../fixtures/oracle-points-seed3.json";

const ROOT = path.resolve(__dirname, "../..");

function run(...argv: string[]): string[] {
  const lines: string[] = [];
  main(argv, (line) => lines.push(line));
  return lines;
}

/**
 * Runs the command with a fake stderr and a clock that moves `msPerLook` each time it is read; returns stdout's
 * lines, stderr's writes, and both in the order they happened.
 */
function runWithTerminal(isTTY: boolean, msPerLook: number, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const events: { stream: "out" | "err"; text: string }[] = [];
  let time = 0;
  const terminal: Terminal = {
    stderr: { isTTY, write: (text) => (stderr.push(text), events.push({ stream: "err", text })) },
    now: () => (time += msPerLook),
  };
  main(argv, (line) => (stdout.push(line), events.push({ stream: "out", text: line })), terminal);
  return { stdout, stderr, events };
}

/** The lines without their timings, which differ from run to run. */
const untimed = (lines: string[]) => lines.map((line) => line.replace(/^Training time: .*/, "Training time"));

describe("train gender", () => {
  it("prints the loss every 10 epochs like the tutorial, then Emily's and Frank's predictions", () => {
    const lines = run("gender");
    expect(lines[0]).toBe("Epoch 0 loss: 0.352");
    expect(lines.filter((l) => l.startsWith("Epoch "))).toHaveLength(100);
    expect(lines[99]).toMatch(/^Epoch 990 loss: 0\.00\d$/);
    expect(lines[100]).toBe("Emily: 0.946");
    expect(lines[101]).toBe("Frank: 0.040");
    expect(lines[102]).toMatch(/^Training time: \d+\.\d ms$/);
  });

  it("--json prints one document that agrees with the tutorial's NumPy code", () => {
    const lines = run("gender", "--json", "--seed", "7", "--epochs", "300", "--learn-rate", "0.25");
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!);
    expect(Object.keys(doc)).toEqual(["network", "seed", "epochs", "learnRate", "initial", "final", "losses", "predictions", "trainMs"]);
    expect(doc).toMatchObject({ network: "gender", seed: 7, epochs: 300, learnRate: 0.25 });
    expect(doc.initial).toEqual(oracleGender.initial);
    expect(Object.keys(doc.final)).toEqual(Object.keys(oracleGender.final));
    assertAllInDelta(Object.values(doc.final), Object.values(oracleGender.final), 1e-9);
    assertAllInDelta(doc.losses.map((p: { loss: number }) => p.loss), oracleGender.losses.map((p) => p.loss), 1e-9);
    assertInDelta(doc.predictions.Emily, oracleGender.predictions.Emily, 1e-9);
    expect(doc.trainMs).toBeGreaterThanOrEqual(0);
  });
});

describe("train points", () => {
  it("prints the tutorial's three stages", () => {
    const lines = run("points", "--iterations", "100000");
    expect(lines.slice(0, 8)).toEqual([
      "Stage 1) Random starting synaptic weights: ",
      "    Layer 1 (4 neurons, each with 2 inputs): ",
      "[[-0.16595599  0.44064899 -0.99977125 -0.39533485]\n [-0.70648822 -0.81532281 -0.62747958 -0.30887855]]",
      "    Layer 2 (1 neuron, with 4 inputs):",
      "[[-0.20646505]\n [ 0.07763347]\n [-0.16161097]\n [ 0.370439  ]]",
      "Training: 0 %",
      "Training: 10 %",
      "Training: 20 %",
    ]);
    expect(lines.slice(14, 23)).toEqual([
      "Training: 90 %",
      "Training complete - 100%!",
      "Stage 2) New synaptic weights after training: ",
      "    Layer 1 (4 neurons, each with 2 inputs): ",
      "[[-3.97185157  4.66297249 -5.25188655  1.39753303]\n [ 1.35299999 -1.57439556  1.76665557 -0.71676559]]",
      "    Layer 2 (1 neuron, with 4 inputs):",
      "[[ -7.20493687]\n [  6.57701463]\n [-11.30181144]\n [  0.89289527]]",
      "Stage 3) Considering a new situation [ 2 -3]",
      "[0.99942671]",
    ]);
  });

  it("--json prints one document that agrees with the tutorial's NumPy code", () => {
    const lines = run("points", "--json", "--seed", "3", "--iterations", "20000", "--hidden", "6");
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!);
    expect(Object.keys(doc)).toEqual(["network", "seed", "iterations", "hidden", "learnRate", "initial", "final", "test", "trainMs"]);
    expect(doc.learnRate).toBe(1);
    expect(doc.initial).toEqual(oraclePoints.initial);
    assertAllInDelta([doc.final.layer1, doc.final.layer2], [oraclePoints.final.layer1, oraclePoints.final.layer2], 1e-9);
    expect(doc.test.input).toEqual([2, -3]);
    assertInDelta(doc.test.output, oraclePoints.test.output, 1e-9);
  });
});

describe("bad arguments", () => {
  /** The message main() throws for `argv` (the command prints it after "train: " and exits 2). */
  function failure(...argv: string[]): string {
    try {
      main(argv, () => {});
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`train ${argv.join(" ")} did not fail`);
  }

  it("each gives one line naming the flag, the value and what was expected", () => {
    const cases: [string[], string][] = [
      [["gender", "--seed", "-1"], "--seed must be an integer in [0, 2^32 - 1], got -1"],
      [["gender", "--seed", "1.5"], "--seed must be an integer in [0, 2^32 - 1], got 1.5"],
      [["gender", "--epochs", "1.5"], "--epochs must be a whole number in [0, 10000000], got 1.5"],
      [["gender", "--epochs", "Infinity"], '--epochs must be a whole number in [0, 10000000], got "Infinity"'],
      [["gender", "--learn-rate", "fast"], '--learn-rate must be a finite number > 0, got "fast"'],
      [["gender", "--learn-rate", "-0.1"], "--learn-rate must be a finite number > 0, got -0.1"],
      [["gender", "--learn-rate", "1e999"], "--learn-rate must be a finite number > 0, got Infinity"],
      [["points", "--learn-rate", "0"], "--learn-rate must be a finite number > 0, got 0"],
      [["points", "--hidden", "0"], "--hidden must be a whole number in [1, 1000], got 0 (the command prints every weight)"],
      [["points", "--hidden", "1e7"], "--hidden must be a whole number in [1, 1000], got 10000000 (the command prints every weight)"],
      [["points", "--iterations", "1e8"], "--iterations must be a whole number in [0, 10000000], got 100000000"],
      [["gender", "--epochs", "1e12"], "--epochs must be a whole number in [0, 10000000], got 1000000000000"],
      [["gender", "--seed", "1", "--seed=2"], "--seed is given more than once; give each flag once"],
      [["points", "--json", "--quiet", "--json"], "--json is given more than once; give each flag once"],
      [["gender", "--iterations", "5"], "--iterations is a flag of train points only (usage: train gender|points [flags], train --help lists them)"],
      [["points", "--epochs", "5"], "--epochs is a flag of train gender only (usage: train gender|points [flags], train --help lists them)"],
      [["gender", "--constructor", "5"], "Unknown option '--constructor' (usage: train gender|points [flags], train --help lists them)"],
      [["gender", "--json=yes"], "Option '--json' does not take an argument (usage: train gender|points [flags], train --help lists them)"],
      [["gender", "--seed"], "Option '--seed <value>' argument missing (usage: train gender|points [flags], train --help lists them)"],
      [["gender", "extra"], "Unexpected argument 'extra'. This command does not take positional arguments (usage: train gender|points [flags], train --help lists them)"],
      [["cats"], 'network must be gender or points, got "cats" (usage: train gender|points [flags], train --help lists them)'],
      [[], "network must be gender or points, got nothing (usage: train gender|points [flags], train --help lists them)"],
      [["--seed", "1", "gender"], 'network must be gender or points, got "--seed" (usage: train gender|points [flags], train --help lists them)'],
    ];
    for (const [argv, message] of cases) {
      const start = performance.now();
      expect(failure(...argv), argv.join(" ")).toBe(message);
      expect(performance.now() - start, `${argv.join(" ")} fails before training`).toBeLessThan(1000);
    }
  });
});

// Each run starts ts-node (~1 s, more on a busy machine), hence few runs and long timeouts.
describe("the train command", { timeout: 120_000 }, () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", "src/cli/train.ts", ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });

  it("exits 2 with one line on stderr naming the bad argument, no stack trace and nothing on stdout", () => {
    const result = cli("points", "--hidden", "1e7");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("train: --hidden must be a whole number in [1, 1000], got 10000000 (the command prints every weight)\n");
    expect(result.stdout).toBe("");
  });

  it("--help prints the usage on stdout and exits 0", () => {
    const result = cli("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: train gender/);
    expect(result.stderr).toBe("");
  });

  it("a stalled run exits 2 with one line on stderr naming the epoch and the learn rate", () => {
    const result = cli("points", "--learn-rate", "1e300", "--json");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^train: training stalled: .* from iteration 100 to 200 with --learn-rate 1e\+300, .*try a smaller --learn-rate .*\n$/);
    expect(result.stderr.split("\n")).toHaveLength(2);
  });

  it("--json writes exactly one JSON document to stdout, and a short run nothing to stderr", () => {
    const result = cli("points", "--json", "--iterations", "10");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).iterations).toBe(10);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toBe("");
  });
});

describe("train --help", () => {
  it("prints the usage of both networks and every flag, with their defaults and bounds", () => {
    for (const argv of [["--help"], ["-h"], ["points", "--hidden", "3", "--help"]]) {
      const [help, ...more] = run(...argv);
      expect(more).toEqual([]);
      expect(help).toMatch(/^usage: train gender \[--seed N\]/);
      for (const flag of ["--seed", "--epochs", "--iterations", "--hidden", "--learn-rate", "--json", "--quiet", "--help"]) {
        expect(help).toContain(flag);
      }
      expect(help).toContain("at most 1000");
    }
  });
});

describe("training that stalls or diverges", () => {
  it("a huge learn rate saturates the sigmoids: the loss stops changing, and the command says so naming the epoch and the rate", () => {
    expect(() => run("gender", "--learn-rate", "1e300")).toThrow(
      "training stalled: the loss stayed exactly 0.5000 from epoch 100 to 200 with --learn-rate 1e+300, " +
        "the sigmoids stuck at 0 or 1 where their slope is 0; try a smaller --learn-rate (the tutorial's is 0.1)",
    );
    expect(() => run("points", "--learn-rate", "1e308", "--json")).toThrow(
      /^training stalled: the loss stayed exactly 0\.06667 from iteration 100 to 200 with --learn-rate 1e\+308, .*the tutorial's is 1\)$/,
    );
  });

  it("a large learn rate that still learns is not a stall", () => {
    const [line] = run("gender", "--learn-rate", "30", "--epochs", "2000", "--json");
    expect(JSON.parse(line!).losses.at(-1).loss).toBeLessThan(1e-4);
  });
});

describe("the progress line", () => {
  it("on a terminal is redrawn on stderr and erased before each stdout line; stdout is exactly what it is without it", () => {
    const plain = run("gender", "--epochs", "3000");
    const { stdout, stderr, events } = runWithTerminal(true, 100, "gender", "--epochs", "3000");
    expect(untimed(stdout)).toEqual(untimed(plain));
    const drawn = stderr.filter((text) => text !== "\r\x1b[K");
    expect(drawn.length).toBeGreaterThan(5);
    for (const text of drawn) expect(text).toMatch(/^\r\x1b\[Ktrain: epoch \d+ of 3000 \(\d+%\), loss [\d.e-]+, [\d.]+ s elapsed, about .+ left$/);
    let shown = false;
    for (const { stream, text } of events) {
      if (stream === "out") expect(shown, `stdout line "${text}" written over the progress line`).toBe(false);
      else shown = text !== "\r\x1b[K";
    }
    expect(shown, "the progress line is erased at the end").toBe(false);
  });

  it("in a log is a full line every few seconds, and --json's one document on stdout is unchanged", () => {
    const { stdout, stderr } = runWithTerminal(false, 1000, "points", "--iterations", "2000", "--json");
    expect(stdout).toHaveLength(1);
    const doc = JSON.parse(stdout[0]!);
    const [plain] = run("points", "--iterations", "2000", "--json");
    expect({ ...doc, trainMs: 0 }).toEqual({ ...JSON.parse(plain!), trainMs: 0 });
    expect(stderr.length).toBeGreaterThanOrEqual(3);
    for (const line of stderr) expect(line).toMatch(/^train: iteration \d+ of 2000 \(\d+%\), loss .*\n$/);
  });

  it("--quiet turns it off, and a short run draws none", () => {
    expect(runWithTerminal(true, 1000, "gender", "--epochs", "3000", "--quiet").stderr).toEqual([]);
    expect(runWithTerminal(false, 1000, "points", "--iterations", "2000", "--quiet").stderr).toEqual([]);
    expect(runWithTerminal(true, 1, "gender").stderr).toEqual([]);
  });
});
