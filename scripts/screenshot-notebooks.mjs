// `npm run screenshots [-- notebooks/NN-name.ipynb ...] [--dark] [--install-browser]`: opens each notebook in
// JupyterLab in headless Chromium, runs all cells, and writes a PNG of every plot and HTML table plus the whole
// notebook to out/screenshots/<notebook>/ (and out/screenshots/<notebook>/dark/ with --dark), so a person can look.
// It runs a throwaway copy of notebooks/, so JupyterLab can never save fresh outputs into the committed files.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { jupyterProcessEnv, ROOT, runMain, setup } from "./setup.mjs";

const CHROMIUM = "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps dialling Google, which this closed network refuses.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const NOTEBOOKS = join(ROOT, "notebooks");
const OUT = join(ROOT, "out", "screenshots");
// A sibling of notebooks/ so that `import … from ".."` in the copied notebooks still reaches the package root.
const WORK_PREFIX = ".screenshots-work-";
const VIEWPORT = { width: 1280, height: 900 };
// Chromium's largest screenshot; longer notebooks are cut at this height in notebook.png.
const MAX_PAGE_HEIGHT = 16000;
const SERVER_START_MS = 60_000;
const KERNEL_READY_MS = 60_000;
const RUN_ALL_MS = 300_000;
const CHART_RENDER_MS = 15_000;
const VEGA_MIME_TYPES = ["application/vnd.vegalite.v5+json", "application/vnd.vega.v5+json"];
const IMAGE_MIME_TYPES = ["image/svg+xml", "image/png", "image/jpeg"];

class ScreenshotError extends Error {}

function log(message) {
  console.log(`[screenshots] ${message}`);
}

function parseArgs(argv) {
  const options = { dark: false, installBrowser: false, notebooks: [] };
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  for (const arg of argv) {
    if (arg === "--dark") options.dark = true;
    else if (arg === "--install-browser") options.installBrowser = true;
    else if (arg.startsWith("-")) throw new ScreenshotError(`unknown option ${arg} (known: --dark, --install-browser)`);
    else options.notebooks.push(notebookPath(resolve(cwd, arg), arg));
  }
  if (options.notebooks.length === 0) {
    options.notebooks = readdirSync(NOTEBOOKS)
      .filter((name) => name.endsWith(".ipynb"))
      .sort()
      .map((name) => join(NOTEBOOKS, name));
    if (options.notebooks.length === 0) throw new ScreenshotError(`no .ipynb files in ${relative(ROOT, NOTEBOOKS)}/`);
  }
  return options;
}

function notebookPath(path, given) {
  if (extname(path) !== ".ipynb") throw new ScreenshotError(`notebook must be an .ipynb file, got ${given}`);
  if (!existsSync(path)) throw new ScreenshotError(`notebook not found: ${given}`);
  if (!path.startsWith(NOTEBOOKS + sep)) throw new ScreenshotError(`notebook must be inside notebooks/, got ${given}`);
  return path;
}

