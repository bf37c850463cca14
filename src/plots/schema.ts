/** The `$schema` every spec carries, so JupyterLab and the Vega editor know it is Vega-Lite 5. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
