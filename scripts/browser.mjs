// The one browser harness: JupyterLab on a throwaway copy of the notebooks, driven in Debian's Chromium through
// playwright-core, so the committed files are never saved over. For each notebook it notes whether opening it marks
// it modified (once every chart has drawn and JupyterLab has had a few seconds), runs all cells, and reports each
// cell's errors (tslab prints them on stderr), whether each chart drew, and whether moving a chart's slider redraws
// it. Run through setup (`node scripts/setup.mjs node scripts/browser.mjs …`), which puts jupyter on PATH.
//   --screenshots   PNGs of every chart and table and of the whole notebook in out/screenshots/<notebook>/
//   --dark          the same again in the dark theme, in out/screenshots/<notebook>/dark/
//   --report FILE   the findings as JSON (test/python/test_browser.py reads them)
//   --interrupt NAME  in notebook NAME, after Run All, runs its first live cell again and interrupts it a few frames in
// While Run All runs, it samples each live cell (one calling trainLive or compareLive) at every frame painted, counting
// the frames it showed before its final one, and compares that final frame with the committed output.
import { randomBytes } from "node:crypto";
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, LAB_ARGS, ROOT } from "./setup.mjs";
import { stopAll, supervise } from "./supervise.mjs";

// Without the background-networking flags Chromium keeps dialling Google, which a closed network refuses.
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
  .concat(["--disable-background-networking", "--disable-component-update", "--disable-sync"]);
const VIEWPORT = { width: 1280, height: 900 };
const MAX_PAGE_HEIGHT = 16000; // Chromium's largest screenshot; longer notebooks are cut there in notebook.png
const SETTLE_MS = 3000; // JupyterLab's renderers may change an output after drawing it (a chart's image/png)
const [KERNEL_MS, RUN_ALL_MS, CHARTS_MS] = [90_000, 300_000, 30_000];
const FRAMES_BEFORE_INTERRUPT = 3; // progress lines a live run shows before --interrupt stops it
// A sibling of notebooks/, so that `import … from ".."` in the copies still reaches the package root.
const WORK = join(ROOT, `.browser-work-${process.pid}`);

const args = process.argv.slice(2);
const option = (name) => args.includes(name);
const valueOf = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const reportFile = valueOf("--report") && resolve(valueOf("--report"));
const interrupting = valueOf("--interrupt") ?? "";
const given = args.filter((arg, i) => !arg.startsWith("--") && !["--report", "--interrupt"].includes(args[i - 1]));
const notebooks = given.length > 0 ? given.map((arg) => resolve(process.env.INIT_CWD ?? ".", arg)) : readdirSync(join(ROOT, "notebooks"))
  .filter((name) => name.endsWith(".ipynb")).sort().map((name) => join(ROOT, "notebooks", name));

