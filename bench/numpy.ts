/** Runs the benchmarks' Python scripts on the project's NumPy, single-threaded, as a fair match for one JS thread. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const PYTHON = existsSync(join(ROOT, ".venv/bin/python")) ? join(ROOT, ".venv/bin/python") : "python3";

/**
 * Runs bench/<script> with `args` and `input` on stdin and parses the JSON it prints. One BLAS thread; and
 * OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, which this machine may set for older OpenBLAS builds and which slow a
 * current one, are left unset so that NumPy runs its default kernel for this processor.
 */
export function runNumpy<T>(script: string, args: string[] = [], input = ""): T {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const out = execFileSync(PYTHON, [join(__dirname, script), ...args], { input, env, maxBuffer: 1 << 28 });
  return JSON.parse(out.toString()) as T;
}
