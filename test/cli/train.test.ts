import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/train";
import { assertAllInDelta, assertInDelta } from "../assert";
import oracleGender from "../fixtures/oracle-gender-seed7.json";
import oraclePoints from "../fixtures/oracle-points-seed3.json";

const ROOT = path.resolve(__dirname, "../..");

function run(...argv: string[]): string[] {
  const lines: string[] = [];
  main(argv, (line) => lines.push(line));
  return lines;
}

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
    expect(Object.keys(doc)).toEqual(["network", "seed", "iterations", "hidden", "initial", "final", "test", "trainMs"]);
    expect(doc.initial).toEqual(oraclePoints.initial);
    assertAllInDelta([doc.final.layer1, doc.final.layer2], [oraclePoints.final.layer1, oraclePoints.final.layer2], 1e-9);
    expect(doc.test.input).toEqual([2, -3]);
    assertInDelta(doc.test.output, oraclePoints.test.output, 1e-9);
  });
});

// Each run starts ts-node (~1 s), hence the longer timeouts.
describe("the train command", { timeout: 60_000 }, () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", "src/cli/train.ts", ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });

  it("exits 2 with one line naming the bad argument, and no stack trace", () => {
    const cases: [string[], string][] = [
      [["gender", "--seed", "-1"], "train: --seed must be an integer in [0, 2^32 - 1], got -1\n"],
      [["gender", "--epochs", "1.5"], "train: --epochs must be a whole number >= 0, got 1.5\n"],
      [["gender", "--learn-rate", "fast"], 'train: --learn-rate must be a finite number > 0, got "fast"\n'],
      [["points", "--hidden", "0"], "train: --hidden must be a whole number >= 1, got 0\n"],
    ];
    for (const [args, stderr] of cases) {
      const result = cli(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toBe(stderr);
      expect(result.stdout).toBe("");
    }
    const unknown = cli("gender", "--iterations", "5");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknown.stderr).toContain("--iterations");
    expect(cli("cats").stderr).toMatch(/^train: network must be gender or points, got "cats"/);
  });

  it("--json writes exactly one JSON document to stdout", () => {
    const result = cli("points", "--json", "--iterations", "10");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).iterations).toBe(10);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
  });
});