/** Helpers defined in every JupyterLab page, on the notebook currently open. */
function pageHelpers() {
  const notebook = () => window.jupyterapp.shell.currentWidget;
  const text = (value) => (Array.isArray(value) ? value.join("") : value ?? "");
  window.notebookReady = (name) => {
    const widget = window.jupyterapp?.shell.currentWidget;
    return widget?.context?.path === name && widget.context.isReady && widget.sessionContext.session?.kernel?.status === "idle";
  };
  window.isModified = () => notebook().context.model.dirty;
  window.codeCells = () => notebook().content.widgets.map((cell, index) => ({ cell, number: index + 1 })).filter(({ cell }) => cell.model.type === "code");
  window.chartsDrawn = () => window.codeCells().every(({ cell }) => cell.node.querySelectorAll(".vega-embed .marks").length >= window.chartCount(cell));
  window.chartCount = (cell) => cell.model.outputs.toJSON().filter((output) => Object.keys(output.data ?? {}).some((mime) => mime.includes("vega"))).length;
  window.runAll = async () => {
    const { commands } = window.jupyterapp;
    await commands.execute("notebook:clear-all-cell-outputs");
    // Settles once every cell has run, or once the kernel dropped the rest after an error.
    commands.execute("notebook:run-all-cells").finally(() => (window.ranAll = true));
  };
  window.ranAll = false;
  window.errorsOf = (cell) => cell.model.outputs.toJSON()
    .filter((output) => output.output_type === "error" || output.name === "stderr")
    .map((output) => (output.output_type === "error" ? output.traceback.join("\n") : text(output.text)).replace(/\x1b\[[0-9;]*[A-Za-z]/g, ""));
  window.cellReports = () => window.codeCells().map(({ cell, number }) => ({
    number,
    ran: cell.model.executionCount !== null || cell.model.sharedModel.getSource().trim() === "",
    errors: window.errorsOf(cell),
    charts: window.chartCount(cell),
    drawn: cell.node.querySelectorAll(".vega-embed .marks").length,
  }));
  /** Moves each chart's first slider to its other end; reports whether the chart's marks changed. */
  window.moveSliders = async () => {
    const moved = [];
    for (const { cell, number } of window.codeCells()) {
      for (const embed of cell.node.querySelectorAll(".vega-embed")) {
        const slider = embed.querySelector("input[type=range]");
        const marks = embed.querySelector(".marks");
        if (!slider || !marks) continue;
        const picture = () => (marks.tagName === "CANVAS" ? marks.toDataURL() : marks.outerHTML);
        const before = picture();
        slider.value = slider.value === slider.max ? slider.min : slider.max;
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((done) => setTimeout(done, 1000));
        moved.push({ number, changed: picture() !== before });
      }
    }
    return moved;
  };
  /**
   * What a live cell (one calling trainLive or compareLive) shows now, from its SVG: the regions' boundary lines and
   * field images (the view's first row) and the loss lines (its second), with the frame's text; null before it draws.
   * Each frame is a new chart whose field images load a moment after it is drawn (no href until then): a field is
   * counted only once loaded, and the boundary on its own, as the learner sees the lines move meanwhile.
   */
  window.livePicture = (cell) => {
    const [frame] = cell.model.outputs.toJSON().filter((output) => output.output_type === "display_data");
    const svg = cell.node.querySelector(".jp-OutputArea-output svg.marks");
    const [regions, loss] = [0, 1].map((k) => svg?.querySelector(`.concat_${k}_group`));
    if (!frame || !regions || !loss) return null;
    const lines = (panel) => [...panel.querySelectorAll(".mark-line path")].map((path) => path.getAttribute("d")).join(";");
    const fields = [...regions.querySelectorAll(".mark-image image")].map((image) => image.getAttributeNS("http://www.w3.org/1999/xlink", "href"));
    return { text: text(frame.data["text/plain"]), boundary: lines(regions), field: fields.every(Boolean) ? fields.join(";") : null, loss: lines(loss) };
  };
  window.liveCells = () => window.codeCells().filter(({ cell }) => /\b(trainLive|compareLive)\s*\(/.test(cell.model.sharedModel.getSource()));
  const running = (cell) => cell.node.querySelector(".jp-InputPrompt")?.textContent.includes("*") ?? false;
  const LIVE_KINDS = ["text", "boundary", "field", "loss"];
  /** Samples each live cell at every frame the page paints while it runs, until liveReports() reads what each showed. */
  window.watchLive = () => {
    window.liveSeen = {};
    const sample = () => {
      for (const { cell, number } of window.liveCells()) {
        const picture = running(cell) ? window.livePicture(cell) : null;
        if (!picture) continue;
        window.liveSeen[number] ??= Object.fromEntries(LIVE_KINDS.map((kind) => [kind, new Set()]));
        for (const kind of LIVE_KINDS) if (picture[kind] !== null) window.liveSeen[number][kind].add(picture[kind]);
      }
      window.liveTimer = requestAnimationFrame(sample);
    };
    sample();
  };
  /**
   * Each live cell's frames seen painted before its final one: how many distinct progress lines, boundaries, fields
   * and loss curves, the final frame's left out; with that final frame.
   */
  window.liveReports = () => {
    cancelAnimationFrame(window.liveTimer);
    return window.liveCells().map(({ cell, number }) => {
      const last = window.livePicture(cell) ?? {};
      const counts = LIVE_KINDS.map((kind) => [kind, [...(window.liveSeen[number]?.[kind] ?? [])].filter((value) => value !== last[kind]).length]);
      const [frame] = cell.model.outputs.toJSON().filter((output) => output.output_type === "display_data");
      return { number, id: cell.model.id, ...Object.fromEntries(counts), final: frame ?? null };
    });
  };
  /** Runs the code cell numbered `number` (from 1), or with `source` a new cell typed below it, without waiting. */
  window.runCell = async (number, source) => {
    const { content } = notebook();
    content.activeCellIndex = number - 1;
    content.deselectAll();
    if (source !== undefined) {
      // The new cell is made with its source, in one step: a cell inserted empty and filled afterwards could run empty.
      content.model.sharedModel.insertCell(number, { cell_type: "code", source });
      content.activeCellIndex = number;
    }
    void window.jupyterapp.commands.execute("notebook:run-cell");
    return content.activeCellIndex + 1;
  };
  window.cellDone = (number) => {
    const cell = notebook().content.widgets[number - 1];
    return !running(cell) && cell.model.executionCount !== null && notebook().sessionContext.session?.kernel?.status === "idle";
  };
  window.cellOutputs = (number) => notebook().content.widgets[number - 1].model.outputs.toJSON();
  /** Tags every chart, table and image for a screenshot; returns their file names. */
  window.screenshotTargets = () => window.codeCells().flatMap(({ cell, number }) => {
    const found = [...cell.node.querySelectorAll(".vega-embed, .jp-OutputArea-output table, .jp-RenderedImage img, .jp-RenderedSVG svg")];
    return found.map((element, index) => {
      element.dataset.screenshot = `${number}-${index}`;
      const kind = element.matches(".vega-embed") ? "chart" : element.matches("table") ? "table" : "image";
      return { id: element.dataset.screenshot, file: `cell-${String(number).padStart(2, "0")}-${kind}-${index + 1}.png` };
    });
  });
  window.notebookScrollHeight = () => {
    const scroller = notebook().node.querySelector(".jp-WindowedPanel-outer") ?? notebook().content.node;
    scroller.scrollTop = 0;
    return scroller.scrollHeight - scroller.clientHeight;
  };
}

async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((ready) => server.once("listening", ready));
  const { port } = server.address();
  await new Promise((closed) => server.close(closed));
  return port;
}

/** JupyterLab on WORK with settings of its own: no news, no autosave, every cell kept on the page. */
async function startLab(temp, theme) {
  const settings = {
    "@jupyterlab/apputils-extension/notification": { fetchNews: "false", checkForUpdates: false },
    "@jupyterlab/apputils-extension/themes": { theme },
    "@jupyterlab/docmanager-extension/plugin": { autosave: false },
    "@jupyterlab/notebook-extension/tracker": { windowingMode: "none" },
  };
  for (const [plugin, values] of Object.entries(settings)) {
    mkdirSync(join(temp, "settings", plugin, ".."), { recursive: true });
    writeFileSync(join(temp, "settings", `${plugin}.jupyterlab-settings`), JSON.stringify(values));
  }
  const [port, token, log] = [await freePort(), randomBytes(16).toString("hex"), join(temp, "jupyter.log")];
  const output = openSync(log, "w");
  supervise("jupyter", ["lab", "--no-browser", "--ServerApp.ip=127.0.0.1", `--ServerApp.port=${port}`, "--ServerApp.port_retries=0",
    `--IdentityProvider.token=${token}`, `--ServerApp.root_dir=${WORK}`, "--LabApp.expose_app_in_browser=True", ...LAB_ARGS], {
    cwd: ROOT,
    stdio: ["ignore", output, output],
    env: { ...process.env, JUPYTERLAB_SETTINGS_DIR: join(temp, "settings"), JUPYTERLAB_WORKSPACES_DIR: join(temp, "workspaces") },
  });
  closeSync(output);
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + KERNEL_MS; Date.now() < deadline; await new Promise((wait) => setTimeout(wait, 250))) {
    if (await fetch(`${url}/api/status?token=${token}`).then((response) => response.ok, () => false)) return { url, token };
  }
  throw new Error(`jupyter lab did not answer on port ${port}:\n${readFileSync(log, "utf8").slice(-2000)}`);
}

