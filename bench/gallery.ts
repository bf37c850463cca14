/** Renders one example of every plot type to bench/gallery/ (.png, .svg, .vl.json) for looking at. */
import { LayeredNetwork, relu, sigmoid, tanh } from "../src/core";
import { HEIGHT_SHIFT, people, pointInputs, pointLabels, testPoint, WEIGHT_SHIFT } from "../src/data";
import { savePlot } from "../src/display";
import {
  activationPlot,
  lossPlot,
  networkPlot,
  neuronExplorerPlot,
  peoplePlot,
  pointsPlot,
  regionsPlot,
  trainingPlot,
} from "../src/plots";
import { TRAINED_2_4_1, predict241 } from "./trained";

const OUT = `${__dirname}/gallery`;

/** vega-themes' "dark" config, which JupyterLab's Vega renderer applies when the dark theme is on. */
const DARK = {
  background: "#333",
  view: { stroke: "#888" },
  title: { color: "#fff", subtitleColor: "#fff" },
  style: { "guide-label": { fill: "#fff" }, "guide-title": { fill: "#fff" } },
  axis: { domainColor: "#fff", gridColor: "#888", tickColor: "#fff" },
};

async function main(): Promise<void> {
  const points = pointInputs.map(([x1, x2], i) => ({ x1, x2, label: pointLabels[i] }));
  const query = { x1: testPoint[0], x2: testPoint[1] };
  const trained = predict241(TRAINED_2_4_1);

  // Three learning rates from the same start, for the loss comparison and the animation.
  const { inputs, labels } = { inputs: pointInputs.map((p) => [...p]), labels: [...pointLabels] };
  const runs = [0.1, 1, 5].map((learnRate) => {
    const net = new LayeredNetwork([2, 4, 1], { weights: TRAINED_2_4_1.map((m) => m.map((r) => r.map((w) => w / 10))), biases: null });
    const result = net.train(inputs, labels, { epochs: 2000, learnRate, lossEvery: 20, snapshotEvery: 100 });
    return { learnRate, result };
  });
  const frames = runs[1].result.snapshots.map((s) => {
    const net = new LayeredNetwork([2, 4, 1], s.params);
    return { epoch: s.epoch, loss: s.loss, predict: (x1: number, x2: number) => net.predict([x1, x2])[0] };
  });

  const plots = {
    activation: activationPlot(sigmoid),
    activations: activationPlot([sigmoid, tanh, relu], { derivative: false, domain: [-4, 4] }),
    "neuron-explorer": neuronExplorerPlot({ weight: 2, bias: -1 }),
    loss: lossPlot(runs.map((r) => ({ name: `η = ${r.learnRate}`, losses: r.result.losses })), { logScale: true }),
    people: peoplePlot(people, { shift: { weight: WEIGHT_SHIFT, height: HEIGHT_SHIFT } }),
    points: pointsPlot(points, { queries: [query] }),
    regions: regionsPlot(trained, { points, queries: [query] }),
    "regions-start": regionsPlot(frames[0].predict, { points, title: "Before training" }),
    "regions-early": regionsPlot(frames[1].predict, { points, title: "After 100 epochs" }),
    network: networkPlot([2, 4, 1], TRAINED_2_4_1),
    "network-biases": networkPlot([2, 2, 1], [[[0.5, -1.2], [2.1, 0.3]], [[1.5], [-0.7]]], { biases: [[0.1, -0.4], [0.9]] }),
    training: trainingPlot(frames, { points }),
  };
  for (const [name, spec] of Object.entries(plots)) {
    const paths = await savePlot(spec, `${OUT}/${name}`);
    const config = { ...DARK, ...("config" in spec ? spec.config : {}) };
    paths.push(...(await savePlot({ ...spec, config } as typeof spec, `${OUT}/dark/${name}`, ["png"])));
    console.log(paths.join("  "));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
