/**
 * Runs either tutorial as its original script did, or prints one JSON document for checking.
 *
 *   npm run --silent train -- gender [--seed N] [--epochs N] [--learn-rate X] [--json]
 *   npm run --silent train -- points [--seed N] [--iterations N] [--hidden N] [--json]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { LayeredNetwork, Network221, InputError, PARAM_NAMES_221, RandomState, checkSeed } from "..";
import { checkPositive, checkWhole } from "../core/validate";
import { genderDataset, newPeople, pointsDataset, shiftPerson, testPoint } from "../data";
import { formatNumpy } from "./numpy-format";

const USAGE = "usage: train gender|points [--seed N] [--epochs N] [--learn-rate X] [--iterations N] [--hidden N] [--json]";

/** The tutorials' own settings. */
const GENDER_DEFAULTS = { seed: 0, epochs: 1000, learnRate: 0.1 };
const POINTS_DEFAULTS = { seed: 1, iterations: 100_000, hidden: 4 };
/** Tutorial 1 prints the loss every 10 epochs; tutorial 2 reports progress in tenths. */
const GENDER_LOSS_EVERY = 10;
const POINTS_PROGRESS_STEPS = 10;

class UsageError extends Error {}

interface GenderArgs {
  seed: number;
  epochs: number;
  learnRate: number;
  json: boolean;
}

interface PointsArgs {
  seed: number;
  iterations: number;
  hidden: number;
  json: boolean;
}

export function main(argv: readonly string[], out: (line: string) => void): void {
  const [network, ...rest] = argv;
  if (network === "gender") runGender(parseGender(rest), out);
  else if (network === "points") runPoints(parsePoints(rest), out);
  else throw new UsageError(`network must be gender or points, got ${network === undefined ? "nothing" : JSON.stringify(network)} (${USAGE})`);
}

function parseGender(args: readonly string[]): GenderArgs {
  const { values } = parse(args, { seed: "string", epochs: "string", "learn-rate": "string", json: "boolean" });
  return {
    seed: checkSeed("--seed", numeric(values.seed) ?? GENDER_DEFAULTS.seed),
    epochs: checkWhole("--epochs", numeric(values.epochs) ?? GENDER_DEFAULTS.epochs, 0),
    learnRate: checkPositive("--learn-rate", numeric(values["learn-rate"]) ?? GENDER_DEFAULTS.learnRate),
    json: values.json === true,
  };
}

function parsePoints(args: readonly string[]): PointsArgs {
  const { values } = parse(args, { seed: "string", iterations: "string", hidden: "string", json: "boolean" });
  return {
    seed: checkSeed("--seed", numeric(values.seed) ?? POINTS_DEFAULTS.seed),
    iterations: checkWhole("--iterations", numeric(values.iterations) ?? POINTS_DEFAULTS.iterations, 0),
    hidden: checkWhole("--hidden", numeric(values.hidden) ?? POINTS_DEFAULTS.hidden, 1),
    json: values.json === true,
  };
}

function parse(args: readonly string[], spec: Record<string, "string" | "boolean">): { values: Record<string, string | boolean | undefined> } {
  const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
  // Join "--seed -1" into "--seed=-1" so a negative value reaches our own, clearer range check.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const takesValue = args[i]!.startsWith("--") && spec[args[i]!.slice(2)] === "string";
    if (takesValue && /^-\d/.test(args[i + 1] ?? "")) joined.push(`${args[i]}=${args[++i]}`);
    else joined.push(args[i]!);
  }
  try {
    return parseArgs({ args: joined, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!);
  }
}

/** A flag's text as a number when it reads as one, else the text itself, so the check's message quotes it. */
function numeric(text: string | boolean | undefined): unknown {
  return typeof text === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text) ? Number(text) : text;
}

function runGender(args: GenderArgs, out: (line: string) => void): void {
  const network = Network221.fromRandom(new RandomState(args.seed));
  const initial = network.params;
  const { inputs, labels } = genderDataset();
  const start = performance.now();
  const { losses } = network.train(inputs, labels, {
    epochs: args.epochs,
    learnRate: args.learnRate,
    lossAt: tutorialLossEpochs(args.epochs),
    // The tutorial numbers its epochs from 0 as it runs them: our epoch e (e passes done) is its "Epoch e − 1".
    onProgress: args.json ? undefined : ({ epoch, loss }) => out(`Epoch ${epoch - 1} loss: ${loss.toFixed(3)}`),
  });
  const trainMs = performance.now() - start;
  const predictions = Object.fromEntries(newPeople.map((p) => [p.name, network.feedforward(shiftPerson(p))]));

  if (args.json) {
    const ordered = (params: typeof initial) => Object.fromEntries(PARAM_NAMES_221.map((name) => [name, params[name]]));
    out(JSON.stringify({
      network: "gender",
      seed: args.seed,
      epochs: args.epochs,
      learnRate: args.learnRate,
      initial: ordered(initial),
      final: ordered(network.params),
      losses,
      predictions,
      trainMs,
    }));
    return;
  }
  for (const [name, prediction] of Object.entries(predictions)) out(`${name}: ${prediction.toFixed(3)}`);
  out(`Training time: ${trainMs.toFixed(1)} ms`);
}

/** Tutorial 1 prints the loss after the first pass and every 10th after it: epochs 1, 11, 21, … done. */
function tutorialLossEpochs(epochs: number): number[] {
  return Array.from({ length: Math.ceil(epochs / GENDER_LOSS_EVERY) }, (_, k) => k * GENDER_LOSS_EVERY + 1);
}

function runPoints(args: PointsArgs, out: (line: string) => void): void {
  const network = LayeredNetwork.fromRandom([2, args.hidden, 1], new RandomState(args.seed));
  const initial = layers(network);
  const { inputs, labels } = pointsDataset();
  const progressEvery = Math.max(1, Math.floor(args.iterations / POINTS_PROGRESS_STEPS));
  const printWeights = (): void => {
    const [layer1, layer2] = network.params.weights;
    out(`    Layer 1 (${args.hidden} neurons, each with 2 inputs): `);
    out(formatNumpy(layer1!));
    out(`    Layer 2 (1 neuron, with ${args.hidden} inputs):`);
    out(formatNumpy(layer2!));
  };

  if (!args.json) {
    out("Stage 1) Random starting synaptic weights: ");
    printWeights();
  }
  const start = performance.now();
  network.train(inputs, labels, {
    epochs: args.iterations,
    lossEvery: progressEvery,
    onProgress: args.json
      ? undefined
      : ({ epoch, fraction }) => {
          if (epoch < args.iterations) out(`Training: ${Math.floor(100 * fraction)} %`);
        },
  });
  const trainMs = performance.now() - start;
  const output = network.predict(testPoint)[0]!;

  if (args.json) {
    out(JSON.stringify({
      network: "points",
      seed: args.seed,
      iterations: args.iterations,
      hidden: args.hidden,
      initial,
      final: layers(network),
      test: { input: [...testPoint], output },
      trainMs,
    }));
    return;
  }
  out("Training complete - 100%!");
  out("Stage 2) New synaptic weights after training: ");
  printWeights();
  out(`Stage 3) Considering a new situation ${formatNumpy(testPoint, { integer: true })}`);
  out(formatNumpy([output]));
  out(`Training time: ${trainMs.toFixed(1)} ms`);
}

function layers(network: LayeredNetwork): { layer1: number[][]; layer2: number[][] } {
  const [layer1, layer2] = network.params.weights;
  return { layer1: layer1!, layer2: layer2! };
}

if (require.main === module) {
  // A reader that closes early (`| head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));
  try {
    main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`train: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
