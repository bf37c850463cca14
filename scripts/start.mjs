// `npm start`: sets the clone up, rebuilds the library on every change under src/, and runs JupyterLab on
// notebooks/ with the tslab kernel. A kernel restart in JupyterLab picks up the rebuilt library.
// Extra arguments go to `jupyter lab`, e.g. `npm start -- --port 9000 --no-browser`.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { jupyterProcessEnv, ROOT, runMain, setup } from "./setup.mjs";

const URL_PATTERN = /(https?:\/\/(?:127\.0\.0\.1|localhost)[^\s]*\/lab\?token=\S+)/;

function prefixLines(stream, prefix, onLine) {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop();
    for (const line of lines) {
      process.stdout.write(`${prefix}${line}\n`);
      onLine?.(line);
    }
  });
}

await runMain(async () => {
  // Type errors in src/ should not keep JupyterLab from opening: the watcher keeps reporting them.
  const env = setup({ buildErrorsFatal: false });
  const children = new Set();
  let stopping = false;

  const launch = (name, command, args, options) => {
    // Own process group: Ctrl-C reaches this script only, which then stops both children without Jupyter's
    // "Shutdown this Jupyter server (y/[n])?" prompt.
    const child = spawn(command, args, { cwd: ROOT, detached: process.platform !== "win32", stdio: ["ignore", "pipe", "pipe"], ...options });
    children.add(child);
    child.on("error", (error) => {
      console.error(`[start] could not run ${name}: ${error.message}`);
      stop(1);
    });
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (!stopping) {
        console.error(`[start] ${name} exited (${signal ?? `code ${code}`}); stopping`);
        stop(code ?? 1);
      } else if (children.size === 0) {
        process.exit(0);
      }
    });
    return child;
  };

  const stop = (exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    if (children.size === 0) process.exit(exitCode);
    for (const child of children) child.kill("SIGTERM");
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0));

  const tsc = launch("tsc --watch", process.execPath, [
    join(ROOT, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    "tsconfig.build.json",
    "--watch",
    "--preserveWatchOutput",
  ]);
  prefixLines(tsc.stdout, "[tsc] ");
  prefixLines(tsc.stderr, "[tsc] ");

  const rootArgs = process.getuid?.() === 0 ? ["--allow-root"] : [];
  const jupyterArgs = [
    "lab",
    `--ServerApp.root_dir=${join(ROOT, "notebooks")}`,
    // New notebooks open on TypeScript rather than the env's Python kernel.
    "--MappingKernelManager.default_kernel_name=tslab",
    ...rootArgs,
    ...process.argv.slice(2),
  ];
  const jupyter = launch("jupyter lab", env.jupyter, jupyterArgs, { env: jupyterProcessEnv(env) });
  let url;
  let quietTimer;
  // Jupyter prints its URLs in several log lines; the banner waits until that burst of output is over.
  const announce = (line) => {
    url ??= URL_PATTERN.exec(line)?.[1];
    if (!url || quietTimer === null) return;
    clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      quietTimer = null;
      console.log(`\n[start] JupyterLab is running on notebooks/ with the TypeScript (tslab) kernel:\n[start]   ${url}`);
      console.log("[start] src/ is rebuilt on save; restart the kernel to load the new build. Ctrl-C stops everything.\n");
    }, 500);
  };
  prefixLines(jupyter.stdout, "", announce);
  prefixLines(jupyter.stderr, "", announce);
});
