import type { Field } from "vega-lite/build/src/channeldef";
import type { LayerSpec, UnitSpec } from "vega-lite/build/src/spec";
import type { BoundaryVertex } from "./boundary";
import { BOUNDARY_COLOR, classScale } from "./colors";
import type { PlaneDomain } from "./grid";

/** One layer of a plane plot (x1 across, x2 up). */
export type PlaneLayer = UnitSpec<Field> | LayerSpec<Field>;

/** A training point as drawn: its class, the network's output there, and whether that output gets it right. */
export interface DrawnPoint {
  x1: number;
  x2: number;
  label: number;
  output: number;
  /** "correct" or "misclassified". */
  verdict: string;
}

/** Shared x/y encodings, with the scales pinned to the domain so the image, lines and points line up. */
export function planeAxes(domain: PlaneDomain) {
  return {
    x: { field: "x1", type: "quantitative" as const, title: "x1", scale: { domain: [...domain.x1], nice: false, zero: false } },
    y: { field: "x2", type: "quantitative" as const, title: "x2", scale: { domain: [...domain.x2], nice: false, zero: false } },
  };
}

/** The field image stretched over the domain; `aria: false` keeps the data URL out of the SVG's labels. */
export function fieldLayer(images: readonly Record<string, unknown>[], domain: PlaneDomain, filter?: string): PlaneLayer {
  const axes = planeAxes(domain);
  return {
    data: { values: images.map((image) => ({ ...image, x1: domain.x1[0], x1end: domain.x1[1], x2: domain.x2[0], x2end: domain.x2[1] })) },
    ...(filter === undefined ? {} : { transform: [{ filter }] }),
    mark: { type: "image", aspect: false, smooth: true, aria: false, tooltip: null },
    encoding: { ...axes, x2: { field: "x1end" }, y2: { field: "x2end" }, url: { field: "url", type: "nominal" } },
  };
}

/** The decision boundary polylines, one `detail` group per segment. */
export function boundaryLayer<T extends BoundaryVertex>(vertices: readonly T[], domain: PlaneDomain, filter?: string): PlaneLayer {
  return {
    data: { values: [...vertices] },
    ...(filter === undefined ? {} : { transform: [{ filter }] }),
    mark: { type: "line", color: BOUNDARY_COLOR, strokeWidth: 2, clip: true, aria: false, tooltip: null },
    encoding: { ...planeAxes(domain), detail: { field: "segment", type: "nominal" }, order: { field: "order", type: "quantitative" } },
  };
}

/**
 * Training points in their class colour; a misclassified point is drawn as a cross ringed in black,
 * so mistakes stand out whatever the colour vision.
 */
export function pointsLayer<T extends DrawnPoint>(points: readonly T[], domain: PlaneDomain, filter?: string): PlaneLayer {
  return {
    data: { values: [...points] },
    ...(filter === undefined ? {} : { transform: [{ filter }] }),
    // No per-point ARIA labels: with hundreds of points they are most of the static SVG and say nothing the
    // chart's description does not; the tooltips still name each point.
    mark: { type: "point", filled: true, size: 110, stroke: "white", strokeWidth: 1.2, opacity: 1, aria: false },
    encoding: {
      ...planeAxes(domain),
      color: { field: "label", type: "nominal", title: "class", scale: classScale(), legend: { labelExpr: "datum.value == 1 ? '1 (red)' : '0 (blue)'" } },
      shape: {
        field: "verdict",
        type: "nominal",
        title: "network",
        scale: { domain: ["correct", "misclassified"], range: ["circle", "cross"] },
      },
      strokeWidth: { condition: { test: "datum.verdict == 'misclassified'", value: 2.5 }, value: 1.2 },
      stroke: { condition: { test: "datum.verdict == 'misclassified'", value: "black" }, value: "white" },
      tooltip: [
        { field: "x1", type: "quantitative" },
        { field: "x2", type: "quantitative" },
        { field: "label", type: "nominal", title: "class" },
        { field: "output", type: "quantitative", format: ".3f", title: "network output" },
      ],
    },
  };
}

/**
 * Query points as black diamonds, each labelled above with its coordinates and the network's answer.
 * A label near the left or right edge is aligned to stay inside the frame.
 */
export function queriesLayer(queries: readonly { x1: number; x2: number; text: string }[], domain: PlaneDomain): PlaneLayer {
  const axes = planeAxes(domain);
  const [lo, hi] = domain.x1;
  const third = (hi - lo) / 3;
  const groups = [
    { align: "left" as const, dx: -6, filter: `datum.x1 < ${lo + third}` },
    { align: "center" as const, dx: 0, filter: `datum.x1 >= ${lo + third} && datum.x1 <= ${hi - third}` },
    { align: "right" as const, dx: 6, filter: `datum.x1 > ${hi - third}` },
  ];
  const labels = (halo: boolean): PlaneLayer[] =>
    groups.map(({ align, dx, filter }) => ({
      transform: [{ filter }],
      mark: {
        type: "text",
        align,
        dx,
        dy: -17,
        fontSize: 12,
        fontWeight: "bold",
        // A white halo drawn under the black label keeps it legible on the field's red and blue ends.
        ...(halo ? { color: "white", stroke: "white", strokeWidth: 4, strokeJoin: "round", opacity: 0.9 } : { color: "black" }),
      },
      encoding: { ...axes, text: { field: "text" } },
    }));
  return {
    data: { values: [...queries] },
    layer: [
      { mark: { type: "point", shape: "diamond", filled: true, size: 170, color: "black", stroke: "white", strokeWidth: 1.5, opacity: 1 }, encoding: axes },
      ...labels(true),
      ...labels(false),
    ],
  };
}
