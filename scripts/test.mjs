// `npm test`: sets the clone up, then runs vitest (after a strict type check) and pytest on test/python: every
// notebook on the tslab kernel against its committed outputs, the browser test in Chromium, setup repair and process
// cleanup, the NumPy oracle. Both always run; either failing fails. Extra arguments go to pytest
// (`npm test -- -k 01-neuron`, `npm test -- -n 0` to run one test at a time).
import { spawnSync } from "node:child_process";
import { jupyterProcessEnv, ROOT, runMain, setup } from "./setup.mjs";

await runMain(() => {
  const env = setup();
  const run = (title, command, args) => {
    console.log(`\n[test] ${title}`);
    return spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: jupyterProcessEnv(env), shell: process.platform === "win32" }).status === 0;
  };
  const failed = [
    !run("vitest", "npm", ["run", "--silent", "test:unit"]) && "vitest",
    // Tests that share a notebook or a resource share an xdist group, so each runs once, on one worker.
    !run("pytest test/python", env.python, ["-m", "pytest", "test/python", "-n", "auto", "--dist", "loadgroup", "-v", "--tb=short", "-p", "no:cacheprovider", "-rfEs", ...process.argv.slice(2)]) && "pytest",
  ].filter(Boolean);
  if (failed.length > 0) {
    console.error(`\n[test] FAILED: ${failed.join(" and ")}`);
    process.exit(1);
  }
  console.log("\n[test] all passed");
});