/** Opens one notebook, runs it, takes its screenshots into `outDir` if given, and reports what it saw. */
async function visit(page, lab, name, outDir) {
  await page.goto(`${lab.url}/lab/tree/${encodeURIComponent(name)}?reset&token=${lab.token}`);
  await page.waitForFunction((name) => window.notebookReady(name), name, { timeout: KERNEL_MS, polling: 250 });
  await page.evaluate(() => window.jupyterapp.shell.collapseLeft());
  const drawn = () => page.waitForFunction(() => window.chartsDrawn(), null, { timeout: CHARTS_MS, polling: 250 }).catch(() => undefined);
  await drawn();
  await page.waitForTimeout(SETTLE_MS);
  const committed = JSON.parse(readFileSync(join(WORK, name), "utf8"));
  const modifiedAfterOpening = await page.evaluate(() => window.isModified());

  const started = Date.now();
  await page.evaluate(() => (window.watchLive(), window.runAll()));
  await page.waitForFunction(() => window.ranAll && window.notebookReady(window.jupyterapp.shell.currentWidget.context.path), null,
    { timeout: RUN_ALL_MS, polling: 250 });
  const runSeconds = (Date.now() - started) / 1000;
  await drawn();
  const cells = await page.evaluate(() => window.cellReports());
  const live = (await page.evaluate(() => window.liveReports())).map((report) => compareFinal(report, committed));
  const files = outDir ? await screenshots(page, outDir) : [];
  const sliders = await page.evaluate(() => window.moveSliders());
  const interrupt = interrupting === name && live.length > 0 ? await interruptLive(page, live[0].number) : undefined;
  await page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown());
  return { notebook: name, modifiedAfterOpening, runSeconds, cells, live, sliders, interrupt, files };
}

