import { decode } from "fast-png";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { displayBundle, forNotebook, MAX_SVG_BYTES, NOTEBOOK_THEME, renderSvg, savePlot, show, VEGA_LITE_MIME } from "../../src/display";
import { Network221, RandomState } from "../../src";
import { pointsDataset, testPoint } from "../../src/data";
import { pointsPlot, regionsPlot } from "../../src/plots";

const small: TopLevelSpec = {
  description: "Three points in a row",
  data: { values: [{ a: 1 }, { a: 2 }, { a: 3 }] },
  mark: "point",
  encoding: { x: { field: "a", type: "quantitative" } },
};
/** Enough points that the SVG outgrows the limit and the bundle keeps only the PNG. */
const large: TopLevelSpec = {
  title: "Many points",
  data: { sequence: { start: 0, stop: 4000, as: "a" } },
  mark: "point",
  encoding: { x: { field: "a", type: "quantitative" }, y: { field: "a", type: "quantitative" } },
};

const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const svgSize = (svg: string): number[] => [Number(svg.match(/width="(\d+)"/)![1]), Number(svg.match(/height="(\d+)"/)![1])];

const folders: string[] = [];
function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "plots-"));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  jupyter.lastWriteDisplayData = null;
});
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("displayBundle", () => {
  it("holds the spec, a PNG, an SVG while it is small, and the spec's description as text", async () => {
    const bundle = await displayBundle(small);
    expect(Object.keys(bundle).sort()).toEqual([VEGA_LITE_MIME, "image/png", "image/svg+xml", "text/plain"].sort());
    expect(bundle["image/svg+xml"]).toMatch(/^<svg/);
    expect([...Buffer.from(bundle["image/png"] as string, "base64").subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bundle["text/plain"]).toBe("Three points in a row");
  });

  it("always carries the image/png JupyterLab's Vega renderer would otherwise add on opening, at its scale 1", async () => {
    // The renderer (packages/vega5-extension) returns early when `model.data['image/png']` is set; else it adds a
    // PNG of the drawn chart at scale 1 with setData, and the notebook is marked modified.
    const net = Network221.fromRandom(new RandomState(0));
    const spec = regionsPlot(net, { data: pointsDataset(), queries: [testPoint] });
    const saved = JSON.parse(JSON.stringify(await displayBundle(spec))) as Record<string, unknown>;
    expect(typeof saved["image/png"]).toBe("string");
    const png = decode(Buffer.from(saved["image/png"] as string, "base64"));
    expect([png.width, png.height]).toEqual(svgSize(saved["image/svg+xml"] as string));
    // The whole output stays within a few hundred KB.
    expect(JSON.stringify(saved).length).toBeLessThan(300_000);
  });

  it("keeps only the PNG when the SVG would be large", async () => {
    const bundle = await displayBundle(large, { description: "four thousand points" });
    expect(bundle["image/svg+xml"]).toBeUndefined();
    const png = Buffer.from(bundle["image/png"] as string, "base64");
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.length).toBeLessThan(MAX_SVG_BYTES);
    expect(bundle["text/plain"]).toBe("four thousand points");
  });

  it("sends the interactive spec in the notebook's theme, drawn as SVG, and leaves the caller's spec alone", async () => {
    const own = { ...small, config: { axis: { labelColor: "green" } } } as TopLevelSpec;
    const before = JSON.stringify(own);
    const sent = (await displayBundle(own))[VEGA_LITE_MIME] as TopLevelSpec & { usermeta: { embedOptions: { renderer: string } } };
    expect(JSON.stringify(own)).toBe(before);
    expect(sent.usermeta.embedOptions.renderer).toBe("svg");
    expect(sent.config).toMatchObject({ background: "transparent", title: NOTEBOOK_THEME.title, axis: { labelColor: "green", titleColor: "currentColor" } });
    expect(sent.data).toEqual(own.data);
  });
});

