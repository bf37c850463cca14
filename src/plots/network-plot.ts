import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { checkFinite, checkWhole } from "../core/validate";

import { BLUE_COLOR, NEUTRAL_COLOR, RED_COLOR } from "./colors";
import { MAX_DIAGRAM_LAYERS, MAX_DIAGRAM_UNITS } from "./limits";
import { VEGA_LITE_SCHEMA } from "./schema";

/** Edge colour by the weight's sign; a zero weight connects nothing, so it is drawn neutral. */
const SIGN_SCALE = { domain: ["positive", "negative", "zero"], range: [RED_COLOR, BLUE_COLOR, NEUTRAL_COLOR] };

export interface NetworkPlotOptions {
  /** biases[l][j]: the bias of neuron j in layer l + 1 (one array per weight matrix). */
  biases?: readonly (readonly number[])[];
  /** Print each weight beside its edge (default: when there are at most 24 edges). */
  showWeights?: boolean;
  title?: string;
}

interface Edge {
  x: number;
  y: number;
  xEnd: number;
  yEnd: number;
  labelX: number;
  labelY: number;
  weight: number;
  magnitude: number;
  sign: string;
  from: string;
  to: string;
}

/** Where a weight's label sits along its edge, from source (0) to target (1): near the target, edges fan apart. */
const LABEL_POSITION = 0.68;

/**
 * The network as a diagram: a column of nodes per layer, an edge per weight whose width shows |w| and whose
 * colour shows its sign (red positive, blue negative). `weights[l]` is layer l's matrix with shape
 * [layerSizes[l]][layerSizes[l + 1]], row-major like NumPy's `synaptic_weights`: weights[l][i][j] joins
 * node i of layer l to node j of layer l + 1.
 */
