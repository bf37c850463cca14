import { describePlot, displayBundle, VEGA_LITE_MIME } from "./bundle";
import type { MimeBundle } from "./jupyter";
import type { Frame } from "./live-frame";
import { forNotebook } from "./theme";

/**
 * A frame as a display bundle. A frame shown while training runs is the interactive spec and its line of text only:
 * JupyterLab draws the spec itself, so the kernel renders nothing and training goes on at once. The last frame is
 * the whole bundle of {@link displayBundle}, static images included: it is the output the notebook keeps, which
 * nbconvert and GitHub show and which JupyterLab leaves unmodified when the notebook is opened again.
 */
export async function frameBundle(frame: Frame, last: boolean): Promise<MimeBundle> {
  if (last) return displayBundle(frame.spec, { description: frame.description });
  return { [VEGA_LITE_MIME]: forNotebook(frame.spec), "text/plain": describePlot(frame.spec, frame.description) };
}
