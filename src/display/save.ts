import { mkdirSync, renameSync, rmSync, writeFileSync } from "fs";
import { dirname } from "path";
import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { renderSvg, svgToPng } from "./render";

/** Files `savePlot` can write: the spec itself (for the Vega editor), a vector image, a raster image. */
export type PlotFormat = "vl.json" | "svg" | "png";

const FORMATS: readonly PlotFormat[] = ["vl.json", "svg", "png"];

/**
 * Writes the plot to `${basePath}.vl.json`, `.svg` and/or `.png` (default all three) and returns the paths.
 * Each file is written to a temporary name and renamed, so a crash never leaves a half-written file.
 */
export async function savePlot(spec: TopLevelSpec, basePath: string, formats: readonly PlotFormat[] = FORMATS): Promise<string[]> {
  if (typeof basePath !== "string" || basePath.length === 0) throw new InputError("basePath", basePath, "a non-empty path");
  if (!Array.isArray(formats) || formats.length === 0) throw new InputError("formats", formats, `a non-empty list of ${FORMATS.join(", ")}`);
  formats.forEach((f, i) => {
    if (!FORMATS.includes(f)) throw new InputError(`formats[${i}]`, f, `one of ${FORMATS.join(", ")}`);
  });
  const base = basePath.replace(/\.(vl\.json|svg|png)$/, "");
  mkdirSync(dirname(base), { recursive: true });
  const svg = formats.includes("svg") || formats.includes("png") ? await renderSvg(spec) : "";
  const contents: Record<PlotFormat, () => string | Uint8Array> = {
    "vl.json": () => `${JSON.stringify(spec, null, 2)}\n`,
    svg: () => svg,
    png: () => svgToPng(svg, 2),
  };
  return formats.map((format: PlotFormat) => {
    const path = `${base}.${format}`;
    writeAtomically(path, contents[format]());
    return path;
  });
}

function writeAtomically(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
