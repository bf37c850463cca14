/**
 * Runs either tutorial as its original script did, or prints one JSON document for checking.
 *
 *   npm run --silent train -- gender [--seed N] [--epochs N] [--learn-rate X] [--json] [--quiet]
 *   npm run --silent train -- points [--seed N] [--iterations N] [--hidden N] [--learn-rate X] [--json] [--quiet]
 *   npm run --silent train -- --help
 *
 * stdout carries only the tutorial's text (or the JSON document); a progress line for long runs and every
 * complaint go to stderr. Exit status 0 when training ran, 2 for a bad argument or a run that stalled or diverged.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { LayeredNetwork, Network221, InputError, PARAM_NAMES_221, RandomState, checkSeed, type TrainingRun } from "..";
import { checkPositive, checkWhole } from "../core/validate";
import { genderDataset, newPeople, pointsDataset, shiftPerson, testPoint } from "../data";
import { formatNumpy } from "./numpy-format";
import { ProgressLine, type ProgressStream } from "./progress";

const USAGE = "usage: train gender|points [flags], train --help lists them";
/** Flags only one of the two networks takes, so that giving one to the other can say which it belongs to. */
const ONE_NETWORK_FLAGS: Record<string, string> = { epochs: "gender", iterations: "points", hidden: "points" };

const HELP = `usage: train gender [--seed N] [--epochs N] [--learn-rate X] [--json] [--quiet]
       train points [--seed N] [--iterations N] [--hidden N] [--learn-rate X] [--json] [--quiet]

Runs tutorial 1 (gender: the 2-2-1 network on four people) or tutorial 2 (points: a 2-N-1 network on
15 points) as its script did, printing what the script printed; --json prints one JSON document instead.

  --seed N         NumPy seed for the starting weights (gender 0, points 1)
  --epochs N       gender: passes over the four people (1000; at most 10000000)
  --iterations N   points: full-batch updates (100000; at most 10000000)
  --hidden N       points: hidden neurons (4; at most 1000)
  --learn-rate X   step size (gender 0.1, points 1)
  --json           one JSON document on stdout instead of the tutorial's text
  --quiet          no progress line on stderr during long runs
  -h, --help       this help

Exit status: 0 trained, 2 a bad flag, or training stalled or diverged (a smaller --learn-rate helps).`;

/** The tutorials' own settings. */
const GENDER_DEFAULTS = { seed: 0, epochs: 1000, learnRate: 0.1 };
const POINTS_DEFAULTS = { seed: 1, iterations: 100_000, hidden: 4, learnRate: 1 };
/** Tutorial 1 prints the loss every 10 epochs; tutorial 2 reports progress in tenths. */
const GENDER_LOSS_EVERY = 10;
const POINTS_PROGRESS_STEPS = 10;

/**
 * Bounds that keep a typo from running for hours or filling memory: gender keeps a loss every 10 epochs (a million
 * at most), points prints every weight of its 2-N-1 network (and trains it 100,000 times by default).
 */
const MAX_EPOCHS = 10_000_000;
const MAX_HIDDEN = 1000;

/** Epochs run between two looks at the clock and the loss. */
const CHUNK = 100;
/**
 * A loss that did not change in its last bit over a whole chunk has stalled: every update was exactly zero, so
 * every later one will be too. Below this loss the network has simply learnt the data; above it, its sigmoids are
 * stuck at exactly 0 or 1, where their slope is 0 (what a far too large learn rate does; no loss becomes NaN).
 */
const LEARNT_LOSS = 1e-9;

class UsageError extends Error {}

/** What goes to stderr and how time is read; tests pass their own. */
export interface Terminal {
  stderr?: ProgressStream;
  now?: () => number;
}

interface CommonArgs {
  seed: number;
  learnRate: number;
  json: boolean;
  quiet: boolean;
}

interface GenderArgs extends CommonArgs {
  epochs: number;
}

interface PointsArgs extends CommonArgs {
  iterations: number;
  hidden: number;
}

/** Runs the command for `argv` (without node and the script), writing stdout's lines to `out`. */
export function main(argv: readonly string[], out: (line: string) => void, terminal: Terminal = {}): void {
  if (argv.includes("--help") || argv.includes("-h")) {
    out(HELP);
    return;
  }
  const [network, ...rest] = argv;
  if (network === "gender") runGender(parseGender(rest), out, terminal);
  else if (network === "points") runPoints(parsePoints(rest), out, terminal);
  else throw new UsageError(`network must be gender or points, got ${network === undefined ? "nothing" : JSON.stringify(network)} (${USAGE})`);
}

function parseGender(args: readonly string[]): GenderArgs {
  const values = parse(args, { seed: "string", epochs: "string", "learn-rate": "string", json: "boolean", quiet: "boolean" });
  return {
    seed: checkSeed("--seed", numeric(values.seed) ?? GENDER_DEFAULTS.seed),
    epochs: checkWhole("--epochs", numeric(values.epochs) ?? GENDER_DEFAULTS.epochs, 0, MAX_EPOCHS),
    learnRate: checkPositive("--learn-rate", numeric(values["learn-rate"]) ?? GENDER_DEFAULTS.learnRate),
    json: values.json === true,
    quiet: values.quiet === true,
  };
}