/** A live cell's frame counts, and whether its final frame equals the committed output: text, Vega-Lite spec, a PNG. */
function compareFinal({ final, ...counts }, committed) {
  const cell = committed.cells.find((cell) => cell.id === counts.id);
  const [kept] = (cell?.outputs ?? []).filter((output) => output.output_type === "display_data");
  const text = (output) => [output?.data["text/plain"] ?? ""].flat().join("");
  // nbformat writes keys sorted, the kernel's message keeps their order.
  const sorted = (value) => Array.isArray(value) ? value.map(sorted)
    : value && typeof value === "object" ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])])) : value;
  const spec = (output) => JSON.stringify(sorted(Object.entries(output?.data ?? {}).find(([mime]) => mime.includes("vegalite"))?.[1] ?? null));
  const firstDifference = (a, b) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i === a.length && i === b.length ? "" : `at ${i}: …${a.slice(Math.max(0, i - 40), i + 60)}… committed …${b.slice(Math.max(0, i - 40), i + 60)}…`;
  };
  return {
    ...counts,
    finalText: firstDifference(text(final), text(kept)),
    finalSpec: firstDifference(spec(final), spec(kept)),
    finalPng: typeof final?.data["image/png"] === "string",
  };
}

/**
 * Kernel → Interrupt, from JupyterLab's menu command, a few frames into a run of the live cell `number` (after Run
 * All, so everything it needs is defined): what its view and its errors then say, whether the kernel is idle, and
 * what a `1 + 1` typed into a new cell below gives.
 */
async function interruptLive(page, number) {
  const found = {};
  const step = async (name, action) => {
    found.step = name;
    return action();
  };
  try {
    await page.evaluate((number) => (window.watchLive(), window.runCell(number)), number);
    await step(`waiting for ${FRAMES_BEFORE_INTERRUPT} frames`, () => page.waitForFunction(({ number, frames }) => window.liveSeen[number]?.text.size >= frames,
      { number, frames: FRAMES_BEFORE_INTERRUPT }, { timeout: CHARTS_MS, polling: 50 }));
    await page.evaluate(() => window.jupyterapp.commands.execute("notebook:interrupt-kernel"));
    await step("waiting for the interrupted cell to end", () => page.waitForFunction((number) => window.cellDone(number), number, { timeout: CHARTS_MS, polling: 250 }));
    const [live] = await page.evaluate((number) => window.liveReports().filter((report) => report.number === number), number);
    found.framesBefore = live.text;
    found.view = [live.final?.data["text/plain"] ?? ""].flat().join("");
    found.kernel = await page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.status ?? "gone");
    found.errors = await page.evaluate((number) => window.errorsOf(window.jupyterapp.shell.currentWidget.content.widgets[number - 1]), number);
    const next = await page.evaluate((number) => window.runCell(number, "1 + 1"), number);
    await step("waiting for `1 + 1` in a new cell to run", () => page.waitForFunction((next) => window.cellDone(next), next, { timeout: CHARTS_MS, polling: 250 }));
    const outputs = await page.evaluate((next) => window.cellOutputs(next), next);
    found.next = outputs.map((output) => [output.data?.["text/plain"] ?? output.text ?? output.evalue ?? ""].flat().join(""));
    delete found.step;
  } catch (error) {
    found.failure = `${found.step}: ${error.message.split("\n")[0]}`;
  }
  return found;
}

