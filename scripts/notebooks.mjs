// `npm run notebooks [-- notebooks/NAME.ipynb ...]`: sets the clone up, then executes the notebooks in place
// from fresh tslab kernels so the committed files carry current outputs (see scripts/execute_notebooks.py).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { jupyterProcessEnv, ROOT, runMain, setup } from "./setup.mjs";

await runMain(() => {
  const env = setup();
  const result = spawnSync(env.python, [join(ROOT, "scripts", "execute_notebooks.py"), ...process.argv.slice(2)], {
    cwd: process.env.INIT_CWD ?? ROOT,
    stdio: "inherit",
    env: jupyterProcessEnv(env),
  });
  process.exit(result.status ?? 1);
});
