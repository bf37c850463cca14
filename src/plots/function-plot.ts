import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { checkFinite, checkWhole } from "../core/validate";
import { checkNonEmpty, checkRange } from "./checks";
import { NEUTRAL_COLOR, RED_COLOR, SERIES_COLORS } from "./colors";
import { MAX_CURVES, MAX_PLOT_SIZE, MAX_POINTS, MAX_SAMPLES, MIN_PLOT_SIZE } from "./limits";
import { VEGA_LITE_SCHEMA } from "./schema";

/** One function of x to draw, e.g. the loss as one weight changes. */
export interface Curve {
  /** The curve's name in the legend, e.g. "loss L(w1)". */
  name: string;
  f: (x: number) => number;
  /** The x range this curve covers (default: the plot's domain), e.g. a short tangent line. */
  domain?: readonly [number, number];
  /** Draw the curve dashed, e.g. a tangent or a reference. */
  dashed?: boolean;
}

/** A point to mark on the chart, e.g. the current weight and its loss. */
export interface Marker {
  x: number;
  y: number;
  /** Printed beside the marker. */
  label?: string;
}

/** A horizontal reference line y = value, e.g. the lowest loss reachable, drawn dashed and grey. */
export interface Level {
  y: number;
  /** Printed above the line's left end. */
  label?: string;
}

export interface FunctionPlotOptions {
  /** The x range shown (default [-6, 6]). */
  domain?: readonly [number, number];
  /** Points per curve, ends included (default 201; at most 10,000). */
  samples?: number;
  title?: string;
  subtitle?: string;
  /** The x axis title (default "x"). */
  xTitle?: string;
  /** The y axis title (default "y"). */
  yTitle?: string;
  /** Points to mark, drawn as red dots (e.g. "where we are now"). */
  markers?: readonly Marker[];
  /** Horizontal reference lines. */
  levels?: readonly Level[];
  /** Chart width in pixels (default 420). */
  width?: number;
  /** Chart height in pixels (default 240). */
  height?: number;
}

/**
 * One or more functions of x on one chart, in the library's palette: the first curve blue, the second red, and
 * so on; markers for points of interest and dashed levels for reference values.
 */
export function functionPlot(curves: Curve | readonly Curve[], options: FunctionPlotOptions = {}): TopLevelSpec {
  const list = checkNonEmpty<Curve>("curves", Array.isArray(curves) ? curves : [curves], MAX_CURVES);
  const [lo, hi] = checkRange("domain", options.domain ?? [-6, 6]);
  const samples = checkWhole("samples", options.samples ?? 201, 2, MAX_SAMPLES);
  const width = checkWhole("width", options.width ?? 420, MIN_PLOT_SIZE, MAX_PLOT_SIZE);
  const height = checkWhole("height", options.height ?? 240, MIN_PLOT_SIZE, MAX_PLOT_SIZE);
  const seen = new Set<string>();
  const rows = list.flatMap((curve, c) => {
    if (curve === null || typeof curve !== "object" || typeof curve.name !== "string" || typeof curve.f !== "function") {
      throw new InputError(`curves[${c}]`, curve, "{ name: string, f: (x) => number, domain?, dashed? }");
    }
    // The name is the legend's key: two curves of one name would be drawn as one.
    if (seen.has(curve.name)) throw new InputError(`curves[${c}].name`, curve.name, "a name no other curve has");
    seen.add(curve.name);
    const [a, b] = curve.domain === undefined ? [lo, hi] : checkRange(`curves[${c}].domain`, curve.domain);
    return Array.from({ length: samples }, (_, i) => {
      const x = a + ((b - a) * i) / (samples - 1);
      return { curve: curve.name, x, y: checkFinite(`curves[${c}].f(${x})`, curve.f(x)) };
    });
  });
  const markers = checkPoints("markers", options.markers ?? [], (m, at) => ({
    x: checkFinite(`${at}.x`, m.x),
    y: checkFinite(`${at}.y`, m.y),
    label: checkLabel(`${at}.label`, m.label),
  }));
  const levels = checkPoints("levels", options.levels ?? [], (l, at) => ({ x: lo, y: checkFinite(`${at}.y`, l.y), label: checkLabel(`${at}.label`, l.label) }));
  const names = list.map((c) => c.name);
  const x = { field: "x", type: "quantitative" as const, title: options.xTitle ?? "x", scale: { domain: [lo, hi], nice: false } };
  const y = { field: "y", type: "quantitative" as const, title: options.yTitle ?? "y" };
  const legend = list.length > 1 ? { orient: "bottom-right" as const, labelLimit: 300, title: null } : null;
  const text = (values: readonly { x: number; y: number; label: string }[], color: string) => ({
    data: { values: values.filter((v) => v.label !== "") },
    mark: { type: "text" as const, align: "left" as const, dx: 6, dy: -8, color },
    encoding: { x, y, text: { field: "label" } },
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Line chart of ${names.join(", ")} for x from ${lo} to ${hi}` + markers.map((m) => `; marked (${m.x}, ${m.y})`).join(""),
    title: { text: options.title ?? names.join(", "), subtitle: options.subtitle ?? "" },
    width,
    height,
    layer: [
      ...(levels.length > 0
        ? [
            { data: { values: levels }, mark: { type: "rule" as const, color: NEUTRAL_COLOR, strokeDash: [4, 4] }, encoding: { y } },
            text(levels, NEUTRAL_COLOR),
          ]
        : []),
      {
        data: { values: rows },
        mark: { type: "line", strokeWidth: 2.5 },
        encoding: {
          x,
          y,
          // Both scales list the curves in the order given, so the first is blue, and share one legend.
          color: { field: "curve", type: "nominal", scale: { domain: names, range: [...SERIES_COLORS] }, legend },
          strokeDash: { field: "curve", type: "nominal", scale: { domain: names, range: list.map((c) => (c.dashed === true ? [6, 4] : [1, 0])) }, legend },
          tooltip: [{ field: "curve", type: "nominal" }, { field: "x", type: "quantitative", format: ".4~g" }, { field: "y", type: "quantitative", format: ".4~g" }],
        },
      },
      ...(markers.length > 0
        ? [
            { data: { values: markers }, mark: { type: "point" as const, filled: true, size: 110, color: RED_COLOR, stroke: "white", opacity: 1 }, encoding: { x, y } },
            text(markers, RED_COLOR),
          ]
        : []),
    ],
  };
}

function checkPoints<T, R>(parameter: string, values: readonly T[], check: (value: T, at: string) => R): R[] {
  if (!Array.isArray(values)) throw new InputError(parameter, values, "an array");
  if (values.length > MAX_POINTS) throw new InputError(`${parameter}.length`, values.length, `at most ${MAX_POINTS}`);
  return values.map((value, i) => {
    if (value === null || typeof value !== "object") throw new InputError(`${parameter}[${i}]`, value, "an object");
    return check(value, `${parameter}[${i}]`);
  });
}

function checkLabel(parameter: string, label: unknown): string {
  if (label !== undefined && typeof label !== "string") throw new InputError(parameter, label, "a string");
  return label ?? "";
}
