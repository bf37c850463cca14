import { existsSync, mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterEach, describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { displayBundle, MAX_SVG_BYTES, savePlot, show, VEGA_LITE_MIME } from "../../src/display";
import { pointsPlot } from "../../src/plots";

const small: TopLevelSpec = {
  description: "Three points in a row",
  data: { values: [{ a: 1 }, { a: 2 }, { a: 3 }] },
  mark: "point",
  encoding: { x: { field: "a", type: "quantitative" } },
};
/** Enough points that the SVG outgrows the limit and the bundle switches to PNG. */
const large: TopLevelSpec = {
  title: "Many points",
  data: { sequence: { start: 0, stop: 4000, as: "a" } },
  mark: "point",
  encoding: { x: { field: "a", type: "quantitative" }, y: { field: "a", type: "quantitative" } },
};

const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

afterEach(() => {
  jupyter.lastWriteDisplayData = null;
});

describe("displayBundle", () => {
  it("holds the spec as an object, an SVG image and the spec's description as text", async () => {
    const bundle = await displayBundle(small);
    expect(Object.keys(bundle).sort()).toEqual([VEGA_LITE_MIME, "image/svg+xml", "text/plain"].sort());
    expect(bundle[VEGA_LITE_MIME]).toBe(small);
    expect(bundle["image/svg+xml"]).toMatch(/^<svg/);
    expect(bundle["text/plain"]).toBe("Three points in a row");
  });

  it("sends a base64 PNG instead when the SVG would be large", async () => {
    const bundle = await displayBundle(large, { description: "four thousand points" });
    expect(bundle["image/svg+xml"]).toBeUndefined();
    const png = Buffer.from(bundle["image/png"] as string, "base64");
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.length).toBeLessThan(MAX_SVG_BYTES);
    expect(bundle["text/plain"]).toBe("four thousand points");
  });
});

describe("show", () => {
  it("writes one display_data message with the whole bundle through tslab's kernel writer", async () => {
    const sent: { data: Record<string, unknown>; update: boolean }[] = [];
    jupyter.lastWriteDisplayData = (message: { data: Record<string, unknown> }, update: boolean) => sent.push({ data: message.data, update });
    await show(small);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].data).sort()).toEqual([VEGA_LITE_MIME, "image/svg+xml", "text/plain"].sort());
    expect(sent[0].update).toBe(false);
  });

  it("fails with a one-line message outside the tslab kernel", async () => {
    await expect(show(small)).rejects.toThrow(/^show\(\) needs the tslab kernel \(run it in a notebook cell\); outside one, use savePlot\(\) to write files$/);
  });
});

describe("savePlot", () => {
  it("writes .vl.json, .svg and .png next to each other and leaves no temporary files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plots-"));
    const spec = pointsPlot([{ x1: 0, x2: 0, label: 1 }]);
    const paths = await savePlot(spec, join(dir, "sub", "points"));
    expect(paths).toEqual(["vl.json", "svg", "png"].map((ext) => join(dir, "sub", `points.${ext}`)));
    expect(JSON.parse(readFileSync(paths[0], "utf8"))).toEqual(spec);
    expect(readFileSync(paths[1], "utf8")).toMatch(/^<svg/);
    expect([...readFileSync(paths[2]).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(readdirSync(join(dir, "sub")).sort()).toEqual(["points.png", "points.svg", "points.vl.json"]);
  });

  it("writes only the formats asked for, whatever extension the path ends in", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plots-"));
    expect(await savePlot(small, join(dir, "chart.svg"), ["vl.json"])).toEqual([join(dir, "chart.vl.json")]);
    expect(existsSync(join(dir, "chart.svg"))).toBe(false);
  });

  it("rejects an unknown format", async () => {
    await expect(savePlot(small, "x", ["pdf" as never])).rejects.toThrow('formats[0] must be one of vl.json, svg, png, got "pdf"');
  });
});
