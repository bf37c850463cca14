/**
 * NumPy's `print(array)` for 1-D and 2-D arrays of numbers, so the command line prints the tutorials' tables
 * exactly as their scripts did. A port of numpy's array2string with its defaults: precision 8, floatmode
 * "maxprec", line width 75, sign only for negatives.
 */

/** NumPy's default print options. */
const PRECISION = 8;
const LINE_WIDTH = 75;
/** Fixed-point notation unless values are this large, or this small, or spread over more than a factor of 1000. */
const EXP_ABOVE = 1e8;
const EXP_BELOW = 1e-4;
const EXP_RATIO = 1000;

export type NumpyArray = readonly number[] | readonly (readonly number[])[];

/** `print(np.array(values))` for a float array (or an integer array, with `integer: true`). */
export function formatNumpy(values: NumpyArray, options: { integer?: boolean } = {}): string {
  const flat = (values as readonly (number | readonly number[])[]).flatMap((v) => (typeof v === "number" ? [v] : [...v]));
  const format = options.integer ? integerFormatter(flat) : floatFormatter(flat);
  return formatArray(values, format);
}

function integerFormatter(values: readonly number[]): (x: number) => string {
  const width = Math.max(...values.map((v) => String(v).length));
  return (x) => String(x).padStart(width);
}

function floatFormatter(values: readonly number[]): (x: number) => string {
  const nonZero = values.filter((v) => v !== 0).map(Math.abs);
  const max = nonZero.length ? Math.max(...nonZero) : 0;
  const min = nonZero.length ? Math.min(...nonZero) : 0;
  const exponential = nonZero.length > 0 && (max >= EXP_ABOVE || min < EXP_BELOW || max / min > EXP_RATIO);
  return exponential ? scientificFormatter(values) : positionalFormatter(values);
}

/** Shortest digits that identify x, cut to 8 decimals, trailing zeros trimmed but the point kept ("1."). */
function positional(x: number): string {
  const shortest = String(x);
  const decimals = shortest.split(".")[1]?.length ?? 0;
  let s = decimals <= PRECISION ? shortest : x.toFixed(PRECISION).replace(/0+$/, "");
  if (!s.includes(".")) s += ".";
  return s;
}

function positionalFormatter(values: readonly number[]): (x: number) => string {
  const parts = values.map((v) => positional(v).split("."));
  const padLeft = Math.max(...parts.map(([int]) => int!.length));
  const padRight = Math.max(...parts.map(([, frac]) => frac!.length));
  return (x) => {
    const [int, frac] = positional(x).split(".");
    return `${int!.padStart(padLeft)}.${frac!.padEnd(padRight)}`;
  };
}

/** Shortest digits in scientific notation, cut to 8 decimals: [mantissa integer, fraction, exponent]. */
function scientific(x: number): [string, string, number] {
  const shortest = x.toExponential();
  const [mantissa, exponent] = (shortest.split("e")[0]!.split(".")[1]?.length ?? 0) <= PRECISION
    ? shortest.split("e")
    : x.toExponential(PRECISION).split("e");
  const [int, frac = ""] = mantissa!.split(".");
  return [int!, frac.replace(/0+$/, ""), Number(exponent)];
}

function scientificFormatter(values: readonly number[]): (x: number) => string {
  const parts = values.map(scientific);
  const padLeft = Math.max(...parts.map(([int]) => int.length));
  const digits = Math.max(...parts.map(([, frac]) => frac.length));
  const expDigits = Math.max(2, ...parts.map(([, , e]) => String(Math.abs(e)).length));
  return (x) => {
    const [int, frac, e] = scientific(x);
    const exponent = `e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(expDigits, "0")}`;
    return `${int.padStart(padLeft)}.${frac.padEnd(digits, "0")}${exponent}`;
  };
}

/** numpy's `_formatArray`: brackets, a space between elements, rows on their own lines, wrapping at 75 columns. */
function formatArray(values: NumpyArray, format: (x: number) => string): string {
  const recurse = (value: number | readonly (number | readonly number[])[], indent: string, width: number): string => {
    if (typeof value === "number") return format(value);
    const nextIndent = `${indent} `;
    let s = "";
    if (value.length > 0 && typeof value[0] === "number") {
      const elementWidth = width - 1;
      let line = indent;
      value.forEach((element, i) => {
        const word = recurse(element, nextIndent, width - 1);
        const needsWrap = line.length + word.length > elementWidth && line.length > indent.length;
        if (needsWrap) {
          s += `${line.trimEnd()}\n`;
          line = indent;
        }
        line += word;
        if (i < value.length - 1) line += " ";
      });
      s += line;
    } else {
      s = value.map((row) => indent + recurse(row, nextIndent, width - 1)).join("\n");
    }
    return `[${s.slice(indent.length)}]`;
  };
  return recurse(values, " ", LINE_WIDTH);
}
