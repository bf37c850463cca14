import { describe, expect, it } from "vitest";
import { functionPlot, sigmoid } from "../../src";
import { BLUE_COLOR, RED_COLOR } from "../../src/plots/colors";
import { assertInDelta } from "../assert";
import { checkSpec } from "./vega-check";

type Row = { curve: string; x: number; y: number };
const layerValues = <T>(spec: object, index: number): T[] => (spec as { layer: { data: { values: T[] } }[] }).layer[index]!.data.values;

describe("functionPlot", () => {
  it("draws one function of x as valid Vega-Lite, sampled evenly with both ends", async () => {
    const spec = functionPlot({ name: "σ(x)", f: sigmoid.output }, { domain: [-4, 4], samples: 9 });
    const { drawn } = await checkSpec(spec);
    expect(drawn).toEqual({ line: 1 });
    const rows = layerValues<Row>(spec, 0);
    expect(rows.map((r) => r.x)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    assertInDelta(rows[4]!.y, 0.5, 1e-15);
  });

  it("draws notebook 04's picture: a loss curve, its dashed tangent over a shorter range, and the current point", async () => {
    const [w, L, slope] = [1, 0.25, -0.5];
    const loss = (x: number) => L + slope * (x - w) + (x - w) ** 2;
    const spec = functionPlot(
      [
        { name: "loss L(w1)", f: loss },
        { name: "tangent", f: (x) => L + slope * (x - w), domain: [w - 1, w + 1], dashed: true },
      ],
      { domain: [w - 4, w + 4], samples: 41, xTitle: "w1", yTitle: "loss L", markers: [{ x: w, y: L }] },
    );
    const { svg, drawn, vegaSpec } = await checkSpec(spec);
    expect(drawn.line).toBe(2);
    expect(drawn.symbol).toBe(1);
    const tangent = layerValues<Row>(spec, 0).filter((r) => r.curve === "tangent");
    expect([tangent[0]!.x, tangent.at(-1)!.x]).toEqual([0, 2]);
    // The palette's blue for the first curve, red for the second; the tangent dashed.
    expect((vegaSpec.scales?.find((s) => s.name === "color") as { range?: unknown } | undefined)?.range).toEqual(expect.arrayContaining([BLUE_COLOR, RED_COLOR]));
    expect(svg).toMatch(/stroke-dasharray="6,4"/);
    expect(svg).toContain(">w1<");
  });

  it("draws notebook 03's picture: a curve, a labelled dashed level and the current point", async () => {
    const spec = functionPlot(
      { name: "loss", f: (p) => 0.25 + (1 - p) ** 2 / 4 },
      { domain: [0, 1], levels: [{ y: 0.25, label: "what the others cost" }], markers: [{ x: 0, y: 0.5 }] },
    );
    const { svg, drawn } = await checkSpec(spec);
    expect(drawn).toMatchObject({ rule: 1, line: 1, symbol: 1 });
    expect(svg).toContain(">what the others cost<");
  });

  it("bounds curves, samples and sizes, naming the limits", () => {
    const f = { name: "x", f: (x: number) => x };
    expect(() => functionPlot(f, { samples: 1e7 })).toThrow("samples must be a whole number in [2, 10000], got 10000000");
    expect(() => functionPlot(f, { width: -1 })).toThrow("width must be a whole number in [50, 2000], got -1");
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `c${i}`, f: (x: number) => x + i }));
    expect(() => functionPlot(many)).toThrow("curves.length must be at most 20, got 21");
  });

  it("rejects a non-finite value naming the curve and x, and two curves of one name", () => {
    expect(() => functionPlot({ name: "1/x", f: (x) => 1 / x }, { domain: [-1, 1], samples: 3 })).toThrow("curves[0].f(0) must be a finite number, got Infinity");
    expect(() => functionPlot([{ name: "a", f: (x) => x }, { name: "a", f: (x) => -x }])).toThrow('curves[1].name must be a name no other curve has, got "a"');
    expect(() => functionPlot({ name: "a", f: 3 as never })).toThrow(/^curves\[0\] must be \{ name: string, f: \(x\) => number, domain\?, dashed\? \}/);
    expect(() => functionPlot({ name: "a", f: (x) => x }, { markers: [{ x: NaN, y: 0 }] })).toThrow("markers[0].x must be a finite number, got NaN");
  });
});