async function screenshots(page, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = [];
  for (const { id, file } of await page.evaluate(() => window.screenshotTargets())) {
    const element = page.locator(`[data-screenshot="${id}"]`);
    await element.scrollIntoViewIfNeeded();
    // Vega draws on the animation frames after its canvas appears.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const box = await element.boundingBox();
    const margin = 8; // so a table's caption or a chart's edge is not cut flush
    const clip = { x: Math.max(0, box.x - margin), y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin };
    await page.screenshot({ path: join(outDir, file), clip });
    files.push(join(outDir, file));
  }
  // JupyterLab scrolls inside a fixed-size page: the viewport grows to the notebook's height for notebook.png.
  const height = Math.min(VIEWPORT.height + (await page.evaluate(() => window.notebookScrollHeight())), MAX_PAGE_HEIGHT);
  await page.setViewportSize({ width: VIEWPORT.width, height });
  await page.screenshot({ path: join(outDir, "notebook.png") });
  await page.setViewportSize(VIEWPORT);
  return [...files, join(outDir, "notebook.png")];
}

function problems(report) {
  if (report.failure) return [report.failure];
  return report.cells.flatMap(({ number, ran, errors, charts, drawn }) => [
    ...errors.map((error) => `cell ${number}: ${error.trim().split("\n").slice(0, 3).join(" | ")}`),
    ...(ran ? [] : [`cell ${number} did not run`]),
    ...(drawn < charts ? [`cell ${number}: ${charts - drawn} of ${charts} charts did not draw`] : []),
  ]);
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`Debian's Chromium is not at ${CHROMIUM}: apt-get install -y chromium`);
  const temp = mkdtempSync(join(tmpdir(), "neural-notebooks-browser-"));
  process.on("exit", () => [WORK, temp].forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  cpSync(join(ROOT, "notebooks"), WORK, { recursive: true, filter: (source) => !source.includes(".ipynb_checkpoints") });
  for (const notebook of notebooks) cpSync(notebook, join(WORK, basename(notebook)));

  const themes = [["JupyterLab Light", ""], ...(option("--dark") ? [["JupyterLab Dark", "dark"]] : [])];
  const lab = await startLab(temp, themes[0][0]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(pageHelpers);
  const reports = [];
  for (const [theme, subfolder] of themes) {
    if (subfolder) await page.evaluate((theme) => window.jupyterapp.commands.execute("apputils:change-theme", { theme }), theme);
    for (const name of notebooks.map((notebook) => basename(notebook))) {
      const outDir = option("--screenshots") ? join(ROOT, "out", "screenshots", basename(name, ".ipynb"), subfolder) : undefined;
      const report = await visit(page, lab, name, outDir).catch((error) => ({ notebook: name, failure: error.message.split("\n")[0] }));
      reports.push({ ...report, theme });
      for (const file of report.files ?? []) console.log(`wrote ${file.slice(ROOT.length + 1)}`);
      const opened = report.modifiedAfterOpening ? "; opening it marked it modified" : "";
      console.log(`${name} (${theme}): ${report.failure ? "failed" : `ran all cells in ${report.runSeconds.toFixed(1)} s`}${opened}`);
      for (const problem of problems(report)) console.log(`  ${problem}`);
      for (const { number, text, boundary, field, loss, finalText, finalSpec } of report.live ?? []) {
        const final = finalText || finalSpec ? "differs from the committed output" : "equals the committed output";
        console.log(`  live cell ${number}, before its final frame (which ${final}): ${text} progress lines, ${boundary} boundaries, ${field} fields, ${loss} loss curves`);
      }
      const { interrupt } = report;
      if (interrupt) console.log(`  interrupt: ${interrupt.failure ?? `after ${interrupt.framesBefore} frames: ${interrupt.errors.join(" ").trim()}`}`);
    }
  }
  if (reportFile) writeFileSync(reportFile, JSON.stringify(reports, null, 1));
  await browser.close();
  return reports.some((report) => problems(report).length > 0) ? 1 : 0;
}

main().then(stopAll, (error) => {
  console.error(`error: ${error.message}`);
  stopAll(1);
});