function ensureChromium(install) {
  if (existsSync(CHROMIUM)) return;
  if (!install) {
    throw new ScreenshotError(
      `Chromium is missing (${CHROMIUM}): run \`apt-get install -y chromium\` as root, or rerun with --install-browser as root`,
    );
  }
  if (process.getuid?.() !== 0) throw new ScreenshotError("--install-browser runs apt-get and needs root");
  for (const args of [["update"], ["install", "-y", "chromium"]]) {
    log(`apt-get ${args.join(" ")}`);
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new ScreenshotError(`apt-get ${args.join(" ")} failed (exit ${result.status ?? result.error?.message})`);
  }
  if (!existsSync(CHROMIUM)) throw new ScreenshotError(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** A fresh copy of notebooks/ for this run; copies left by runs that were killed are removed. */
function makeWorkDir() {
  for (const name of readdirSync(ROOT)) {
    const pid = name.startsWith(WORK_PREFIX) ? Number(name.slice(WORK_PREFIX.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) rmSync(join(ROOT, name), { recursive: true, force: true });
  }
  const work = join(ROOT, `${WORK_PREFIX}${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(NOTEBOOKS, work, { recursive: true, filter: (source) => basename(source) !== ".ipynb_checkpoints" });
  return work;
}

/** JupyterLab user settings for this run only: no news toast, no autosave, every cell attached to the page. */
function writeSettings(settingsDir, theme) {
  const settings = {
    "@jupyterlab/apputils-extension/notification": { fetchNews: "false", checkForUpdates: false },
    "@jupyterlab/apputils-extension/themes": { theme },
    "@jupyterlab/docmanager-extension/plugin": { autosave: false },
    "@jupyterlab/notebook-extension/tracker": { windowingMode: "none" },
  };
  for (const [plugin, values] of Object.entries(settings)) {
    const file = join(settingsDir, `${plugin}.jupyterlab-settings`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(values));
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function startJupyter(env, work, temp) {
  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const args = [
    "lab",
    "--no-browser",
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${port}`,
    "--ServerApp.port_retries=0",
    `--IdentityProvider.token=${token}`,
    `--ServerApp.root_dir=${work}`,
    "--MappingKernelManager.default_kernel_name=tslab",
    // Puts `window.jupyterapp` on the page, so cells are run and watched through JupyterLab's own API.
    "--LabApp.expose_app_in_browser=True",
    ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
  ];
  const child = spawn(env.jupyter, args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...jupyterProcessEnv(env),
      JUPYTERLAB_SETTINGS_DIR: join(temp, "settings"),
      JUPYTERLAB_WORKSPACES_DIR: join(temp, "workspaces"),
    },
  });
  const logLines = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => logLines.push(...chunk.split("\n").filter(Boolean)));
  }
  let exited = null;
  child.on("exit", (code, signal) => (exited = signal ?? `code ${code}`));
  const server = { child, port, token, url: `http://127.0.0.1:${port}`, logLines };

  const deadline = Date.now() + SERVER_START_MS;
  for (;;) {
    if (exited) throw new ScreenshotError(`jupyter lab exited (${exited}) before answering:\n${logLines.slice(-20).join("\n")}`);
    try {
      const response = await fetch(`${server.url}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stopJupyter(server);
      throw new ScreenshotError(`jupyter lab did not answer on port ${port} within ${SERVER_START_MS / 1000} s`);
    }
    await sleep(250);
  }
}

/** Shuts the kernels down through the API (they run in their own process groups), then stops the server. */
async function stopJupyter(server) {
  const headers = { Authorization: `token ${server.token}` };
  try {
    const sessions = await (await fetch(`${server.url}/api/sessions`, { headers })).json();
    await Promise.all(sessions.map((session) => fetch(`${server.url}/api/sessions/${session.id}`, { method: "DELETE", headers })));
  } catch {
    // The server is already gone; its kernels went with it.
  }
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => process.kill(-child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function sleep(ms) {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Opens the copy of one notebook, runs all cells, and screenshots it; returns the cells' errors. */
async function screenshotNotebook(context, server, notebook, outDir) {
  const path = relative(NOTEBOOKS, notebook).split(sep).join("/");
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  try {
    // `reset` starts from an empty workspace, so notebooks opened earlier in this run do not reopen.
    await page.goto(`${server.url}/lab/tree/${path.split("/").map(encodeURIComponent).join("/")}?reset&token=${server.token}`);
    await page
      .waitForFunction(
        (path) => {
          const widget = window.jupyterapp?.shell?.currentWidget;
          return widget?.context?.path === path && widget.context.isReady && widget.sessionContext?.session?.kernel?.status === "idle";
        },
        path,
        { timeout: KERNEL_READY_MS, polling: 250 },
      )
      .catch(async () => {
        const state = await page.evaluate(() => {
          const widget = window.jupyterapp?.shell?.currentWidget;
          const kernel = widget?.sessionContext?.session?.kernel;
          return kernel ? `kernel ${kernel.name} is ${kernel.status}` : "no kernel";
        });
        throw new ScreenshotError(`${path}: the kernel was not idle within ${KERNEL_READY_MS / 1000} s (${state})`);
      });

    const kernelName = await page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.name);
    if (kernelName !== "tslab") throw new ScreenshotError(`${path}: opened on kernel ${kernelName}, expected tslab`);
    await page.evaluate(() => {
      const app = window.jupyterapp;
      app.shell.collapseLeft();
      app.shell.collapseRight();
    });

    const started = Date.now();
    // Cleared first, so "every cell has an execution count" means this run, not the committed outputs.
    await page.evaluate(async () => {
      const { commands } = window.jupyterapp;
      await commands.execute("notebook:clear-all-cell-outputs");
      // The command's promise settles once every cell has run, or once the kernel dropped the rest after an error.
      window.runAllDone = false;
      commands.execute("notebook:run-all-cells").finally(() => (window.runAllDone = true));
    });
    await page
      .waitForFunction(
        () => {
          const widget = window.jupyterapp.shell.currentWidget;
          if (!window.runAllDone || widget.sessionContext.session?.kernel?.status !== "idle") return false;
          const code = widget.content.widgets.filter((cell) => cell.model.type === "code");
          return !code.some((cell) => cell.node.querySelector(".jp-InputPrompt")?.textContent.includes("*"));
        },
        null,
        { timeout: RUN_ALL_MS, polling: 250 },
      )
      .catch(async () => {
        const state = await page.evaluate(() => {
          const widget = window.jupyterapp.shell.currentWidget;
          const waiting = widget.content.widgets
            .map((cell, index) => ({ cell, index }))
            .filter(({ cell }) => cell.model.type === "code" && cell.model.executionCount === null && cell.model.sharedModel.getSource().trim() !== "")
            .map(({ cell, index }) => `${index + 1} [${cell.node.querySelector(".jp-InputPrompt")?.textContent.trim()}]`);
          return `kernel ${widget.sessionContext.session?.kernel?.status}; cells without a result: ${waiting.join(", ")}`;
        });
        await screenshotWholeNotebook(page, join(outDir, "notebook.png")).catch(() => undefined);
        throw new ScreenshotError(`${path}: the cells had not all run after ${RUN_ALL_MS / 1000} s (${state})`);
      });
    const runTime = Date.now() - started;

    const { targets, errors } = await page.evaluate(
      ({ vegaTypes, imageTypes }) => {
        const widget = window.jupyterapp.shell.currentWidget;
        const targets = [];
        const errors = [];
        let lastRun;
        widget.content.widgets.forEach((cell, index) => {
          if (cell.model.type !== "code") return;
          const label = `cell ${index + 1} [${cell.model.executionCount ?? " "}]`;
          if (cell.model.executionCount !== null) lastRun = label;
          else if (cell.model.sharedModel.getSource().trim() !== "" && !errors.some((error) => error.includes("did not run"))) {
            errors.push(`cell ${index + 1} and later did not run: Run All stopped after ${lastRun ?? "the start"}`);
          }
          for (const output of cell.model.outputs.toJSON()) {
            if (output.output_type === "error") errors.push(`${label}: ${output.ename}: ${output.evalue}`);
          }
          const counts = {};
          for (const node of cell.node.querySelectorAll(".jp-OutputArea-output")) {
            const mime = node.dataset.mimeType ?? "";
            const text = node.textContent.trim();
            let kind;
            // JupyterLab's Vega and image renderers leave out the data-mime-type attribute the others set.
            if (vegaTypes.includes(mime) || node.classList.contains("jp-RenderedVegaCommon5")) kind = "chart";
            else if (imageTypes.includes(mime) || node.matches(".jp-RenderedImage, .jp-RenderedSVG")) kind = "image";
            else if (mime === "text/html" && node.querySelector("table")) kind = "table";
            else if (mime === "application/vnd.jupyter.stderr") {
              // tslab prints compile and runtime errors on stderr, and JupyterLab shows a renderer that threw there too.
              errors.push(`${label}: stderr: ${text.slice(0, 500)}`);
            }
            if (!kind) continue;
            counts[kind] = (counts[kind] ?? 0) + 1;
            const id = `${targets.length}`;
            // The chart or table itself: the output area spans the notebook's full width.
            (node.querySelector(kind === "chart" ? ".vega-embed" : kind === "table" ? "table" : "img, svg") ?? node).dataset.screenshotId = id;
            const cellNumber = String(index + 1).padStart(2, "0");
            targets.push({ id, kind, file: `cell-${cellNumber}-${kind}-${counts[kind]}.png` });
          }
        });
        return { targets, errors };
      },
      { vegaTypes: VEGA_MIME_TYPES, imageTypes: IMAGE_MIME_TYPES },
    );

    mkdirSync(outDir, { recursive: true });
    const written = [];
    for (const target of targets) {
      const element = page.locator(`[data-screenshot-id="${target.id}"]`);
      if (target.kind === "chart") {
        const drawn = await element
          .locator("canvas, svg.marks")
          .first()
          .waitFor({ timeout: CHART_RENDER_MS })
          .then(() => true, () => false);
        if (!drawn) errors.push(`${target.file}: the chart did not render within ${CHART_RENDER_MS / 1000} s`);
      }
      await element.scrollIntoViewIfNeeded();
      // Vega draws on the next animation frames after the canvas appears.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const file = join(outDir, target.file);
      // A small margin, so a table's caption or a chart's edge is not cut flush.
      const box = await element.boundingBox();
      const margin = 8;
      await page.screenshot({
        path: file,
        clip: { x: Math.max(0, box.x - margin), y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin },
      });
      written.push(file);
    }
    written.push(await screenshotWholeNotebook(page, join(outDir, "notebook.png")));

    await page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown());
    return { written, runTime, errors: [...errors, ...pageErrors.map((message) => `page error: ${message}`)] };
  } finally {
    await page.close();
  }
}

/** Grows the viewport to the notebook's full height, since JupyterLab scrolls inside a fixed-size page. */
async function screenshotWholeNotebook(page, file) {
  const extra = await page.evaluate(() => {
    const widget = window.jupyterapp.shell.currentWidget;
    const scroller = widget.node.querySelector(".jp-WindowedPanel-outer") ?? widget.content.node;
    scroller.scrollTop = 0;
    return scroller.scrollHeight - scroller.clientHeight;
  });
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(VIEWPORT.height + extra, MAX_PAGE_HEIGHT) });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: file });
  await page.setViewportSize(VIEWPORT);
  return file;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ensureChromium(options.installBrowser);
  const env = setup();
  const { chromium } = await import("playwright-core");

  const temp = mkdtempSync(join(tmpdir(), "neural-notebooks-screenshots-"));
  const work = makeWorkDir();
  let server;
  let context;
  const cleanUp = async () => {
    await context?.close();
    if (server) await stopJupyter(server);
    rmSync(work, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  };
  // The server runs in its own process group, so Ctrl-C reaches only this script, which stops it.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => cleanUp().finally(() => process.exit(130)));
  }
  const failures = [];
  try {
    writeSettings(join(temp, "settings"), "JupyterLab Light");
    server = await startJupyter(env, work, temp);
    log(`JupyterLab ${server.url} on a copy of notebooks/ (${relative(ROOT, work)}/)`);
    context = await chromium.launchPersistentContext(join(temp, "chromium-profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
    });

    const themes = [["JupyterLab Light", ""], ...(options.dark ? [["JupyterLab Dark", "dark"]] : [])];
    for (const notebook of options.notebooks) {
      const stem = basename(notebook, ".ipynb");
      const notebookOut = join(OUT, stem);
      rmSync(notebookOut, { recursive: true, force: true });
      for (const [theme, subfolder] of themes) {
        writeSettings(join(temp, "settings"), theme);
        const label = `${stem}${subfolder ? ` (${theme})` : ""}`;
        try {
          const result = await screenshotNotebook(context, server, notebook, join(notebookOut, subfolder));
          for (const file of result.written) log(`wrote ${relative(ROOT, file)}`);
          log(`${label}: ran all cells in ${seconds(result.runTime)} in the browser`);
          for (const error of result.errors) failures.push(`${label}: ${error}`);
        } catch (error) {
          if (!(error instanceof ScreenshotError) && !error.name?.includes("TimeoutError")) throw error;
          failures.push(error.message);
        }
      }
    }
  } finally {
    await cleanUp();
  }
  if (failures.length > 0) throw new ScreenshotError(`${failures.length} problem(s):\n  ${failures.join("\n  ")}`);
}

await runMain(async () => {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof ScreenshotError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
});
