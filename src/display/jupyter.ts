/** A display message's MIME bundle: MIME type → content (a JSON value for JSON types, a string otherwise). */
export type MimeBundle = Record<string, unknown>;

type WriteDisplayData = (data: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

/**
 * The one place that touches tslab's internals. `tslab.display` sends one MIME type per output; a bundle
 * (interactive chart + static image + text) needs the kernel's own writer, which tslab keeps in
 * `tslab/dist/jupyter` as `lastWriteDisplayData` while a cell runs, and null outside the kernel.
 */
function kernelWriter(): WriteDisplayData | null {
  try {
    return (require("tslab/dist/jupyter") as { lastWriteDisplayData: WriteDisplayData | null }).lastWriteDisplayData;
  } catch {
    return null;
  }
}

/** True inside a tslab kernel executing a cell. */
export function insideTslab(): boolean {
  return kernelWriter() !== null;
}

/** Sends one display_data message holding every representation in the bundle; throws outside tslab. */
export function writeDisplayBundle(bundle: MimeBundle): void {
  const write = kernelWriter();
  if (write === null) throw new Error("show() needs the tslab kernel (run it in a notebook cell); outside one, use savePlot() to write files");
  write({ data: bundle, metadata: {}, transient: {} }, false);
}
