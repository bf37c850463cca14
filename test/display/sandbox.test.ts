import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { displayBundle, renderSvg, svgToPng } from "../../src/display";
import { pointsDataset } from "../../src/data";
import { regionsPlot } from "../../src/plots";

const fs = require("fs") as typeof import("fs");

/** A spec that reads its data from an address instead of carrying it. */
const fromUrl = (url: string): TopLevelSpec => ({ data: { url, format: { type: "csv" } }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } });

const SECRET = "a1\nsecret-marker-7f3a";
let folder: string;
let secretFile: string;
let server: Server;
let requests = 0;
let loopback: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "sandbox-"));
  secretFile = join(folder, "secret.csv");
  writeFileSync(secretFile, SECRET);
  // An in-process server on the loopback address: it counts requests, which a sandboxed render never makes.
  server = createServer((_request, response) => {
    requests++;
    response.end(SECRET);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  loopback = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data.csv`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

describe("rendering is sandboxed", () => {
  it("refuses a file URL without reading the file", async () => {
    const readFile = vi.spyOn(fs, "readFile");
    try {
      await expect(renderSvg(fromUrl(`file://${secretFile}`))).rejects.toThrow(
        `url must be inline (data.values, or a data: image): plots are drawn without reading files or the network, got "file://${secretFile}"`,
      );
      await expect(renderSvg(fromUrl(secretFile))).rejects.toThrow(/^url must be inline/);
      expect(readFile).not.toHaveBeenCalled();
    } finally {
      readFile.mockRestore();
    }
  });

  it("refuses a loopback URL without making the request", async () => {
    await expect(renderSvg(fromUrl(loopback))).rejects.toThrow(/^url must be inline .*, got "http:\/\/127\.0\.0\.1:\d+\/data\.csv"$/);
    await expect(displayBundle(fromUrl(loopback))).rejects.toThrow(/^url must be inline/);
    expect(requests).toBe(0);
  });

  it("refuses an image or a link pointing outside, as well as data", async () => {
    const image: TopLevelSpec = { width: 20, height: 20, data: { values: [{ u: loopback }] }, mark: "image", encoding: { url: { field: "u" } } };
    await expect(renderSvg(image)).rejects.toThrow(/^url must be inline/);
    const link: TopLevelSpec = { data: { values: [{ a: 1, u: "https://example.org" }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" }, href: { field: "u" } } };
    await expect(renderSvg(link)).rejects.toThrow('url must be inline (data.values, or a data: image): plots are drawn without reading files or the network, got "https://example.org"');
    expect(requests).toBe(0);
  });

  it("still draws our own data-URL image for the regions field, in SVG and PNG", async () => {
    const svg = await renderSvg(regionsPlot((x1, x2) => 1 / (1 + Math.exp(x2 - 2 * x1)), { data: pointsDataset() }));
    expect(svg).toMatch(/<image[^>]*href="data:image\/png;base64,/);
    expect(svgToPng(svg, 1).length).toBeGreaterThan(1000);
  });
});

describe("svgToPng", () => {
  const blank = (width: number, height: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`;

  it("refuses an SVG whose image would be read from disk", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="${secretFile}" width="10" height="10"/></svg>`;
    expect(() => svgToPng(svg, 1)).toThrow(`svg image href must be a data: URL: images are drawn without reading files or the network, got "${secretFile}"`);
  });

  it("bounds the scale, and the pixels of a huge plot, naming the limits", () => {
    expect(() => svgToPng(blank(100, 100), 100)).toThrow("scale must be a number > 0 and at most 8, got 100");
    expect(() => svgToPng(blank(100, 100), 0)).toThrow("scale must be a number > 0 and at most 8, got 0");
    expect(() => svgToPng(blank(100, 100), NaN)).toThrow("scale must be a number > 0 and at most 8, got NaN");
    expect(() => svgToPng(blank(20000, 20000), 1)).toThrow(
      "scale must be at most 0.28 for this 20000 × 20000 px plot (a PNG has at most 32,000,000 pixels), got 1",
    );
    expect(svgToPng(blank(20000, 20000), 0.25).length).toBeGreaterThan(0);
  });

  it("refuses a spec of many megabytes before drawing it", async () => {
    const huge: TopLevelSpec = { data: { values: Array.from({ length: 200_000 }, (_, a) => ({ a, b: "padding padding" })) }, mark: "point" };
    await expect(renderSvg(huge)).rejects.toThrow(/^spec size must be at most 5,000,000 bytes of JSON \(draw fewer points, a coarser grid or fewer snapshots\), got \d+$/);
  });
});
