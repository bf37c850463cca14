import type { TopLevelSpec } from "vega-lite";
import { describePlot, staticImage, VEGA_LITE_MIME } from "./bundle";
import { forNotebook } from "./theme";
import type { MimeBundle } from "./jupyter";
import type { Frame } from "./live-frame";
import { renderSvg } from "./render";

type VegaModule = typeof import("vega");
type VegaLiteModule = typeof import("vega-lite");
type View = InstanceType<VegaModule["View"]>;

/** The Vega signal that carries the progress line into the kept view's subtitle. */
const PROGRESS_SIGNAL = "live_progress";

/** A compiled view kept for one frame layout, and the name of the Vega dataset fed by each inline data array. */
interface KeptView {
  layout: string;
  view: View;
  datasets: string[];
}

let kept: KeptView | null = null;
/** Frames render one at a time: the kept view holds one frame's data at once. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * A frame as a display bundle, like {@link displayBundle} but drawn fast: frames of a run differ only in their
 * inline data and subtitle, so the view compiled for the first frame is kept and given each next frame's data and
 * progress line, which skips compiling and parsing the spec (most of the time a fresh render takes). Its SVG is
 * the one a fresh render of the same spec gives.
 */
export function frameBundle(frame: Frame): Promise<MimeBundle> {
  const next = queue.then(async () => {
    const svg = await renderFrame(frame.spec, frame.progress);
    return { [VEGA_LITE_MIME]: forNotebook(frame.spec), ...staticImage(svg), "text/plain": describePlot(frame.spec, frame.description) };
  });
  queue = next.catch(() => undefined);
  return next;
}

async function renderFrame(spec: TopLevelSpec, progress: string): Promise<string> {
  const arrays = inlineData(spec);
  const layout = layoutOf(spec);
  if (kept === null || kept.layout !== layout) {
    kept?.view.finalize();
    kept = keepView(spec, arrays, layout);
    if (kept === null) return renderSvg(spec);
  } else {
    arrays.forEach((values, i) => kept!.view.data(kept!.datasets[i]!, copyRows(values)));
    kept.view.signal(PROGRESS_SIGNAL, progress);
  }
  return kept.view.toSVG();
}

/** Compiles `spec` into a view whose subtitle is a signal; null when some inline data array has no dataset of its own. */
function keepView(spec: TopLevelSpec, arrays: readonly unknown[][], layout: string): KeptView | null {
  // Required here, as render.ts does: heavy modules, and only their CommonJS builds load in tslab.
  const vega = require("vega") as VegaModule;
  const vegaLite = require("vega-lite") as VegaLiteModule;
  const compiled = vegaLite.compile(spec).spec as Record<string, unknown> & { data?: { name: string; values?: unknown }[] };
  // vega-lite passes inline arrays through by reference, which names the dataset each one feeds.
  const datasets = arrays.map((values) => compiled.data?.find((d) => d.values === values)?.name);
  if (datasets.some((name) => name === undefined) || new Set(datasets).size !== datasets.length) return null;
  const title = compiled.title as Record<string, unknown> | undefined;
  if (title === undefined || typeof title.subtitle !== "string") return null;
  const signals = (compiled.signals as unknown[] | undefined) ?? [];
  const withSignal = {
    ...compiled,
    title: { ...title, subtitle: { signal: PROGRESS_SIGNAL } },
    signals: [...signals, { name: PROGRESS_SIGNAL, value: title.subtitle }],
    // Laid out again at every update, as a fresh view is at its first (Vega's default keeps the first size).
    autosize: { ...autosizeOf(compiled.autosize), resize: true },
  };
  // A copy, since Vega tags the rows it ingests and the frame's spec goes to the notebook as it is.
  const view = new vega.View(vega.parse(JSON.parse(JSON.stringify(withSignal))), { renderer: "none" });
  return { layout, view, datasets: datasets as string[] };
}

/** Every inline `data.values` array in the spec, in document order. */
function inlineData(spec: unknown, found: unknown[][] = []): unknown[][] {
  if (spec === null || typeof spec !== "object") return found;
  const { data } = spec as { data?: { values?: unknown } };
  if (data !== undefined && Array.isArray(data.values)) found.push(data.values);
  for (const key of ["layer", "hconcat", "vconcat", "concat"]) {
    const children = (spec as Record<string, unknown>)[key];
    if (Array.isArray(children)) children.forEach((child) => inlineData(child, found));
  }
  return found;
}

/** The spec without its inline data and subtitle: two frames with the same layout render from one kept view. */
function layoutOf(spec: TopLevelSpec): string {
  const title = typeof spec.title === "object" && !Array.isArray(spec.title) ? { ...spec.title, subtitle: "" } : spec.title;
  return JSON.stringify({ ...spec, title }, (key, value: unknown) => (key === "values" && Array.isArray(value) ? [] : value));
}

function copyRows(values: readonly unknown[]): unknown[] {
  return values.map((row) => (row !== null && typeof row === "object" ? { ...row } : row));
}

function autosizeOf(autosize: unknown): Record<string, unknown> {
  return typeof autosize === "string" ? { type: autosize } : ((autosize as Record<string, unknown> | undefined) ?? { type: "pad" });
}
