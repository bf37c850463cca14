import type { TopLevelSpec } from "vega-lite";

/** The text colour of the page around the chart: JupyterLab's, VS Code's, light or dark, and it changes with them. */
const INK = "currentColor";

/**
 * Chart chrome (background, titles, axes, legends) in the notebook's own colours. JupyterLab picks a Vega theme
 * once, when it draws an output, so a chart drawn in the light theme keeps a white background after a switch to
 * dark; a transparent background and `currentColor` follow every switch instead.
 */
export const NOTEBOOK_THEME = {
  background: "transparent",
  title: { color: INK, subtitleColor: INK },
  axis: { labelColor: INK, titleColor: INK, domainColor: INK, tickColor: INK, gridColor: INK, domainOpacity: 0.6, tickOpacity: 0.6, gridOpacity: 0.15 },
  legend: { labelColor: INK, titleColor: INK },
  header: { labelColor: INK, titleColor: INK },
  style: { "guide-label": { fill: INK }, "guide-title": { fill: INK } },
  view: { stroke: INK, strokeOpacity: 0.25 },
} as const;

/**
 * The spec as a notebook should draw it: {@link NOTEBOOK_THEME} under the spec's own config, and the SVG renderer
 * (via vega-embed's `usermeta.embedOptions`), because SVG resolves `currentColor` live where a canvas fixes the
 * colour when it draws. The spec itself is left unchanged.
 */
export function forNotebook(spec: TopLevelSpec): TopLevelSpec {
  const usermeta = spec.usermeta ?? {};
  const embedOptions = (usermeta.embedOptions ?? {}) as Record<string, unknown>;
  return {
    ...spec,
    config: mergeObjects(NOTEBOOK_THEME, spec.config ?? {}) as TopLevelSpec["config"],
    usermeta: { ...usermeta, embedOptions: { renderer: "svg", ...embedOptions } },
  } as TopLevelSpec;
}

/** `over` on top of `under`, merging nested plain objects (arrays and values from `over` replace). */
function mergeObjects(under: object, over: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const base = Object.hasOwn(merged, key) ? merged[key] : undefined;
    // defineProperty, not assignment: a "__proto__" key in a parsed spec is data, not this object's prototype.
    Object.defineProperty(merged, key, {
      value: isPlainObject(base) && isPlainObject(value) ? mergeObjects(base, value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
}

function isPlainObject(value: unknown): value is object {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
