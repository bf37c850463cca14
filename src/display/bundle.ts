import type { TopLevelSpec } from "vega-lite";
import { renderSvg, svgToPng } from "./render";
import type { MimeBundle } from "./jupyter";

/** JupyterLab 4 renders Vega-Lite only under this MIME type, and only when the spec is a JSON object. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** Above this many bytes of SVG the static image is sent as PNG instead, which stays small whatever was drawn. */
export const MAX_SVG_BYTES = 150_000;

export interface BundleOptions {
  /** The `text/plain` line (default: the spec's `description`, else its title). */
  description?: string;
}

/**
 * Every representation of a plot for a notebook output: the interactive spec for JupyterLab, a static image
 * rendered in Node for nbconvert HTML, GitHub and VS Code, and one line of text for everything else.
 */
export async function displayBundle(spec: TopLevelSpec, options: BundleOptions = {}): Promise<MimeBundle> {
  return { [VEGA_LITE_MIME]: spec, ...staticImage(await renderSvg(spec)), "text/plain": describePlot(spec, options.description) };
}

/** A rendered plot's static representation: the SVG itself, or a PNG of it when the SVG is large. */
export function staticImage(svg: string): MimeBundle {
  return svg.length <= MAX_SVG_BYTES ? { "image/svg+xml": svg } : { "image/png": toBase64(svgToPng(svg, 1)) };
}

/** One line saying what the plot shows. */
export function describePlot(spec: TopLevelSpec, description?: string): string {
  const text = description ?? spec.description ?? titleText(spec.title) ?? "Vega-Lite chart";
  return text.replace(/\s+/g, " ").trim();
}

function titleText(title: TopLevelSpec["title"]): string | undefined {
  if (title === undefined) return undefined;
  if (typeof title === "string") return title;
  const text = "text" in title ? title.text : undefined;
  return typeof text === "string" ? text : Array.isArray(text) ? text.join(" ") : undefined;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}