function parsePoints(args: readonly string[]): PointsArgs {
  const values = parse(args, {
    seed: "string",
    iterations: "string",
    hidden: "string",
    "learn-rate": "string",
    json: "boolean",
    quiet: "boolean",
  });
  return {
    seed: checkSeed("--seed", numeric(values.seed) ?? POINTS_DEFAULTS.seed),
    iterations: checkWhole("--iterations", numeric(values.iterations) ?? POINTS_DEFAULTS.iterations, 0, MAX_EPOCHS),
    hidden: checkWhole("--hidden", numeric(values.hidden) ?? POINTS_DEFAULTS.hidden, 1, MAX_HIDDEN, "the command prints every weight"),
    learnRate: checkPositive("--learn-rate", numeric(values["learn-rate"]) ?? POINTS_DEFAULTS.learnRate),
    json: values.json === true,
    quiet: values.quiet === true,
  };
}

function parse(args: readonly string[], spec: Record<string, "string" | "boolean">): Record<string, string | boolean | undefined> {
  const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
  // Join "--seed -1" into "--seed=-1" so a negative value reaches our own, clearer range check.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.startsWith("--") ? args[i]!.slice(2) : "";
    const takesValue = Object.hasOwn(spec, name) && spec[name] === "string";
    if (takesValue && /^-\d/.test(args[i + 1] ?? "")) joined.push(`${args[i]}=${args[++i]}`);
    else joined.push(args[i]!);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joined, options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    const unknown = /^Unknown option '--([^']+)'/.exec((error as Error).message)?.[1];
    if (unknown !== undefined && Object.hasOwn(ONE_NETWORK_FLAGS, unknown)) {
      throw new UsageError(`--${unknown} is a flag of train ${ONE_NETWORK_FLAGS[unknown]} only (${USAGE})`);
    }
    throw new UsageError(`${(error as Error).message.split("\n")[0]!} (${USAGE})`);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once; give each flag once`);
    seen.add(token.name);
  }
  return parsed.values as Record<string, string | boolean | undefined>;
}

/** A flag's text as a number when it reads as one, else the text itself, so the check's message quotes it. */
function numeric(text: string | boolean | undefined): unknown {
  return typeof text === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text) ? Number(text) : text;
}

/** The progress line for this run, or null when asked to be quiet or there is no stderr. */
function progressLine(args: CommonArgs, terminal: Terminal, unit: string): ProgressLine | null {
  if (args.quiet || terminal.stderr === undefined) return null;
  return new ProgressLine(terminal.stderr, unit, terminal.now ?? (() => performance.now()));
}

/** `out` that first erases a progress line redrawn on the same terminal. */
function sharing(out: (line: string) => void, progress: ProgressLine | null): (line: string) => void {
  return progress === null ? out : (line) => {
    progress.clear();
    out(line);
  };
}

/**
 * Runs training to its end CHUNK epochs at a time, drawing the progress line between chunks. Stops with an error
 * when the loss stalls (see LEARNT_LOSS); a loss that becomes NaN or infinite stops it in the library.
 */
function trainInChunks<P>(run: TrainingRun<P>, loss: () => number, progress: ProgressLine | null, unit: string, tutorialRate: number): void {
  let before = loss();
  try {
    while (!run.done) {
      const from = run.epoch;
      run.advance(CHUNK);
      const after = loss();
      if (after === before && after > LEARNT_LOSS) {
        throw new UsageError(
          `training stalled: the loss stayed exactly ${after.toPrecision(4)} from ${unit} ${from} to ${run.epoch} with ` +
            `--learn-rate ${run.config.learnRate}, the sigmoids stuck at 0 or 1 where their slope is 0; ` +
            `try a smaller --learn-rate (the tutorial's is ${tutorialRate})`,
        );
      }
      before = after;
      progress?.update(run.epoch, run.config.epochs, after);
    }
  } finally {
    progress?.clear();
  }
}

function runGender(args: GenderArgs, out: (line: string) => void, terminal: Terminal): void {
  const network = Network221.fromRandom(new RandomState(args.seed));
  const initial = network.params;
  const { inputs, labels } = genderDataset();
  const progress = progressLine(args, terminal, "epoch");
  const print = sharing(out, progress);
  const start = performance.now();
  const run = network.startTraining(inputs, labels, {
    epochs: args.epochs,
    learnRate: args.learnRate,
    lossAt: tutorialLossEpochs(args.epochs),
    // The tutorial numbers its epochs from 0 as it runs them: our epoch e (e passes done) is its "Epoch e − 1".
    onProgress: args.json ? undefined : ({ epoch, loss }) => print(`Epoch ${epoch - 1} loss: ${loss.toFixed(3)}`),
  });
  trainInChunks(run, () => network.loss(inputs, labels), progress, "epoch", GENDER_DEFAULTS.learnRate);
  const { losses } = run.result();
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

function runPoints(args: PointsArgs, out: (line: string) => void, terminal: Terminal): void {
  const network = LayeredNetwork.fromRandom([2, args.hidden, 1], new RandomState(args.seed));
  const initial = layers(network);
  const { inputs, labels } = pointsDataset();
  const progress = progressLine(args, terminal, "iteration");
  const print = sharing(out, progress);
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
  const run = network.startTraining(inputs, labels, {
    epochs: args.iterations,
    learnRate: args.learnRate,
    lossEvery: progressEvery,
    onProgress: args.json
      ? undefined
      : ({ epoch, fraction }) => {
          if (epoch < args.iterations) print(`Training: ${Math.floor(100 * fraction)} %`);
        },
  });
  trainInChunks(run, () => network.loss(inputs, labels), progress, "iteration", POINTS_DEFAULTS.learnRate);
  const trainMs = performance.now() - start;
  const output = network.predict(testPoint)[0]!;

  if (args.json) {
    out(JSON.stringify({
      network: "points",
      seed: args.seed,
      iterations: args.iterations,
      hidden: args.hidden,
      learnRate: args.learnRate,
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
    main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), { stderr: process.stderr });
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`train: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
