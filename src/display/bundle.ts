import type { TopLevelSpec } from "vega-lite";
import { renderSvg, svgToPng } from "./render";
import type { MimeBundle } from "./jupyter";
import { forNotebook } from "./theme";

/** JupyterLab 4 renders Vega-Lite only under this MIME type, and only when the spec is a JSON object. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** Up to this many bytes the static image is also sent as SVG, which nbconvert and GitHub show before PNG. */
export const MAX_SVG_BYTES = 150_000;

export interface BundleOptions {
  /** The `text/plain` line (default: the spec's `description`, else its title). */
  description?: string;
}

/**
 * Every representation of a plot for a notebook output: the interactive spec for JupyterLab (in the notebook's
 * theme), static images rendered in Node for nbconvert HTML, GitHub and VS Code, and one line of text.
 *
 * The PNG is always there. JupyterLab's Vega renderer draws the spec and then, when the output has no `image/png`,
 * adds one (`model.setData`), which marks the notebook modified the moment it is opened; an output that already
 * carries one is left alone. Its scale, 1, is the one JupyterLab would use. The SVG comes too while it is small:
 * nbconvert's display priority puts `image/svg+xml` before `image/png`, and vector text stays sharp.
 */
export async function displayBundle(spec: TopLevelSpec, options: BundleOptions = {}): Promise<MimeBundle> {
  const svg = await renderSvg(spec);
  return { [VEGA_LITE_MIME]: forNotebook(spec), ...staticImage(svg), "text/plain": describePlot(spec, options.description) };
}

/** A rendered plot's static representations: always a PNG, and the SVG itself while it is small. */
export function staticImage(svg: string): MimeBundle {
  return { "image/png": toBase64(svgToPng(svg, 1)), ...(svg.length <= MAX_SVG_BYTES ? { "image/svg+xml": svg } : {}) };
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
