// Prepares a clone for `npm start` / `npm test`: npm dependencies, the built library, a Python env with
// JupyterLab, and the tslab kernel registered inside that env. Plain Node with no npm dependencies, so it
// runs before `npm install`. Every step is skipped when already done, so a second run takes well under a second.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Oldest Node that vitest 4 and the build support; kept equal to package.json "engines". */
export const MIN_NODE = [20, 19];
/** Oldest Python that JupyterLab 4.6 supports; kept equal to environment.yml. */
export const MIN_PYTHON = [3, 10];

const IS_WINDOWS = process.platform === "win32";
const NPM = IS_WINDOWS ? "npm.cmd" : "npm";
const ENV_STAMP = join("share", "neural-notebooks", "requirements.sha256");
const BUILD_STAMP = join(ROOT, "dist", ".build-stamp");

class SetupError extends Error {}

function log(message) {
  console.log(`[setup] ${message}`);
}

function fail(message) {
  throw new SetupError(message);
}

function versionAtLeast(actual, minimum) {
  for (let i = 0; i < minimum.length; i++) {
    if ((actual[i] ?? 0) !== minimum[i]) return (actual[i] ?? 0) > minimum[i];
  }
  return true;
}

function run(command, args, what, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", shell: IS_WINDOWS, ...options });
  if (result.error) fail(`${what} could not start ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${what} failed (${command} ${args.join(" ")} exited with ${result.status})`);
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : -Infinity;
}

function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

function checkNode() {
  const actual = process.versions.node.split(".").map(Number);
  if (!versionAtLeast(actual, MIN_NODE)) {
    fail(`Node ${MIN_NODE.join(".")} or newer is required, found ${process.versions.node} (${process.execPath})`);
  }
}

/** `npm ci` on a fresh clone; `npm install` again when package-lock.json is newer than the installed tree. */
function ensureNodeModules() {
  const installed = join(ROOT, "node_modules", ".package-lock.json");
  if (!existsSync(installed)) {
    log("installing npm dependencies (npm ci)");
    run(NPM, ["ci", "--no-audit", "--no-fund"], "npm ci");
  } else if (mtime(join(ROOT, "package-lock.json")) > mtime(installed)) {
    log("package-lock.json changed: npm install");
    run(NPM, ["install", "--no-audit", "--no-fund"], "npm install");
  }
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Fingerprint of every build input; catches edits, additions and deletions, unlike a newest-mtime check. */
function buildInputsSignature() {
  const inputs = [...listFiles(join(ROOT, "src")), join(ROOT, "tsconfig.json"), join(ROOT, "tsconfig.build.json")];
  const lines = inputs.sort().map((path) => {
    const stat = statSync(path);
    return `${relative(ROOT, path)} ${stat.size} ${stat.mtimeMs}`;
  });
  return sha256(lines.join("\n"));
}

function ensureBuild(buildErrorsFatal) {
  const signature = buildInputsSignature();
  if (existsSync(join(ROOT, "dist", "index.js")) && existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, "utf8") === signature) {
    return;
  }
  log("building the library (npm run build)");
  // A clean dist/ so that outputs of deleted sources cannot linger.
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  try {
    run(NPM, ["run", "--silent", "build"], "npm run build");
  } catch (error) {
    if (buildErrorsFatal) throw error;
    // tsc still emits dist/ on type errors; the watcher reports them again and rebuilds on the next save.
    log("the library has type errors (listed above); continuing with what tsc emitted");
    return;
  }
  writeFileSync(BUILD_STAMP, signature);
}

function readEnvironmentName() {
  const yml = readFileSync(join(ROOT, "environment.yml"), "utf8");
  const match = /^name:\s*(\S+)\s*$/m.exec(yml);
  if (!match) fail("environment.yml has no `name:` line");
  return match[1];
}

function envPaths(prefix, kind) {
  const bin = join(prefix, IS_WINDOWS ? "Scripts" : "bin");
  // A Windows conda env keeps python.exe at its root; a venv keeps it in Scripts.
  const python = IS_WINDOWS ? join(kind === "conda" ? prefix : bin, "python.exe") : join(bin, "python");
  const jupyter = join(bin, IS_WINDOWS ? "jupyter.exe" : "jupyter");
  return { kind, prefix, bin, python, jupyter };
}

/**
 * The Python environment the project uses: the active conda env when it was made from environment.yml,
 * otherwise the project-local `.venv`. Returns paths only; `setup()` makes sure they exist.
 */
