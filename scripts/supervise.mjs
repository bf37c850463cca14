// Child processes that must not outlive this one (`npm start`'s tsc and JupyterLab, the browser harness's
// JupyterLab). Each runs in its own process group, so a terminal's Ctrl-C reaches only this process, which then
// stops them all (SIGTERM to each group, SIGKILL after 10 s; JupyterLab shuts its kernels down) and exits. That
// happens on Ctrl-C, SIGTERM and SIGHUP, when one child exits, and when this process is orphaned: npm runs a script
// through a shell, so a change of parent, grandparent or great-grandparent (whoever ran npm) counts.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const children = new Set();
let stopping = false;

export function supervise(command, args, options = {}) {
  const child = spawn(command, args, { detached: process.platform !== "win32", stdio: ["ignore", "inherit", "inherit"], ...options });
  children.add(child);
  child.on("error", (error) => {
    console.error(`could not run ${command}: ${error.message}`);
    stopAll(1);
  });
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) console.error(`${command} ${args[0]} exited (${signal ?? `code ${code}`}); stopping`);
    stopAll(code || 1);
  });
  return child;
}

/** Stops every child, then exits with `exitCode` (the first one asked for). */
export function stopAll(exitCode = 0) {
  if (!stopping) {
    stopping = true;
    process.exitCode = exitCode;
    signalAll("SIGTERM");
    setTimeout(() => signalAll("SIGKILL"), 10_000).unref();
  }
  if (children.size === 0) process.exit();
}

function signalAll(signal) {
  for (const { pid } of children) {
    try {
      process.kill(process.platform === "win32" ? pid : -pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** Parent, grandparent and great-grandparent pids; Linux tells the ancestors beyond the parent in /proc. */
function lineage() {
  const chain = [process.ppid];
  while (chain.length < 3) {
    try {
      const stat = readFileSync(`/proc/${chain.at(-1)}/stat`, "utf8");
      chain.push(Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      break;
    }
  }
  return chain.join(" ");
}

const startedUnder = lineage();
setInterval(() => lineage() !== startedUnder && stopAll(0), 1000).unref();
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stopAll(0));
