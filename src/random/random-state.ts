import { InputError } from "../core/errors";
import { checkFinite } from "../core/validate";

/** MT19937's state size and recurrence offset. */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
/** Knuth's multiplier in MT19937's integer seeding (`init_genrand`). */
const SEED_MULTIPLIER = 1812433253;
const MAX_SEED = 0xffffffff;
/** 2^26 and 2^53: two draws give a 53-bit double, as NumPy's `random_sample` does. */
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** Throws unless `seed` is what `np.random.seed` accepts: an integer in [0, 2^32 − 1]. */
export function checkSeed(parameter: string, seed: unknown): number {
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InputError(parameter, seed, "an integer in [0, 2^32 - 1]");
  }
  return seed;
}

/**
 * NumPy's legacy generator (`np.random.RandomState`, what `np.random.seed(n)` seeds): the Mersenne Twister MT19937,
 * seeded from one 32-bit integer. The same seed gives the same stream of numbers as NumPy, so seeded runs here
 * reproduce the tutorials' printed numbers.
 */
export class RandomState {
  private readonly mt = new Uint32Array(N);
  private index = N;
  /** The polar method makes normals in pairs; the second waits here, as in NumPy's legacy `gauss`. */
  private cachedGauss: number | null = null;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** Restarts the stream, like `np.random.seed(seed)`. `seed` is an integer in [0, 2^32 − 1]. */
  seed(seed: number): void {
    checkSeed("seed", seed);
    const mt = this.mt;
    mt[0] = seed;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = Math.imul(SEED_MULTIPLIER, prev ^ (prev >>> 30)) + i;
    }
    this.index = N;
    this.cachedGauss = null;
  }

  /** The next raw 32-bit output, an integer with 0 <= r <= 2^32 − 1. */
  randomUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double with 0.0 <= r < 1.0 and 53 random bits, like `np.random.random_sample()`. */
  random(): number {
    const a = this.randomUint32() >>> 5;
    const b = this.randomUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  /** A double with low <= r < high, like `np.random.uniform(low, high)`. */
  uniform(low = 0, high = 1): number {
    checkFinite("low", low);
    checkFinite("high", high);
    return low + (high - low) * this.random();
  }

  /** A normal draw with mean `loc` and standard deviation `scale` ≥ 0, like `np.random.normal(loc, scale)`. */
  normal(loc = 0, scale = 1): number {
    checkFinite("loc", loc);
    if (typeof scale !== "number" || !Number.isFinite(scale) || scale < 0) {
      throw new InputError("scale", scale, "a finite number >= 0");
    }
    return loc + scale * this.gauss();
  }

  /** A standard normal by the polar Box–Muller method, returning the cached second value of each pair first. */
  private gauss(): number {
    if (this.cachedGauss !== null) {
      const cached = this.cachedGauss;
      this.cachedGauss = null;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.random() - 1;
      x2 = 2 * this.random() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.cachedGauss = f * x1;
    return f * x2;
  }

  /** Refills the state with the next 624 words (MT19937's recurrence). */
  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i]! & UPPER_MASK) | (mt[(i + 1) % N]! & LOWER_MASK);
      mt[i] = mt[(i + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }
}
