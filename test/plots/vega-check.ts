import Ajv from "ajv";
import { expect } from "vitest";
import * as vegaLite from "vega-lite";
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import schema from "vega-lite/build/vega-lite-schema.json";
import { renderSvg } from "../../src/display/render";

const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false });
const validateVegaLite = ajv.compile(schema);

/** Items drawn by the chart's own marks (not axes or legends), by Vega mark type: `symbol`, `line`, `image`, … */
export type Drawn = Record<string, number>;

/**
 * Validates against vega-lite 5's JSON schema, compiles with vega-lite 5, renders to SVG with vega in Node,
 * and counts what was drawn. Returns the SVG for further checks.
 */
export async function checkSpec(spec: TopLevelSpec): Promise<{ svg: string; drawn: Drawn; vegaSpec: vega.Spec }> {
  const roundTripped = JSON.parse(JSON.stringify(spec)) as TopLevelSpec;
  expect(roundTripped, "the spec is plain JSON").toEqual(spec);
  const valid = validateVegaLite(roundTripped);
  expect(valid ? [] : validateVegaLite.errors?.slice(0, 3), "schema errors").toEqual([]);
  const vegaSpec = vegaLite.compile(roundTripped).spec;
  const svg = await renderSvg(roundTripped);
  expect(svg.startsWith("<svg")).toBe(true);
  return { svg, drawn: countDrawn(svg), vegaSpec };
}

/** Counts leaf items inside each `role-mark` group of Vega's SVG, keyed by mark type (line marks count groups). */
export function countDrawn(svg: string): Drawn {
  const drawn: Drawn = {};
  for (const match of svg.matchAll(/<g class="mark-(\w+) role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)) {
    const [, type, body] = match;
    const items = type === "line" ? 1 : (body.match(/<(path|image|text|line|rect)\b/g) ?? []).length;
    drawn[type] = (drawn[type] ?? 0) + items;
  }
  return drawn;
}

/** Renders the compiled spec after setting Vega signals, as moving a slider would. */
export async function renderWithSignals(spec: TopLevelSpec, signals: Record<string, unknown>): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
  for (const [name, value] of Object.entries(signals)) view.signal(name, value);
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
