// `npm run hub`: sets the clone up like `npm start`, then runs JupyterHub (hub/jupyterhub_config.py) for a class:
// each learner their own Jupyter server and copy of the notebooks. Ctrl-C, SIGTERM or SIGHUP stops the hub, its
// proxy, the idle culler and every learner's server. Extra arguments go to `jupyterhub`.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jupyterProcessEnv, ROOT, runMain, setup } from "./setup.mjs";
import { learnerProcesses, stopLearnerServers } from "./hub-processes.mjs";

const CONFIG = join(ROOT, "hub", "jupyterhub_config.py");
/** Seconds JupyterHub gets to stop its servers and proxy before what is left is killed. */
const GRACE_SECONDS = 20;
/** Seconds learners' kernels get to exit after the hub has stopped their servers. */
const LEFTOVER_WAIT_SECONDS = 5;

await runMain(async () => {
  const env = setup();
  const state = process.env.HUB_STATE ?? join(ROOT, ".hub");
  const hubEnv = { ...jupyterProcessEnv(env), HUB_NODE: process.execPath, HUB_STATE: state };
  // Its own process group, so that a signal reaches it only through us and we can end the whole group.
  const hub = spawn(join(env.bin, "jupyterhub"), ["-f", CONFIG, ...process.argv.slice(2)], {
    cwd: ROOT,
    env: hubEnv,
    detached: true,
    stdio: ["ignore", "inherit", "pipe"],
  });
  let announced = false;
  hub.stderr.setEncoding("utf8");
  hub.stderr.on("data", (chunk) => {
    process.stderr.write(chunk);
    const url = /JupyterHub is now running at (\S+)/.exec(chunk)?.[1];
    if (url && !announced) {
      announced = true;
      const password = process.env.HUB_PASSWORD ? "the one in HUB_PASSWORD" : readFileSync(join(state, "class-password"), "utf8").trim();
      console.log(`\n[hub] JupyterHub is running at ${url}`);
      console.log(`[hub] Learners log in with any name and the class password: ${password}`);
      console.log("[hub] Ctrl-C stops the hub and every learner's server.\n");
    }
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.kill(-hub.pid, "SIGTERM");
    setTimeout(() => process.kill(-hub.pid, "SIGKILL"), GRACE_SECONDS * 1000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, stop);
  const code = await new Promise((resolve) => hub.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  // JupyterHub stops the servers it spawned (their kernels may take a few seconds more); if it died first, or
  // something is still running after that, stop it here.
  const homes = join(state, "homes");
  for (let waited = 0; waited < LEFTOVER_WAIT_SECONDS && learnerProcesses(homes).length > 0; waited++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const leftover = stopLearnerServers(homes);
  if (leftover > 0) console.error(`[hub] stopped ${leftover} learner process(es) the hub left behind`);
  process.exit(stopping ? 0 : code);
});
