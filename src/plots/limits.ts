/**
 * Bounds on every size a plot builder takes, so that no single argument can exhaust the kernel's memory or send
 * the notebook an output of many megabytes. Each builder names the limit in its error.
 */

/** Points drawn in one plot: ~3 MB of spec and a few seconds to render statically. */
export const MAX_POINTS = 50_000;
/** Points per curve of a function or activation plot: far more than a chart's pixels across. */
export const MAX_SAMPLES = 10_000;
/** Curves in one function or activation plot. */
export const MAX_CURVES = 20;
/** Grid cells per axis of a regions field: 250,000 evaluations, a field image of at most a few hundred KB. */
export const MAX_RESOLUTION = 500;
/** Snapshots in one training animation. */
export const MAX_FRAMES = 500;
/** Field cells over all frames of a training animation (frames × resolution²), e.g. 100 frames at 200 × 200. */
export const MAX_FRAME_CELLS = 4_000_000;
/** Loss points over all runs of a loss plot. */
export const MAX_LOSS_POINTS = 50_000;
/** Plot width and height in pixels. */
export const MIN_PLOT_SIZE = 50;
export const MAX_PLOT_SIZE = 2000;
/** Units per layer and layers of a network diagram: beyond these the diagram is unreadable anyway. */
export const MAX_DIAGRAM_UNITS = 100;
export const MAX_DIAGRAM_LAYERS = 12;
