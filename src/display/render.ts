import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";

type VegaModule = typeof import("vega");
type VegaLiteModule = typeof import("vega-lite");

/** The largest spec rendered or shown: a few MB of JSON is already slow to send, save and draw. */
export const MAX_SPEC_BYTES = 5_000_000;
/** The largest PNG made: 32 megapixels (128 MB of RGBA while rendering), e.g. 4000 × 8000. */
export const MAX_PNG_PIXELS = 32_000_000;
/** The largest PNG zoom: 8 times the plot's size in pixels. */
export const MAX_PNG_SCALE = 8;

let modules: { vega: VegaModule; vegaLite: VegaLiteModule } | undefined;

/** vega and vega-lite are loaded on first use with `require`: they are heavy, and only their CommonJS builds load in tslab. */
function load(): { vega: VegaModule; vegaLite: VegaLiteModule } {
  modules ??= { vega: require("vega") as VegaModule, vegaLite: require("vega-lite") as VegaLiteModule };
  return modules;
}

/**
 * A Vega loader that reads nothing: no file, no network, not even a request that is then refused. Our plots carry
 * their data inline; the one URL they hold is the regions field's `data:` image, which is let through as an image
 * address (resvg decodes it from the SVG itself). Vega logs a failed load and draws on without the data, so every
 * refused address is collected here and reported after drawing.
 */
function sandboxedLoader(refused: string[]) {
  const refuse = async (uri: unknown): Promise<never> => {
    refused.push(String(uri));
    throw new Error(`refused to load ${String(uri)}`);
  };
  return {
    options: {},
    fileAccess: false,
    load: refuse,
    file: refuse,
    http: refuse,
    sanitize: async (uri: unknown, options?: { context?: string }): Promise<{ href: string }> => {
      if (typeof uri === "string" && uri.startsWith("data:") && options?.context === "image") return { href: uri };
      refused.push(String(uri));
      // Vega's SVG writer reads `.href` of what a link's sanitize gives, even after a refusal: an empty link, then.
      if (options?.context === "href") return { href: "" };
      throw new Error(`refused ${String(uri)}`);
    },
  };
}

/** Compiles a Vega-Lite spec to Vega and renders it headless to an SVG string, as a browser would draw it at load. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) throw new InputError("spec", spec, "a Vega-Lite spec (an object)");
  const json = JSON.stringify(spec);
  if (json.length > MAX_SPEC_BYTES) {
    throw new InputError("spec size", json.length, `at most ${MAX_SPEC_BYTES.toLocaleString("en-US")} bytes of JSON (draw fewer points, a coarser grid or fewer snapshots)`);
  }
  const { vega, vegaLite } = load();
  // Vega tags inline data rows with a hidden id as it ingests them; rendering a copy leaves the caller's spec as it was.
  const compiled = vegaLite.compile(JSON.parse(json) as TopLevelSpec).spec;
  const refused: string[] = [];
  const view = new vega.View(vega.parse(compiled), { renderer: "none", loader: sandboxedLoader(refused) as unknown as ReturnType<VegaModule["loader"]> });
  try {
    const svg = await view.toSVG();
    if (refused.length > 0) {
      throw new InputError("url", refused[0], "inline (data.values, or a data: image): plots are drawn without reading files or the network");
    }
    return svg;
  } finally {
    view.finalize();
  }
}

/** Renders a spec to PNG bytes via its SVG; `scale` 2 gives a sharp image on high-density screens. */
export async function renderPng(spec: TopLevelSpec, scale = 2): Promise<Uint8Array> {
  return svgToPng(await renderSvg(spec), scale);
}

/**
 * Rasterises SVG with resvg (prebuilt binaries from npm, no install scripts), using the system's fonts. Only inline
 * (`data:`) images are drawn: resvg would read an image path from disk.
 */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  if (typeof svg !== "string") throw new InputError("svg", svg, "an SVG document (a string)");
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0 || scale > MAX_PNG_SCALE) {
    throw new InputError("scale", scale, `a number > 0 and at most ${MAX_PNG_SCALE}`);
  }
  for (const [, , href] of svg.matchAll(/\bhref\s*=\s*(["'])(.*?)\1/g)) {
    if (href !== "" && !href!.startsWith("data:") && !href!.startsWith("#")) {
      throw new InputError("svg image href", href, "a data: URL: images are drawn without reading files or the network");
    }
  }
  const { Resvg } = require("@resvg/resvg-js") as typeof import("@resvg/resvg-js");
  const resvg = new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, background: "white", font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } });
  const [width, height] = [Math.ceil(resvg.width * scale), Math.ceil(resvg.height * scale)];
  if (width * height > MAX_PNG_PIXELS) {
    const largest = Math.floor(100 * Math.sqrt(MAX_PNG_PIXELS / (resvg.width * resvg.height))) / 100;
    throw new InputError(
      "scale",
      scale,
      `at most ${largest} for this ${resvg.width} × ${resvg.height} px plot (a PNG has at most ${MAX_PNG_PIXELS.toLocaleString("en-US")} pixels)`,
    );
  }
  return resvg.render().asPng();
}