export function pythonEnv() {
  const condaPrefix = process.env.CONDA_PREFIX;
  if (condaPrefix) {
    const name = readEnvironmentName();
    if (basename(condaPrefix) === name || process.env.CONDA_DEFAULT_ENV === name) return envPaths(condaPrefix, "conda");
  }
  return envPaths(join(ROOT, ".venv"), "venv");
}

/** Environment variables for processes that run Jupyter from the project env. */
export function jupyterProcessEnv(env) {
  const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === "PATH") ?? "PATH";
  return {
    ...process.env,
    // The env's kernelspecs (our tslab) win over a tslab kernel the user may have installed globally.
    JUPYTER_PREFER_ENV_PATH: "1",
    [pathKey]: [env.bin, dirname(process.execPath), process.env[pathKey]].join(IS_WINDOWS ? ";" : ":"),
  };
}

function findSystemPython() {
  const candidates = IS_WINDOWS ? ["py", "python"] : ["python3"];
  for (const command of candidates) {
    const args = command === "py" ? ["-3", "-c"] : ["-c"];
    const probe = spawnSync(command, [...args, "import sys; print('%d.%d.%d' % sys.version_info[:3])"], {
      encoding: "utf8",
    });
    if (probe.status === 0) return { command, prefixArgs: args.slice(0, -1), version: probe.stdout.trim() };
  }
  return undefined;
}

function checkPythonVersion(label, version) {
  if (!versionAtLeast(version.split(".").map(Number), MIN_PYTHON)) {
    fail(`Python ${MIN_PYTHON.join(".")} or newer is required, found ${version} (${label})`);
  }
}

function ensurePythonEnv(env) {
  const requirements = readFileSync(join(ROOT, "requirements.txt"), "utf8");
  const wanted = sha256(requirements);
  const stamp = join(env.prefix, ENV_STAMP);
  const envOk = existsSync(env.python) && existsSync(env.jupyter);
  if (envOk && existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;

  if (env.kind === "venv" && !existsSync(env.python)) {
    const system = findSystemPython();
    if (!system) fail("python3 was not found on PATH: install Python 3.10+ (or use conda with environment.yml)");
    checkPythonVersion(system.command, system.version);
    log(`creating .venv with Python ${system.version}`);
    rmSync(env.prefix, { recursive: true, force: true });
    const venv = spawnSync(system.command, [...system.prefixArgs, "-m", "venv", env.prefix], { stdio: "inherit" });
    if (venv.status !== 0) {
      rmSync(env.prefix, { recursive: true, force: true });
      fail(`\`${system.command} -m venv\` failed: install Python's venv module (on Debian/Ubuntu: apt install python3-venv)`);
    }
  } else if (env.kind === "conda") {
    const probe = spawnSync(env.python, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], { encoding: "utf8" });
    if (probe.status !== 0) fail(`the conda env at ${env.prefix} has no working python: recreate it from environment.yml`);
    checkPythonVersion(env.python, probe.stdout.trim());
  }
  log(`installing requirements.txt into ${env.kind === "venv" ? ".venv" : env.prefix}`);
  run(env.python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt"], "pip install");
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, wanted);
}

/**
 * The tslab kernelspec, written into the env's own `share/jupyter/kernels` (what `tslab install --sys-prefix`
 * does). It names this Node and this clone's tslab by absolute path, so the kernel runs even when `node` on
 * PATH is a different, older version.
 */
function tslabKernelSpec() {
  return {
    argv: [process.execPath, join(ROOT, "node_modules", "tslab", "bin", "tslab"), "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript",
    language: "typescript",
  };
}

function ensureKernel(env) {
  const file = join(env.prefix, "share", "jupyter", "kernels", "tslab", "kernel.json");
  const wanted = `${JSON.stringify(tslabKernelSpec(), null, 1)}\n`;
  if (existsSync(file) && readFileSync(file, "utf8") === wanted) return;
  const shown = relative(ROOT, file);
  log(`registering the tslab kernel in ${shown.startsWith("..") ? file : shown}`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, wanted);
}

/**
 * Runs every setup step that is not already done; returns the Python env's paths.
 * `buildErrorsFatal: false` lets `npm start` open JupyterLab while the library has type errors.
 */
export function setup({ buildErrorsFatal = true } = {}) {
  checkNode();
  ensureNodeModules();
  ensureBuild(buildErrorsFatal);
  const env = pythonEnv();
  ensurePythonEnv(env);
  ensureKernel(env);
  return env;
}

/** Runs `main`, turning a SetupError into one readable line and exit code 1. */
export async function runMain(main) {
  try {
    await main();
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runMain(() => {
    const env = setup();
    log(`ready: ${env.kind === "venv" ? ".venv" : `conda env ${env.prefix}`}, tslab kernel registered`);
  });
}