describe("forNotebook", () => {
  it("draws titles, labels and axes in the page's text colour on no background, so a theme switch recolours them", async () => {
    const spec = regionsPlot((x1, x2) => 1 / (1 + Math.exp(x2 - 2 * x1)), { data: pointsDataset(), title: "Regions" });
    const plain = await renderSvg(spec);
    const themed = await renderSvg(forNotebook(spec));
    const fillOf = (svg: string, text: string) => svg.match(new RegExp(`<text[^>]*fill="([^"]+)"[^>]*>${text}</text>`))?.[1];
    expect(fillOf(plain, "Regions")).toBe("#000");
    expect(fillOf(themed, "Regions")).toBe("currentColor");
    expect(fillOf(themed, "x1")).toBe("currentColor");
    expect(themed).toMatch(/class="mark-rule role-axis-domain"[^>]*><line[^>]*stroke="currentColor"/);
    // Vega paints the background as a rect filled white by default; transparent leaves the page's colour showing.
    expect(plain).toMatch(/<rect[^>]*fill="white"/);
    expect(themed).not.toMatch(/<rect[^>]*fill="white"/);
  });
});

describe("show", () => {
  it("writes one display_data message with the whole bundle through tslab's kernel writer", async () => {
    const sent: { data: Record<string, unknown>; update: boolean }[] = [];
    jupyter.lastWriteDisplayData = (message: { data: Record<string, unknown> }, update: boolean) => sent.push({ data: message.data, update });
    await show(small);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0]!.data).sort()).toEqual([VEGA_LITE_MIME, "image/png", "image/svg+xml", "text/plain"].sort());
    expect(sent[0]!.update).toBe(false);
  });

  it("fails with a one-line message outside the tslab kernel", async () => {
    await expect(show(small)).rejects.toThrow(/^show\(\) needs the tslab kernel \(run it in a notebook cell\); outside one, use savePlot\(\) to write files$/);
  });
});

describe("savePlot", () => {
  it("writes .vl.json, .svg and .png next to each other and nothing else", async () => {
    const dir = temporaryFolder();
    const spec = pointsPlot({ inputs: [[0, 0]], labels: [1] });
    const paths = await savePlot(spec, join(dir, "sub", "points"));
    expect(paths).toEqual(["vl.json", "svg", "png"].map((ext) => join(dir, "sub", `points.${ext}`)));
    expect(JSON.parse(readFileSync(paths[0]!, "utf8"))).toEqual(spec);
    expect(readFileSync(paths[1]!, "utf8")).toMatch(/^<svg/);
    expect([...readFileSync(paths[2]!).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(readdirSync(join(dir, "sub")).sort()).toEqual(["points.png", "points.svg", "points.vl.json"]);
  });

  it("never creates a file beside the target but the finished plot, so a killed save leaves nothing stray", async () => {
    const dir = temporaryFolder();
    const seen = new Set<string>();
    const watcher = watch(dir, (_event, name) => {
      if (name !== null) seen.add(name.toString());
    });
    try {
      await savePlot(regionsPlot((x1, x2) => 1 / (1 + Math.exp(x2 - 2 * x1)), { data: pointsDataset() }), join(dir, "regions"));
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      watcher.close();
    }
    expect([...seen].sort()).toEqual(["regions.png", "regions.svg", "regions.vl.json"]);
  });

  it("writes only the formats asked for, whatever extension the path ends in", async () => {
    const dir = temporaryFolder();
    expect(await savePlot(small, join(dir, "chart.svg"), ["vl.json"])).toEqual([join(dir, "chart.vl.json")]);
    expect(existsSync(join(dir, "chart.svg"))).toBe(false);
  });

  it("rejects an unknown format, and writes nothing for a spec it cannot render", async () => {
    await expect(savePlot(small, "x", ["pdf" as never])).rejects.toThrow('formats[0] must be one of vl.json, svg, png, got "pdf"');
    const dir = temporaryFolder();
    const outside = { data: { url: "file:///etc/hostname" }, mark: "point" } as TopLevelSpec;
    await expect(savePlot(outside, join(dir, "leak"))).rejects.toThrow(/^url must be inline/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
