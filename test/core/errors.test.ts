import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { InputError, Neuron, TrainingDivergedError } from "../../src";

function caught(f: () => unknown): Error {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("InputError", () => {
  it("names the parameter, what was expected and the value, then the hint, in one line", () => {
    const error = new InputError("inputs.length", 3, "2", "this neuron has 2 weights, one per input");
    expect(error.message).toBe("inputs.length must be 2, got 3 (this neuron has 2 weights, one per input)");
    expect(error).toMatchObject({ name: "InputError", parameter: "inputs.length", value: 3, expected: "2" });
    expect(new InputError("bias", NaN, "a finite number").message).toBe("bias must be a finite number, got NaN");
  });

  it("renders any value in one short line: strings quoted, arrays and objects as JSON, functions by name", () => {
    const message = (value: unknown) => new InputError("p", value, "x").message.replace(/^p must be x, got /, "");
    expect(message("a\nb")).toBe('"a\\nb"');
    expect(message([1, NaN, Infinity])).toBe('[1,"NaN","Infinity"]');
    expect(message(new Float64Array([0.5, 2]))).toBe("[0.5,2]");
    expect(message(function sigmoid() {})).toBe("function sigmoid");
    expect(message(() => 0)).toBe("a function");
    expect(message({ output: Math.tanh, der: () => 1 })).toBe('{"output":"function tanh","der":"function der"}');
    expect(message(Symbol("two\nlines"))).toBe("Symbol(two lines)");
    expect(message(Array.from({ length: 1000 }, (_, i) => i))).toHaveLength(60);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(message(circular)).toBe("[object Object]");
  });

  it("is inspected (how a notebook cell shows it) as its one line, without stack frames or fields", () => {
    const error = caught(() => new Neuron([0, 1], 4).feedforward([2, 3, 5]));
    expect(error).toBeInstanceOf(InputError);
    expect(inspect(error)).toBe("InputError: inputs.length must be 2, got 3 (this neuron has 2 weights, one per input)");
    expect(inspect({ error })).toBe("{\n  error: InputError: inputs.length must be 2, got 3 (this neuron has 2 weights, one per input)\n}");
    expect(inspect(error)).not.toMatch(/dist\/|node_modules|src\/core|    at /);
  });

  it("keeps its stack for debugging; an error that is not an InputError (a bug) is inspected with its stack", () => {
    const error = caught(() => new Neuron([0, 1], 4).feedforward([2, 3, 5]));
    expect(error.stack).toMatch(/^InputError: inputs\.length must be 2, got 3 .*\n    at /);
    const bug = new TypeError("x is undefined");
    expect(inspect(bug).split("\n").length).toBeGreaterThan(3);
    expect(inspect(bug)).toMatch(/^TypeError: x is undefined\n    at /);
  });

  it("a TrainingDivergedError (an InputError) is inspected as its one-line message", () => {
    const error = new TrainingDivergedError(1e300, 3, { losses: [], snapshots: [], epochsDone: 2 });
    expect(error).toBeInstanceOf(InputError);
    expect(inspect(error)).toBe(`TrainingDivergedError: ${error.message}`);
    expect(inspect(error)).not.toContain("\n");
  });
});
