import type { TopLevelSpec } from "vega-lite";
import type { Dataset } from "../core/model";
import { lossPlot, type LossRun } from "./loss-plot";
import type { PlaneModel } from "./plane";
import type { Query } from "./points";
import { regionsPlot } from "./regions-plot";
import { sideBySide } from "./side-by-side";

export interface RegionsAndLossOptions {
  /** The training data, drawn over the regions with the model's mistakes marked. */
  data?: Dataset;
  /** Points to ask the model about. */
  queries?: readonly Query[];
  /** The regions' title, e.g. the data set and the run. */
  title?: string;
  /** The loss chart's title, e.g. the network and its learning rate. */
  lossTitle?: string;
  /** Plot the loss on a log scale (default false). */
  logScale?: boolean;
}

/**
 * A trained model's classification regions next to the loss curve that got it there: one run (or several, to
 * compare) at a glance. `runs` are `{ name, losses }`, e.g. `{ name: "η = 0.1", losses: net.train(…).losses }`.
 */
export function regionsAndLossPlot(model: PlaneModel, runs: LossRun | readonly LossRun[], options: RegionsAndLossOptions = {}): TopLevelSpec {
  return sideBySide([
    regionsPlot(model, { data: options.data, queries: options.queries, title: options.title, size: 300 }),
    lossPlot(runs, { title: options.lossTitle, logScale: options.logScale, width: 320 }),
  ]);
}
