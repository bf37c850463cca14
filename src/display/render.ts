import type { TopLevelSpec } from "vega-lite";

type VegaModule = typeof import("vega");
type VegaLiteModule = typeof import("vega-lite");

let modules: { vega: VegaModule; vegaLite: VegaLiteModule } | undefined;

/** vega and vega-lite are loaded on first use with `require`: they are heavy, and only their CommonJS builds load in tslab. */
function load(): { vega: VegaModule; vegaLite: VegaLiteModule } {
  modules ??= { vega: require("vega") as VegaModule, vegaLite: require("vega-lite") as VegaLiteModule };
  return modules;
}

/** Compiles a Vega-Lite spec to Vega and renders it headless to an SVG string, as a browser would draw it at load. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = load();
  // Vega tags inline data rows with a hidden id as it ingests them; rendering a copy leaves the caller's spec as it was.
  const compiled = vegaLite.compile(JSON.parse(JSON.stringify(spec)) as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders a spec to PNG bytes via its SVG; `scale` 2 gives a sharp image on high-density screens. */
export async function renderPng(spec: TopLevelSpec, scale = 2): Promise<Uint8Array> {
  return svgToPng(await renderSvg(spec), scale);
}

/** Rasterises SVG with resvg (prebuilt binaries from npm, no install scripts), using the system's fonts. */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const { Resvg } = require("@resvg/resvg-js") as typeof import("@resvg/resvg-js");
  const resvg = new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, background: "white", font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } });
  return resvg.render().asPng();
}
