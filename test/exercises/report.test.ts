import { afterEach, describe, expect, it, vi } from "vitest";
import { checkSigmoid, resultBundle, resultHtml, todo, type ExerciseResult } from "../../src/exercises";

/** The kernel's writer lives in tslab's module while a cell runs, and is null outside one. */
const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };

afterEach(() => {
  jupyter.lastWriteDisplayData = null;
  vi.restoreAllMocks();
});

const failed: ExerciseResult = {
  passed: false,
  status: "fail",
  message: "✗ sigma is not right yet. The first input where it differs from the library (an edge case):\n  input     z = 710\nHint: 1 < 2 & x > y",
};

describe("resultHtml", () => {
  it("colours the mark and the border from JupyterLab's theme variables, and keeps the theme's text colour", () => {
    const html = resultHtml(failed);
    expect(html).toContain("border-left: 4px solid var(--jp-error-color1, #d32f2f)");
    expect(html).toContain('<span style="color: var(--jp-error-color1, #d32f2f); font-weight: bold">✗</span>');
    expect(html).toContain("color: inherit");
    expect(html).toMatch(/background: rgba\([^)]*0\.\d+\)/);
  });

  it("escapes the message", () => {
    expect(resultHtml(failed)).toContain("Hint: 1 &lt; 2 &amp; x &gt; y");
  });

  it("uses the success colour for a pass and a neutral grey for 'not done yet'", () => {
    expect(resultHtml({ passed: true, status: "pass", message: "✓ fine" })).toContain("var(--jp-success-color1");
    const notDone = resultHtml({ passed: false, status: "not-done", message: "Not done yet: write sigma" });
    expect(notDone).toContain("var(--jp-border-color1");
    expect(notDone).not.toContain("<span");
  });
});

describe("check functions", () => {
  it("send one display message with the plain text and the HTML box inside the tslab kernel", () => {
    const sent: Record<string, unknown>[] = [];
    jupyter.lastWriteDisplayData = (message: { data: Record<string, unknown> }) => sent.push(message.data);
    checkSigmoid(() => todo());
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0]!).sort()).toEqual(["text/html", "text/plain"]);
    expect(sent[0]!["text/plain"]).toMatch(/^Not done yet: write sigma/);
  });

  it("print the same text outside the kernel, and return nothing a notebook would echo", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const returned = checkSigmoid((z) => 1 / (1 + Math.exp(-z)));
    expect(returned).toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/^✓ sigma\(z\) is σ\(z\)/);
  });

  it("build the bundle from the result alone", () => {
    expect(resultBundle(failed)["text/plain"]).toBe(failed.message);
  });
});
