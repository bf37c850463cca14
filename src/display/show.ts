import type { TopLevelSpec } from "vega-lite";
import { type BundleOptions, displayBundle } from "./bundle";
import { writeDisplayBundle } from "./jupyter";

/**
 * Shows a plot as the output of the current notebook cell: interactive in JupyterLab, a static image in
 * nbconvert HTML, GitHub and VS Code. Outside the tslab kernel it throws a one-line error rather than
 * printing text, so a script that meant to save a plot does not silently lose it.
 */
export async function show(spec: TopLevelSpec, options: BundleOptions = {}): Promise<void> {
  writeDisplayBundle(await displayBundle(spec, options));
}
