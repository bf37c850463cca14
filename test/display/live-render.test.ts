import { describe, expect, it } from "vitest";
import { genderDataset, Network221, RandomState } from "../../src";
import { displayBundle, VEGA_LITE_MIME } from "../../src/display";
import { type Frame, liveFrame } from "../../src/display/live-frame";
import { frameBundle } from "../../src/display/live-render";

/** vega numbers clip paths from a counter that runs across renders; the drawing is otherwise the same. */
const unnumbered = (bundle: Record<string, unknown>) => JSON.stringify(bundle).replace(/clip\d+/g, "clip");

const gender = genderDataset();

function genderFrame(epochs: number): Frame {
  const net = Network221.fromRandom(new RandomState(0));
  const { losses } = net.train(gender.inputs, gender.labels, { epochs });
  return liveFrame({ title: "Gender", runs: [{ name: "run", losses, epoch: epochs, epochs: 400, model: net }], data: gender, logScale: false, lossLabel: "loss" });
}

describe("frameBundle", () => {
  it("sends a frame shown while training runs as the interactive spec and its text, with no image for the kernel to render", async () => {
    const frame = genderFrame(100);
    const bundle = await frameBundle(frame, false);
    expect(Object.keys(bundle).sort()).toEqual([VEGA_LITE_MIME, "text/plain"].sort());
    const whole = await displayBundle(frame.spec, { description: frame.description });
    expect(bundle[VEGA_LITE_MIME]).toEqual(whole[VEGA_LITE_MIME]);
    expect(bundle["text/plain"]).toBe(whole["text/plain"]);
  });

  it("sends the last frame as the whole bundle a chart output carries, PNG and SVG included", async () => {
    const frame = genderFrame(400);
    const bundle = await frameBundle(frame, true);
    expect(Object.keys(bundle).sort()).toEqual([VEGA_LITE_MIME, "image/png", "image/svg+xml", "text/plain"].sort());
    expect(unnumbered(bundle) === unnumbered(await displayBundle(frame.spec, { description: frame.description })), "as displayBundle gives it").toBe(true);
  });
});
