import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, dirname, join } from "path";
import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { renderSvg, svgToPng } from "./render";

/** Files `savePlot` can write: the spec itself (for the Vega editor), a vector image, a raster image. */
export type PlotFormat = "vl.json" | "svg" | "png";

const FORMATS: readonly PlotFormat[] = ["vl.json", "svg", "png"];

/**
 * Writes the plot to `${basePath}.vl.json`, `.svg` and/or `.png` (default all three) and returns the paths.
 * Every file is written in full under a private folder of the system's temporary directory and then renamed into
 * place, so a save that is interrupted, even killed, leaves no half-written plot and no stray file beside it.
 */
export async function savePlot(spec: TopLevelSpec, basePath: string, formats: readonly PlotFormat[] = FORMATS): Promise<string[]> {
  if (typeof basePath !== "string" || basePath.length === 0) throw new InputError("basePath", basePath, "a non-empty path");
  if (!Array.isArray(formats) || formats.length === 0) throw new InputError("formats", formats, `a non-empty list of ${FORMATS.join(", ")}`);
  formats.forEach((f, i) => {
    if (!FORMATS.includes(f)) throw new InputError(`formats[${i}]`, f, `one of ${FORMATS.join(", ")}`);
  });
  const base = basePath.replace(/\.(vl\.json|svg|png)$/, "");
  // Rendering first also checks the spec (its size, no file or network access) before anything is written.
  const svg = await renderSvg(spec);
  const contents: Record<PlotFormat, () => string | Uint8Array> = {
    "vl.json": () => `${JSON.stringify(spec, null, 2)}\n`,
    svg: () => svg,
    png: () => svgToPng(svg, 2),
  };
  mkdirSync(dirname(base), { recursive: true });
  const staging = stagingFolder(dirname(base));
  try {
    return formats.map((format: PlotFormat) => {
      const path = `${base}.${format}`;
      const staged = join(staging, basename(path));
      writeFileSync(staged, contents[format]());
      renameSync(staged, path);
      return path;
    });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A new private folder to write into before renaming: in the temporary directory when it is on the same file
 * system as the target (a rename across file systems fails), else a hidden folder beside the target.
 */
function stagingFolder(targetDir: string): string {
  const sameDevice = statSync(tmpdir()).dev === statSync(targetDir).dev;
  return mkdtempSync(join(sameDevice ? tmpdir() : targetDir, ".savePlot-"));
}
