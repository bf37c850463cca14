// `npm test`: sets the clone up, runs the vitest suite, then the Python checks in test/python (every notebook
// executed on the tslab kernel, environment consistency, NumPy oracles). Both always run; either failing fails.
// Extra arguments go to pytest, e.g. `npm test -- -k 01-neuron`.
import { spawnSync } from "node:child_process";
import { jupyterProcessEnv, ROOT, runMain, setup } from "./setup.mjs";

await runMain(() => {
  const env = setup();
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  console.log("\n[test] vitest");
  const vitest = spawnSync(npm, ["run", "--silent", "test:unit"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  console.log("\n[test] pytest test/python (notebooks on the tslab kernel, environment checks)");
  const pytest = spawnSync(env.python, ["-m", "pytest", "test/python", "-v", "-p", "no:cacheprovider", "-rfE", ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
    env: jupyterProcessEnv(env),
  });
  const failed = [vitest.status !== 0 && "vitest", pytest.status !== 0 && "pytest"].filter(Boolean);
  if (failed.length > 0) {
    console.error(`\n[test] FAILED: ${failed.join(" and ")}`);
    process.exit(1);
  }
  console.log("\n[test] all passed");
});
