// Prepares a clone for `npm start` / `npm test` and checks what they rely on, repairing whatever is missing or
// broken: the npm packages, the built library (dist/), a Python env with requirements.txt, the tslab kernel in it.
// Plain Node with no npm dependencies, so it runs before `npm ci`. `node scripts/setup.mjs CMD ARGS…` then runs
// CMD with the env's executables first on PATH (`npm run notebooks` does).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Oldest Node that vitest 4 and the build support; kept equal to package.json "engines". */
export const MIN_NODE = [20, 19];
/** Oldest Python that JupyterLab 4.6 supports; kept equal to environment.yml. */
export const MIN_PYTHON = [3, 10];
export const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
/** Debian's Chromium, which the browser test and `npm run screenshots` drive (never a downloaded browser). */
export const CHROMIUM = "/usr/bin/chromium";
/** `jupyter lab` options shared by `npm start` and the browser harness: new notebooks open on TypeScript. */
export const LAB_ARGS = ["--MappingKernelManager.default_kernel_name=tslab", ...(process.getuid?.() === 0 ? ["--allow-root"] : [])];

const IS_WINDOWS = process.platform === "win32";
const BUILD_INPUTS = ["src", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];
const BUILD_STAMP = join(ROOT, "dist", ".build-stamp");

class SetupError extends Error {}

const log = (message) => console.log(`[setup] ${message}`);
const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));
const atLeast = (version, minimum) => version[0] > minimum[0] || (version[0] === minimum[0] && version[1] >= minimum[1]);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", shell: IS_WINDOWS, ...options });
  const why = result.error?.message ?? (result.stderr?.toString().trim().split("\n").at(-1) || `exit ${result.status}`);
  if (result.status !== 0) throw new SetupError(`${command} ${args.join(" ")} failed (${why})`);
}

/** `npm ci` when a package named in package.json is missing or not at its package-lock.json version. */
function ensureNodeModules() {
  const { dependencies, devDependencies } = readJson("package.json");
  const locked = readJson("package-lock.json").packages;
  const stale = Object.keys({ ...dependencies, ...devDependencies }).filter((name) => {
    const manifest = join("node_modules", name, "package.json");
    return !existsSync(join(ROOT, manifest)) || readJson(manifest).version !== locked[`node_modules/${name}`]?.version;
  });
  if (stale.length === 0) return;
  log(`installing the npm packages (npm ci): ${stale.join(", ")} missing or not at the locked version`);
  run(IS_WINDOWS ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"]);
}

/** sha256 of the names and contents of the files under `paths` (dotfiles skipped), in a stable order. */
function digest(paths) {
  const hash = createHash("sha256");
  const add = (path) => {
    if (!existsSync(path)) return;
    if (!statSync(path).isDirectory()) hash.update(`${relative(ROOT, path)}\0`).update(readFileSync(path));
    else for (const name of readdirSync(path).sort()) if (!name.startsWith(".")) add(join(path, name));
  };
  for (const path of paths) add(join(ROOT, path));
  return hash.digest("hex");
}

/** Builds dist/ unless the stamp of the last build matches both its inputs (src/, configs) and dist/ itself. */
function ensureBuild(typeErrorsFatal) {
  const inputs = digest(BUILD_INPUTS);
  const [builtFrom, output] = existsSync(BUILD_STAMP) ? readFileSync(BUILD_STAMP, "utf8").split(" ") : [];
  if (builtFrom === inputs && output === digest(["dist"])) return;
  const why = builtFrom === undefined ? "no build yet" : builtFrom !== inputs ? "the sources changed" : "dist/ changed since the build";
  log(`building the library (tsc -p tsconfig.build.json): ${why}`);
  // A clean dist/, so that outputs of deleted sources cannot linger.
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  if (spawnSync(process.execPath, [TSC, "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" }).status === 0) {
    writeFileSync(BUILD_STAMP, `${inputs} ${digest(["dist"])}`);
  } else if (typeErrorsFatal) {
    throw new SetupError("the library has type errors (listed above)");
  } else {
    log("the library has type errors (listed above); continuing with what tsc emitted");
  }
}

/**
 * The Python environment the project uses: the active conda env when it was made from environment.yml,
 * otherwise the project-local `.venv`.
 */
export function pythonEnv() {
  const name = /^name:\s*(\S+)\s*$/m.exec(readFileSync(join(ROOT, "environment.yml"), "utf8"))?.[1];
  const conda = process.env.CONDA_PREFIX;
  const kind = conda && (basename(conda) === name || process.env.CONDA_DEFAULT_ENV === name) ? "conda" : "venv";
  const prefix = kind === "conda" ? conda : join(ROOT, ".venv");
  const bin = join(prefix, IS_WINDOWS ? "Scripts" : "bin");
  // A Windows conda env keeps python.exe at its root; a venv keeps it in Scripts.
  const python = IS_WINDOWS ? join(kind === "conda" ? prefix : bin, "python.exe") : join(bin, "python");
  return { kind, prefix, bin, python, jupyter: join(bin, IS_WINDOWS ? "jupyter.exe" : "jupyter") };
}

/** Environment variables for processes run in the project env: its executables and kernelspecs come first. */
export function jupyterProcessEnv(env) {
  const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === "PATH") ?? "PATH";
  const path = [env.bin, dirname(process.execPath), process.env[pathKey]].join(IS_WINDOWS ? ";" : ":");
  return { ...process.env, JUPYTER_PREFER_ENV_PATH: "1", [pathKey]: path };
}

