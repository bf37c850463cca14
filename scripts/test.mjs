// `npm test`: sets the clone up, then runs vitest (after a strict type check) and pytest on test/python (what each
// file checks is listed in the README). Both always run; either failing fails. Extra arguments go to pytest
// (`npm test -- -k 01-neuron`, `npm test -- -n 0` to run one test at a time).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM, jupyterProcessEnv, ROOT, runMain, setup } from "./setup.mjs";

await runMain(() => {
  const env = setup();
  const run = (title, command, args) => {
    console.log(`\n[test] ${title}`);
    return spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: jupyterProcessEnv(env), shell: process.platform === "win32" }).status === 0;
  };
  if (!existsSync(CHROMIUM) && !process.env.CI) console.log(`\n[test] SKIPPING the browser test: Debian's Chromium is not at ${CHROMIUM} (apt-get install -y chromium)`);
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
