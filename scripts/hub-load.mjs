// `npm run hub:load -- --learners 20`: sets the clone up, then runs the class load test (hub/load_test.py).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { jupyterProcessEnv, ROOT, runMain, setup } from "./setup.mjs";

await runMain(() => {
  const env = setup();
  const result = spawnSync(env.python, [join(ROOT, "hub", "load_test.py"), ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
    env: jupyterProcessEnv(env),
  });
  process.exit(result.status ?? 1);
});