export function networkPlot(
  layerSizes: readonly number[],
  weights: readonly (readonly (readonly number[])[])[],
  options: NetworkPlotOptions = {},
): TopLevelSpec {
  checkShapes(layerSizes, weights, options.biases);
  const names = layerSizes.map((size, l) => Array.from({ length: size }, (_, i) => nodeName(l, i, layerSizes.length)));
  const yOf = (l: number, i: number): number => (layerSizes[l] - 1) / 2 - i;
  const nodes = layerSizes.flatMap((size, l) =>
    Array.from({ length: size }, (_, i) => {
      const bias = l > 0 ? options.biases?.[l - 1][i] : undefined;
      return { x: l, y: yOf(l, i), name: names[l][i], bias: bias === undefined ? "" : `b = ${formatWeight(bias)}` };
    }),
  );
  const edges: Edge[] = weights.flatMap((matrix, l) =>
    matrix.flatMap((row, i) =>
      row.map((w, j) => {
        const [x, y, xEnd, yEnd] = [l, yOf(l, i), l + 1, yOf(l + 1, j)];
        return {
          x, y, xEnd, yEnd,
          labelX: x + (xEnd - x) * LABEL_POSITION,
          labelY: y + (yEnd - y) * LABEL_POSITION,
          weight: w,
          magnitude: Math.abs(w),
          sign: w > 0 ? "positive" : w < 0 ? "negative" : "zero",
          from: names[l][i],
          to: names[l + 1][j],
        };
      }),
    ),
  );
  const showWeights = options.showWeights ?? edges.length <= 24;
  const tallest = Math.max(...layerSizes);
  const x = { type: "quantitative" as const, axis: null, scale: { domain: [-0.35, layerSizes.length - 0.65] } };
  const y = { type: "quantitative" as const, axis: null, scale: { domain: [-tallest / 2 - 0.1, tallest / 2 + 0.3] } };
  const headers = layerSizes.map((_size, l) => ({
    x: l,
    y: tallest / 2 + 0.1,
    text: l === 0 ? "input" : l === layerSizes.length - 1 ? "output" : layerSizes.length > 3 ? `hidden ${l}` : "hidden",
  }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Network diagram ${layerSizes.join("-")}: ${edges.length} weights drawn as edges, width |w|, red positive, blue negative, grey zero`,
    title: { text: options.title ?? `A ${layerSizes.join("-")} network`, subtitle: "edge width: |weight|; red: positive, blue: negative, grey: zero" },
    width: Math.max(260, 150 * layerSizes.length),
    height: Math.max(200, 70 * tallest),
    config: { view: { stroke: null } },
    layer: [
      {
        data: { values: edges },
        mark: { type: "rule", strokeCap: "round", opacity: 0.85 },
        encoding: {
          x: { field: "x", ...x },
          y: { field: "y", ...y },
          x2: { field: "xEnd" },
          y2: { field: "yEnd" },
          strokeWidth: { field: "magnitude", type: "quantitative", scale: { range: [0.5, 9], zero: true }, legend: null },
          color: { field: "sign", type: "nominal", scale: SIGN_SCALE, legend: null },
          tooltip: [{ field: "from" }, { field: "to" }, { field: "weight", type: "quantitative", format: ".4f" }],
        },
      },
      ...(showWeights ? weightLabels(edges, x, y) : []),
      {
        data: { values: nodes },
        layer: [
          {
            mark: { type: "circle", size: 1100, color: "#f4f4f4", stroke: "#333333", strokeWidth: 1.5, opacity: 1 },
            encoding: { x: { field: "x", ...x }, y: { field: "y", ...y }, tooltip: [{ field: "name" }, { field: "bias" }] },
          },
          {
            mark: { type: "text", fontSize: 13, fontWeight: "bold", color: "#1b1b1b" },
            encoding: { x: { field: "x", ...x }, y: { field: "y", ...y }, text: { field: "name" } },
          },
          {
            mark: { type: "text", fontSize: 10, dy: 27, color: "#7f7f7f" },
            encoding: { x: { field: "x", ...x }, y: { field: "y", ...y }, text: { field: "bias" } },
          },
        ],
      },
      {
        data: { values: headers },
        mark: { type: "text", fontSize: 12, fontStyle: "italic", color: "#7f7f7f" },
        encoding: { x: { field: "x", ...x }, y: { field: "y", ...y }, text: { field: "text" } },
      },
    ],
  };
}

/** Each weight printed on its edge over a white halo, so it stays legible where edges cross. */
function weightLabels(edges: readonly Edge[], x: object, y: object) {
  const values = edges.map((e) => ({ ...e, text: formatWeight(e.weight) }));
  const text = (halo: boolean) => ({
    data: { values },
    mark: {
      type: "text" as const,
      fontSize: 10,
      fontWeight: "bold" as const,
      ...(halo ? { color: "white", stroke: "white", strokeWidth: 7, strokeJoin: "round" as const } : {}),
    },
    encoding: {
      x: { field: "labelX", ...x },
      y: { field: "labelY", ...y },
      text: { field: "text" },
      ...(halo ? {} : { color: { field: "sign", type: "nominal" as const, scale: SIGN_SCALE, legend: null } }),
    },
  });
  return [text(true), text(false)];
}

/** x1, x2 for inputs, o1 for outputs, h1, h2 … for one hidden layer, h1.1 … (layer.node) for several. */
function nodeName(layer: number, index: number, layers: number): string {
  if (layer === 0) return `x${index + 1}`;
  if (layer === layers - 1) return `o${index + 1}`;
  return layers > 3 ? `h${layer}.${index + 1}` : `h${index + 1}`;
}

function formatWeight(w: number): string {
  return w.toFixed(2);
}

function checkShapes(
  layerSizes: readonly number[],
  weights: readonly (readonly (readonly number[])[])[],
  biases: readonly (readonly number[])[] | undefined,
): void {
  if (!Array.isArray(layerSizes) || layerSizes.length < 2 || layerSizes.length > MAX_DIAGRAM_LAYERS) {
    throw new InputError("layerSizes", layerSizes, `an array of 2 to ${MAX_DIAGRAM_LAYERS} layer sizes`);
  }
  layerSizes.forEach((size, l) => checkWhole(`layerSizes[${l}]`, size, 1, MAX_DIAGRAM_UNITS));
  if (!Array.isArray(weights) || weights.length !== layerSizes.length - 1) {
    throw new InputError("weights.length", Array.isArray(weights) ? weights.length : weights, `${layerSizes.length - 1} (one matrix per pair of layers)`);
  }
  weights.forEach((matrix, l) => {
    const [rows, cols] = [layerSizes[l], layerSizes[l + 1]];
    if (!Array.isArray(matrix) || matrix.length !== rows) throw new InputError(`weights[${l}].length`, matrix?.length, `${rows} rows (layerSizes[${l}])`);
    matrix.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== cols) throw new InputError(`weights[${l}][${i}].length`, row?.length, `${cols} (layerSizes[${l + 1}])`);
      row.forEach((w, j) => checkFinite(`weights[${l}][${i}][${j}]`, w));
    });
  });
  if (biases === undefined) return;
  if (!Array.isArray(biases) || biases.length !== weights.length) throw new InputError("biases.length", biases?.length, `${weights.length} (one vector per weight matrix)`);
  biases.forEach((vector, l) => {
    if (!Array.isArray(vector) || vector.length !== layerSizes[l + 1]) throw new InputError(`biases[${l}].length`, vector?.length, `${layerSizes[l + 1]}`);
    vector.forEach((b, j) => checkFinite(`biases[${l}][${j}]`, b));
  });
}
