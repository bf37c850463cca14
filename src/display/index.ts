export { show } from "./show";
export { displayBundle, describePlot, VEGA_LITE_MIME, MAX_SVG_BYTES, type BundleOptions } from "./bundle";
export { savePlot, type PlotFormat } from "./save";
export { renderSvg, renderPng, svgToPng, MAX_SPEC_BYTES, MAX_PNG_PIXELS, MAX_PNG_SCALE } from "./render";
export { forNotebook, NOTEBOOK_THEME } from "./theme";
export { insideTslab, type MimeBundle } from "./jupyter";
export { showTable, showMatrix, htmlTable, textTable, matrixRows, tableBundle, type Cell, type TableOptions, type MatrixOptions } from "./table";
export { trainLive, compareLive, TrainingInterruptedError, type LiveOptions, type LiveRun, type LiveTrainable, type NamedTrainResult } from "./live";
