import { insideTslab, type MimeBundle, writeDisplayBundle } from "../display/jupyter";
import type { ExerciseResult, ExerciseStatus } from "./result";

/**
 * Colours from JupyterLab's own theme variables, so they suit its light and dark themes alike (with fallbacks for
 * other viewers); the text keeps the theme's colour and the tint behind it is translucent.
 */
const STYLES: Readonly<Record<ExerciseStatus, { accent: string; tint: string }>> = {
  pass: { accent: "var(--jp-success-color1, #388e3c)", tint: "rgba(76, 175, 80, 0.12)" },
  fail: { accent: "var(--jp-error-color1, #d32f2f)", tint: "rgba(244, 67, 54, 0.10)" },
  error: { accent: "var(--jp-error-color1, #d32f2f)", tint: "rgba(244, 67, 54, 0.10)" },
  "not-done": { accent: "var(--jp-border-color1, #9e9e9e)", tint: "rgba(128, 128, 128, 0.12)" },
};

/** A check's result as a cell output: plain text for every viewer, and a small coloured box for HTML ones. */
export function resultBundle(result: ExerciseResult): MimeBundle {
  return { "text/plain": result.message, "text/html": resultHtml(result) };
}

export function resultHtml(result: ExerciseResult): string {
  const { accent, tint } = STYLES[result.status];
  const [headline = "", ...details] = result.message.split("\n");
  const box = [
    `border-left: 4px solid ${accent}`,
    `background: ${tint}`,
    "padding: 6px 10px",
    "margin: 2px 0",
    "color: inherit",
    "font-family: var(--jp-code-font-family, monospace)",
    "font-size: var(--jp-code-font-size, 13px)",
    "line-height: 1.45",
    "white-space: pre-wrap",
  ].join("; ");
  const mark = /^[✓✗]/.exec(headline)?.[0];
  const head = mark === undefined ? escape(headline) : `<span style="color: ${accent}; font-weight: bold">${mark}</span>${escape(headline.slice(1))}`;
  const body = details.length === 0 ? "" : `\n${escape(details.join("\n"))}`;
  return `<div class="exercise-check exercise-${result.status}" style="${box}">${head}${body}</div>`;
}

/** Shows the result under the cell inside a notebook, and prints its text anywhere else. */
export function showResult(result: ExerciseResult): void {
  if (insideTslab()) writeDisplayBundle(resultBundle(result));
  else console.log(result.message);
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
