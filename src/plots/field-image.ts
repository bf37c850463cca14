import { encode } from "fast-png";
import { writeFieldColor } from "./colors";
import type { SampledGrid } from "./grid";

/**
 * The sampled field as a PNG data URL, one pixel per grid cell, for a Vega-Lite `image` mark.
 * One raster image is a few KB where a `rect` mark per cell would be megabytes of SVG.
 */
export function fieldImageUrl(grid: SampledGrid): string {
  const n = grid.resolution;
  const data = new Uint8Array(n * n * 3);
  for (let i = 0; i < grid.values.length; i++) writeFieldColor(grid.values[i]!, data, 3 * i);
  const png = encode({ width: n, height: n, data, channels: 3, depth: 8 });
  return `data:image/png;base64,${toBase64(png)}`;
}

/** Base64 without Node's Buffer, so the plot builders run anywhere. */
function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
