import { InputError } from "../core/errors";
import { checkFinite } from "../core/validate";

/** Throws unless `range` is two finite numbers with min < max. */
export function checkRange(parameter: string, range: unknown): readonly [number, number] {
  if (!Array.isArray(range) || range.length !== 2) throw new InputError(parameter, range, "[min, max]");
  checkFinite(`${parameter}[0]`, range[0]);
  checkFinite(`${parameter}[1]`, range[1]);
  if (!(range[0] < range[1])) throw new InputError(parameter, range, "[min, max] with min < max");
  return range as [number, number];
}

/** Throws unless `value` is a non-empty array. */
export function checkNonEmpty<T>(parameter: string, value: readonly T[] | unknown): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) throw new InputError(parameter, value, "a non-empty array");
  return value as readonly T[];
}
