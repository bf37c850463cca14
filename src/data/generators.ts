/**
 * Seeded two-class data sets for experiments beyond the tutorials, after TensorFlow Playground's: points in the
 * plane within about ±5, labelled 1 or 0. Randomness comes only from the generator passed in.
 */
import { InputError } from "../core/errors";
import type { Dataset } from "../core/model";
import { checkWhole } from "../core/validate";
import type { RandomState } from "../random/random-state";

export type { Dataset } from "../core/model";

export interface GeneratorOptions {
  /** How many points, split evenly between the two classes: 2 to {@link MAX_COUNT}. Default 200. */
  count?: number;
  /** Jitter as a fraction of the plane's half-width: 0 is clean, 0.5 very noisy. Default 0. */
  noise?: number;
}

export type DatasetName = "circle" | "xor" | "gaussian" | "spiral";

/** A generated data set, carrying the name of its generator for titles and tables. */
export interface GeneratedDataset extends Dataset {
  name: DatasetName;
}

const DEFAULT_COUNT = 200;
/** The most points a generator draws: ~10 MB of arrays, far more than a full-batch epoch in a notebook wants. */
export const MAX_COUNT = 100_000;
/** The plane's half-width: data lie in about [−5, 5]². */
const RADIUS = 5;

/** Label 1 inside a disc of radius 2.5, label 0 on a ring from 3.5 to 5 around it. */
export function circleDataset(rng: RandomState, options: GeneratorOptions = {}): GeneratedDataset {
  const { count, noise } = resolve(rng, options);
  return build("circle", count, (i) => {
    const inside = i % 2 === 0;
    const r = inside ? rng.uniform(0, RADIUS * 0.5) : rng.uniform(RADIUS * 0.7, RADIUS);
    const angle = rng.uniform(0, 2 * Math.PI);
    return [r * Math.sin(angle) + jitter(rng, noise), r * Math.cos(angle) + jitter(rng, noise), inside ? 1 : 0];
  });
}

/** Label 1 where x1 and x2 have the same sign, 0 where they differ; points keep 0.3 away from the axes. */
export function xorDataset(rng: RandomState, options: GeneratorOptions = {}): GeneratedDataset {
  const { count, noise } = resolve(rng, options);
  const PADDING = 0.3;
  return build("xor", count, (i) => {
    const label = i % 2 === 0 ? 1 : 0;
    const x1 = rng.uniform(-RADIUS, RADIUS);
    const x1Away = x1 + (x1 > 0 ? PADDING : -PADDING);
    const sameSign = label === 1;
    const x2 = (rng.uniform(0, RADIUS) + PADDING) * ((x1 > 0) === sameSign ? 1 : -1);
    return [x1Away + jitter(rng, noise), x2 + jitter(rng, noise), label];
  });
}

/** Two Gaussian blobs: label 1 around (2, 2), label 0 around (−2, −2); noise widens them. */
export function gaussianDataset(rng: RandomState, options: GeneratorOptions = {}): GeneratedDataset {
  const { count, noise } = resolve(rng, options);
  const spread = 1 + 2 * noise;
  return build("gaussian", count, (i) => {
    const centre = i % 2 === 0 ? 2 : -2;
    return [rng.normal(centre, spread), rng.normal(centre, spread), i % 2 === 0 ? 1 : 0];
  });
}

/** Two interleaved spirals of 1.75 turns each: label 1 on one arm, 0 on the other. */
export function spiralDataset(rng: RandomState, options: GeneratorOptions = {}): GeneratedDataset {
  const { count, noise } = resolve(rng, options);
  const perArm = Math.ceil(count / 2);
  return build("spiral", count, (i) => {
    const arm = i % 2;
    const k = Math.floor(i / 2);
    const r = (k / perArm) * RADIUS;
    const t = ((1.75 * k) / perArm) * 2 * Math.PI + arm * Math.PI;
    return [r * Math.sin(t) + jitter(rng, noise), r * Math.cos(t) + jitter(rng, noise), arm === 0 ? 1 : 0];
  });
}

const generators: Readonly<Record<DatasetName, (rng: RandomState, options?: GeneratorOptions) => GeneratedDataset>> = {
  circle: circleDataset,
  xor: xorDataset,
  gaussian: gaussianDataset,
  spiral: spiralDataset,
};

/** Any of the generated data sets by name. */
export function generateDataset(name: DatasetName, rng: RandomState, options: GeneratorOptions = {}): GeneratedDataset {
  // Own keys only: "constructor" or "toString" are keys of every object, not data sets.
  if (typeof name !== "string" || !Object.hasOwn(generators, name)) {
    throw new InputError("name", name, `one of ${Object.keys(generators).join(", ")}`);
  }
  return generators[name](rng, options);
}

function resolve(rng: RandomState, options: GeneratorOptions): { count: number; noise: number } {
  if (rng === null || typeof rng !== "object" || typeof rng.uniform !== "function" || typeof rng.normal !== "function") {
    throw new InputError("rng", rng, "a RandomState, e.g. new RandomState(0)");
  }
  if (options === null || typeof options !== "object") throw new InputError("options", options, "an object { count?, noise? }");
  const { count = DEFAULT_COUNT, noise = 0 } = options;
  checkWhole("count", count, 2, MAX_COUNT);
  if (typeof noise !== "number" || !Number.isFinite(noise) || noise < 0 || noise > 1) {
    throw new InputError("noise", noise, "a number in [0, 1]");
  }
  return { count, noise };
}

function jitter(rng: RandomState, noise: number): number {
  return noise === 0 ? 0 : rng.uniform(-RADIUS, RADIUS) * noise;
}

function build(name: DatasetName, count: number, point: (i: number) => [number, number, number]): GeneratedDataset {
  const inputs: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const [x1, x2, label] = point(i);
    inputs.push([x1, x2]);
    labels.push(label);
  }
  return { name, inputs, labels };
}
