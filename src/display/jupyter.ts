import { recoverInterruptedEpoch } from "../core/training";

/** A display message's MIME bundle: MIME type → content (a JSON value for JSON types, a string otherwise). */
export type MimeBundle = Record<string, unknown>;

/** The content of a display_data or update_display_data message. */
export interface DisplayMessage {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  /** Not stored in the notebook; `display_id` names an output that later updates replace. */
  transient: { display_id?: string };
}

/** Sends a display_data message, or an update_display_data message when `update` is true. */
export type DisplayWriter = (message: DisplayMessage, update: boolean) => void;

/**
 * The one place that touches tslab's internals. `tslab.display` sends one MIME type per output; a bundle
 * (interactive chart + static image + text) needs the kernel's own writer, which tslab keeps in
 * `tslab/dist/jupyter` as `lastWriteDisplayData` while a cell runs, and null outside the kernel.
 * tslab sets it to each cell's writer as the cell starts, and runs a cell's synchronous code under node's
 * `vm` option `breakOnSigint`; its own SIGINT listener abandons a cell that is awaiting something.
 */
interface TslabJupyter {
  lastWriteDisplayData: DisplayWriter | null;
}

const TSLAB_JUPYTER = "tslab/dist/jupyter";

function tslabJupyter(): TslabJupyter | null {
  try {
    return require(TSLAB_JUPYTER) as TslabJupyter;
  } catch {
    return null;
  }
}

/** tslab's module if this process already loaded it (a kernel has), without loading it (and TypeScript) otherwise. */
function loadedTslabJupyter(): TslabJupyter | null {
  try {
    return (require.cache[require.resolve(TSLAB_JUPYTER)]?.exports as TslabJupyter | undefined) ?? null;
  } catch {
    return null;
  }
}

function kernelWriter(): DisplayWriter | null {
  return tslabJupyter()?.lastWriteDisplayData ?? null;
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

/**
 * The running cell's writer, kept: a display it creates can be updated while the cell runs. Throws outside tslab
 * with a one-line message naming `caller`.
 */
export function cellDisplayWriter(caller: string): DisplayWriter {
  const write = kernelWriter();
  if (write === null) throw new Error(`${caller} needs the tslab kernel (run it in a notebook cell)`);
  return write;
}

/**
 * Until the returned function is called, Kernel → Interrupt (SIGINT to the kernel) calls `onInterrupt` instead of
 * tslab's listener, which would end the cell at once while its training went on in the background. Call it only
 * after an `await`: a SIGINT listener added during a cell's synchronous code, under `breakOnSigint`, leaves the
 * kernel to die on the next interrupt. The new listener is added before the old ones are removed, and the old
 * ones before it is removed, so SIGINT never finds the process without a listener (whose default is to exit).
 */
export function interceptInterrupts(onInterrupt: () => void): () => void {
  const others = process.rawListeners("SIGINT") as ((...args: unknown[]) => void)[];
  process.on("SIGINT", onInterrupt);
  for (const listener of others) process.removeListener("SIGINT", listener);
  return () => {
    for (const listener of others) process.on("SIGINT", listener);
    process.removeListener("SIGINT", onInterrupt);
  };
}

const CELL_HOOKS = Symbol.for("neural-notebooks.beforeEachCell");

/**
 * Calls `hook` each time tslab starts a cell, before the cell's code runs, by turning `lastWriteDisplayData` into
 * an accessor that still holds the writer tslab assigns. Only in a process where tslab's kernel module is loaded;
 * returns whether the hook is installed. Each hook is installed once, however often this is called.
 */
export function beforeEachCell(hook: () => void): boolean {
  const jupyter = loadedTslabJupyter() as (TslabJupyter & { [CELL_HOOKS]?: Set<() => void> }) | null;
  if (jupyter === null) return false;
  let hooks = jupyter[CELL_HOOKS];
  if (hooks === undefined) {
    const installed = new Set<() => void>();
    let writer = jupyter.lastWriteDisplayData;
    Object.defineProperty(jupyter, "lastWriteDisplayData", {
      configurable: true,
      enumerable: true,
      get: () => writer,
      set: (next: DisplayWriter | null) => {
        writer = next;
        installed.forEach((h) => h());
      },
    });
    Object.defineProperty(jupyter, CELL_HOOKS, { value: installed });
    hooks = installed;
  }
  hooks.add(hook);
  return true;
}

// An interrupt can stop a plain `train` call mid-epoch, where no `finally` runs; the next cell finds the network
// with the parameters of its last completed epoch.
beforeEachCell(recoverInterruptedEpoch);
