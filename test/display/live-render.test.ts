import { describe, expect, it } from "vitest";
import { genderDataset, LayeredNetwork, Network221, pointsDataset, RandomState } from "../../src";
import { displayBundle } from "../../src/display";
import { liveFrame, type FrameState } from "../../src/display/live-frame";
import { frameBundle } from "../../src/display/live-render";

/** vega numbers clip paths from a counter that runs across renders; the drawing is otherwise the same. */
const unnumbered = (bundle: Record<string, unknown>) => JSON.stringify(bundle).replace(/clip\d+/g, "clip");

const gender = genderDataset();

/** The states of one Network221 run on the people every `every` epochs, each with its own copy of the network. */
function genderFrames(epochs: number, every: number): FrameState[] {
  const net = Network221.fromRandom(new RandomState(0));
  const run = net.startTraining(gender.inputs, gender.labels, { epochs });
  const states: FrameState[] = [];
  for (;;) {
    const { losses, epochsDone } = run.result();
    states.push({
      title: "Gender",
      runs: [{ name: "run", losses, epoch: epochsDone, epochs, model: new Network221(net.params) }],
      data: gender,
      logScale: false,
      lossLabel: "loss",
      time: { elapsed: 100 * epochsDone, left: 100 * (epochs - epochsDone) },
    });
    if (run.done) return states;
    run.advance(every);
  }
}

describe("frameBundle", () => {
  it("gives every frame of a run the bundle a fresh render gives, though it compiles the view once", async () => {
    for (const state of genderFrames(400, 100)) {
      const live = liveFrame(state);
      const fresh = await displayBundle(live.spec, { description: live.description });
      expect(unnumbered(await frameBundle(live)) === unnumbered(fresh), `epoch ${state.runs[0]!.epoch} as rendered fresh`).toBe(true);
    }
  });

  it("draws a comparison, and a loss-only view after it, as a fresh render does", async () => {
    const points = pointsDataset();
    const states: FrameState[] = [0, 1].map((step) => ({
      title: "Rates",
      runs: [0.5, 5].map((rate) => {
        const net = Network221.fromRandom(new RandomState(1));
        const { losses } = net.train(points.inputs, points.labels, { epochs: 50 * step, learnRate: rate });
        return { name: `η = ${rate}`, losses, epoch: 50 * step, epochs: 50, model: net };
      }),
      data: points,
      logScale: true,
      lossLabel: "loss",
    }));
    const layered = LayeredNetwork.fromRandom([2, 4, 1], new RandomState(1));
    const { losses } = layered.train(points.inputs, points.labels, { epochs: 10 });
    states.push({ title: "No regions", runs: [{ name: "run", losses, epoch: 10, epochs: 10, model: null }], data: points, logScale: false, lossLabel: "loss" });
    for (const state of states) {
      const live = liveFrame(state);
      const fresh = await displayBundle(live.spec, { description: live.description });
      expect(unnumbered(await frameBundle(live)) === unnumbered(fresh), `${state.title} as rendered fresh`).toBe(true);
    }
  });

  it("keeps frames drawn at once in order, each with its own data", async () => {
    const states = genderFrames(300, 100);
    const bundles = await Promise.all(states.map((state) => frameBundle(liveFrame(state))));
    const fresh = await Promise.all(states.map((state) => liveFrame(state)).map((live) => displayBundle(live.spec, { description: live.description })));
    bundles.forEach((bundle, i) => expect(unnumbered(bundle) === unnumbered(fresh[i]!), `frame ${i}`).toBe(true));
  });
});
