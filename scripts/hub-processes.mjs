// Finds the processes of learners' servers (single-user servers and their kernels) by their working folder, which
// the hub puts under its homes folder. Linux only (/proc); elsewhere it finds nothing.
import { readdirSync, readlinkSync } from "node:fs";
import { resolve, sep } from "node:path";

/** PIDs of live processes whose working directory is inside `homes`. */
export function learnerProcesses(homes) {
  const root = resolve(homes) + sep;
  let pids;
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
  return pids.filter((pid) => {
    try {
      return (readlinkSync(`/proc/${pid}/cwd`) + sep).startsWith(root);
    } catch {
      return false;
    }
  });
}

/** SIGKILLs every learner process under `homes`; returns how many there were. */
export function stopLearnerServers(homes) {
  const pids = learnerProcesses(homes);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  return pids.length;
}
