// `npm start`: sets the clone up, then runs `tsc --watch` (the library is rebuilt whenever src/ changes) and
// JupyterLab on notebooks/ with the tslab kernel until Ctrl-C, SIGTERM, SIGHUP or the end of whatever started it,
// which stops both (scripts/supervise.mjs). Extra arguments go to `jupyter lab` (`npm start -- --port 9000`).
import { join } from "node:path";
import { LAB_ARGS, jupyterProcessEnv, ROOT, runMain, setup, TSC } from "./setup.mjs";
import { supervise } from "./supervise.mjs";

await runMain(() => {
  // Type errors in src/ should not keep JupyterLab from opening: the watcher keeps reporting them.
  const env = setup({ typeErrorsFatal: false });
  console.log("[start] src/ is rebuilt on save (restart a notebook's kernel to load the new build); Ctrl-C stops everything");
  supervise(process.execPath, [TSC, "-p", "tsconfig.build.json", "--watch", "--preserveWatchOutput"], { cwd: ROOT });
  const notebooks = `--ServerApp.root_dir=${join(ROOT, "notebooks")}`;
  supervise(env.jupyter, ["lab", notebooks, ...LAB_ARGS, ...process.argv.slice(2)], { cwd: ROOT, env: jupyterProcessEnv(env) });
});
