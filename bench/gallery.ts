/**
 * Renders one example of every plot type to bench/gallery/ (.png, .svg, .vl.json) for looking at, and each in the
 * notebook theme on JupyterLab's dark background to bench/gallery/dark/ (.png).
 */
import type { TopLevelSpec } from "vega-lite";
import { LayeredNetwork, type LayeredParams, relu, sigmoid, tanh } from "../src/core";
import { generateDataset, HEIGHT_SHIFT, people, pointsDataset, testPoint, WEIGHT_SHIFT } from "../src/data";
import { forNotebook, savePlot } from "../src/display";
import {
  activationPlot,
  functionPlot,
  logSpacedEpochs,
  lossPlot,
  networkPlot,
  neuronExplorerPlot,
  peoplePlot,
  pointsPlot,
  regionsAndLossPlot,
  regionsPlot,
  trainingPlot,
} from "../src/plots";
import { RandomState } from "../src/random";
import { TRAINED_2_4_1 } from "./trained";

const OUT = `${__dirname}/gallery`;
/** JupyterLab's dark theme: the page background (--jp-layout-color0) and text colour (--jp-content-font-color1). */
const DARK_PAGE = { background: "#111111", ink: "#ffffff" };

/** The spec as the notebook theme draws it on the dark page: currentColor is the page's text colour there. */
function onDarkPage(spec: TopLevelSpec): TopLevelSpec {
  const themed = JSON.stringify(forNotebook(spec)).replaceAll('"currentColor"', JSON.stringify(DARK_PAGE.ink));
  return { ...(JSON.parse(themed) as TopLevelSpec), background: DARK_PAGE.background } as TopLevelSpec;
}

async function main(): Promise<void> {
  const data = pointsDataset();
  const sizes = [2, 4, 1];
  const trained = new LayeredNetwork(sizes, { weights: TRAINED_2_4_1, biases: null });

  // Three learning rates from the same start, for the loss comparison and the animation.
  const start: LayeredParams = { weights: TRAINED_2_4_1.map((m) => m.map((r) => r.map((w) => w / 10))), biases: null };
  const runs = [0.1, 1, 5].map((learnRate) => {
    const net = new LayeredNetwork(sizes, start);
    const result = net.train(data.inputs, data.labels, { epochs: 2000, learnRate, lossEvery: 20, snapshotAt: logSpacedEpochs(2000, 12) });
    return { name: `η = ${learnRate}`, net, ...result };
  });
  const rebuild = (params: LayeredParams) => new LayeredNetwork(sizes, params);
  const circle = generateDataset("circle", new RandomState(1), { noise: 0.1 });
  const lossAt = (p: number) => (0.75 * (1 - p) ** 2 + 0.25) / 4;

  const plots: Record<string, TopLevelSpec> = {
    activation: activationPlot(sigmoid),
    activations: activationPlot([sigmoid, tanh, relu], { derivative: false, domain: [-4, 4] }),
    "neuron-explorer": neuronExplorerPlot({ weight: 2, bias: -1 }),
    function: functionPlot({ name: "loss L", f: lossAt }, { domain: [0, 1], xTitle: "Alice's prediction y_pred", yTitle: "loss L (MSE)", levels: [{ y: lossAt(1), label: "what the other predictions cost" }], markers: [{ x: 0, y: lossAt(0) }] }),
    "function-tangent": functionPlot(
      [
        { name: "loss L(w1)", f: (w) => 0.2 + 0.1 * Math.sin(w) },
        { name: "tangent, slope ∂L/∂w1", f: (w) => 0.2 + 0.1 * Math.sin(1) + 0.1 * Math.cos(1) * (w - 1), domain: [-0.2, 2.2], dashed: true },
      ],
      { domain: [-3, 5], xTitle: "w1", yTitle: "loss L", markers: [{ x: 1, y: 0.2 + 0.1 * Math.sin(1) }] },
    ),
    loss: lossPlot(runs, { logScale: true }),
    people: peoplePlot(people, { shift: { weight: WEIGHT_SHIFT, height: HEIGHT_SHIFT } }),
    points: pointsPlot(data, { queries: [testPoint] }),
    "points-circle": pointsPlot(circle, { title: circle.name }),
    regions: regionsPlot(trained, { data, queries: [testPoint] }),
    "regions-start": regionsPlot(rebuild(start), { data, title: "Before training" }),
    "regions-and-loss": regionsAndLossPlot(trained, runs, { data, title: "points, trained", lossTitle: "2-4-1 sigmoid, three learning rates", logScale: true }),
    network: networkPlot(sizes, TRAINED_2_4_1),
    "network-biases": networkPlot([2, 2, 1], [[[0.5, -1.2], [2.1, 0.3]], [[1.5], [-0.7]]], { biases: [[0.1, -0.4], [0.9]] }),
    training: trainingPlot(runs[1]!.snapshots, rebuild, { data, epochScale: "symlog" }),
  };
  for (const [name, spec] of Object.entries(plots)) {
    const paths = await savePlot(spec, `${OUT}/${name}`);
    paths.push(...(await savePlot(onDarkPage(spec), `${OUT}/dark/${name}`, ["png"])));
    console.log(paths.join("  "));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