/** What scripts/check_env.py finds wrong with the env: { problems, reinstall }. */
function checkEnv(env) {
  if (!existsSync(env.python)) return { problems: [`no Python at ${relative(ROOT, env.python)}`], reinstall: [] };
  const result = spawnSync(env.python, [join(ROOT, "scripts", "check_env.py")], { cwd: ROOT, encoding: "utf8" });
  try {
    return JSON.parse(result.stdout);
  } catch {
    const why = result.error?.message ?? result.stderr.trim().split("\n").at(-1);
    return { problems: [`its Python cannot run the check (${why})`], reinstall: [] };
  }
}

function createVenv(env) {
  const [command, ...args] = IS_WINDOWS ? ["py", "-3"] : ["python3"];
  const probe = spawnSync(command, [...args, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], { encoding: "utf8" });
  if (probe.status !== 0) throw new SetupError("python3 was not found on PATH: install Python 3.10+ (or use conda with environment.yml)");
  const version = probe.stdout.trim();
  if (!atLeast(version.split(".").map(Number), MIN_PYTHON)) {
    throw new SetupError(`Python ${MIN_PYTHON.join(".")} or newer is required, found ${version} (${command})`);
  }
  log(`creating .venv with Python ${version}`);
  rmSync(env.prefix, { recursive: true, force: true });
  run(command, [...args, "-m", "venv", env.prefix], { shell: false });
}

/** Installs what the env lacks and reinstalls packages with files missing; fails if it is still broken after that. */
function ensurePythonEnv(env) {
  const where = env.kind === "venv" ? ".venv" : `the conda env ${env.prefix}`;
  for (let round = 0, found = checkEnv(env); found.problems.length > 0; round++, found = checkEnv(env)) {
    if (round === 2) throw new SetupError(`${where} is still broken after repair: ${found.problems.join("; ")}`);
    log(`${where}: ${found.problems.join("; ")}: repairing`);
    const pythonRuns = spawnSync(env.python, ["-c", ""]).status === 0;
    if (!pythonRuns && env.kind === "conda") throw new SetupError(`${where} has no working Python: recreate it from environment.yml`);
    if (!pythonRuns) createVenv(env);
    const pip = [env.python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"];
    run(pip[0], [...pip.slice(1), "-r", "requirements.txt"]);
    if (found.reinstall.length > 0) run(pip[0], [...pip.slice(1), "--force-reinstall", "--no-deps", ...found.reinstall]);
  }
}

/**
 * Registers the tslab kernel in the env (`share/jupyter/kernels/tslab`) with Jupyter's own installer, as
 * `tslab install --sys-prefix` does, whenever the spec there is missing or differs. It names this Node and this
 * clone's tslab by absolute path, so the kernel runs even when `node` on PATH is a different, older version.
 */
function ensureKernel(env) {
  const argv = [process.execPath, join(ROOT, "node_modules", "tslab", "bin", "tslab"), "kernel", "--config-path", "{connection_file}"];
  const spec = `${JSON.stringify({ argv, display_name: "TypeScript", language: "typescript" }, null, 1)}\n`;
  const file = join(env.prefix, "share", "jupyter", "kernels", "tslab", "kernel.json");
  if (existsSync(file) && readFileSync(file, "utf8") === spec) return;
  log("registering the tslab kernel (jupyter kernelspec install --sys-prefix)");
  const staged = mkdtempSync(join(tmpdir(), "tslab-kernelspec-"));
  try {
    writeFileSync(join(staged, "kernel.json"), spec);
    run(env.jupyter, ["kernelspec", "install", "--sys-prefix", "--replace", "--name", "tslab", staged], { stdio: ["ignore", "ignore", "pipe"], env: jupyterProcessEnv(env) });
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

/**
 * Runs every setup step that is not already done; returns the Python env's paths.
 * `typeErrorsFatal: false` lets `npm start` open JupyterLab while the library has type errors.
 */
export function setup({ typeErrorsFatal = true } = {}) {
  if (!atLeast(process.versions.node.split(".").map(Number), MIN_NODE)) {
    throw new SetupError(`Node ${MIN_NODE.join(".")} or newer is required, found ${process.versions.node} (${process.execPath})`);
  }
  ensureNodeModules();
  ensureBuild(typeErrorsFatal);
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
    if (!(error instanceof SetupError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runMain(() => {
    const env = setup();
    const [command, ...args] = process.argv.slice(2);
    if (!command) return log(`ready: ${env.kind === "venv" ? ".venv" : `conda env ${env.prefix}`}, tslab kernel registered`);
    const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: jupyterProcessEnv(env), shell: IS_WINDOWS });
    process.exit(result.status ?? 1);
  });
}
