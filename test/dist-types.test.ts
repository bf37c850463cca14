import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const TSLAB_TSC = path.join(ROOT, "node_modules/@tslab/typescript-for-tslab/bin/tsc");

// tslab compiles notebook cells with its own TypeScript 5.0.4: our published .d.ts files must parse and check there.
describe("the built package", { timeout: 120_000 }, () => {
  // Inside the repo, so the built files resolve vega-lite's types from node_modules as dist/ does.
  const cache = path.join(ROOT, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, "dist-types-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("type-checks a notebook-style import with tslab's TypeScript 5.0", () => {
    const outDir = path.join(dir, "dist");
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.build.json"), "--outDir", outDir, "--sourceMap", "false"], { cwd: ROOT });
    const cell = path.join(dir, "cell.ts");
    writeFileSync(
      cell,
      [
        `import * as nn from ${JSON.stringify(outDir)};`,
        "const net = nn.LayeredNetwork.fromRandom([2, 4, 1], new nn.RandomState(1));",
        "const out: number = net.predict([2, -3])[0]!;",
        "const neuron: number = new nn.Neuron([0, 1], 4).feedforward([2, 3]);",
        "const spec = nn.activationPlot([nn.sigmoid]);",
        "export const shown: Promise<void> = nn.show(spec);",
        "export const values = [out, neuron];",
      ].join("\n"),
    );
    const version = execFileSync(process.execPath, [TSLAB_TSC, "--version"], { encoding: "utf8" });
    expect(version).toContain("5.0");
    const result = spawnSync(
      process.execPath,
      [TSLAB_TSC, "--noEmit", "--strict", "--target", "ES2020", "--module", "commonjs", "--moduleResolution", "node", "--types", "node", "--typeRoots", path.join(ROOT, "node_modules/@types"), cell],
      { encoding: "utf8", cwd: ROOT },
    );
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
