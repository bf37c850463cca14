/**
 * The command line's progress line for long training runs, written to stderr so stdout keeps the tutorial's text
 * (or the one JSON document) unchanged. On a terminal it is redrawn in place a few times a second; in a log
 * (stderr not a terminal) it is a full line every few seconds. Runs shorter than the first delay print nothing.
 */

/** Where the line goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  write(text: string): void;
  /** A terminal: redraw in place. Otherwise: one full line each time. */
  readonly isTTY?: boolean;
}

/** A terminal shows nothing for the first second, then redraws five times a second. */
const TTY_FIRST_MS = 1000;
const TTY_EVERY_MS = 200;
/** A log gets a line every five seconds, the first after five. */
const LOG_EVERY_MS = 5000;

/** Carriage return to the line's start; ESC [K erases from the cursor to the end of the line. */
const ERASE_LINE = "\r\x1b[K";

export class ProgressLine {
  private readonly start: number;
  private due: number;
  /** Whether a redrawn line is on the terminal now (so other output must erase it first). */
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    /** What is counted: "epoch" or "iteration". */
    private readonly unit: string,
    private readonly now: () => number,
  ) {
    this.start = now();
    this.due = this.start + (stream.isTTY ? TTY_FIRST_MS : LOG_EVERY_MS);
  }

  /** Draws the line if it is due. `loss` is the loss after `epoch` of `epochs` completed. */
  update(epoch: number, epochs: number, loss: number): void {
    const time = this.now();
    if (time < this.due) return;
    this.due = time + (this.stream.isTTY ? TTY_EVERY_MS : LOG_EVERY_MS);
    const text = formatProgress(this.unit, epoch, epochs, loss, time - this.start);
    if (this.stream.isTTY) {
      this.stream.write(`${ERASE_LINE}${text}`);
      this.shown = true;
    } else {
      this.stream.write(`${text}\n`);
    }
  }

  /** Erases a redrawn line, before other output shares the terminal and when training ends. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write(ERASE_LINE);
    this.shown = false;
  }
}

/** `train: epoch 12000 of 100000 (12%), loss 0.01234, 3.2 s elapsed, about 24 s left`. */
export function formatProgress(unit: string, epoch: number, epochs: number, loss: number, elapsedMs: number): string {
  const percent = Math.floor((100 * epoch) / epochs);
  const left = epoch === 0 ? "" : `, about ${formatDuration((elapsedMs / epoch) * (epochs - epoch))} left`;
  return `train: ${unit} ${epoch} of ${epochs} (${percent}%), loss ${formatLoss(loss)}, ${formatDuration(elapsedMs)} elapsed${left}`;
}

/** Four significant digits: `0.2480`, `6.72e-7` once below a thousandth. */
function formatLoss(loss: number): string {
  return loss !== 0 && Math.abs(loss) < 1e-3 ? loss.toExponential(2) : loss.toPrecision(4);
}

/** `0.4 s`, `42 s`, `3 min 05 s`, `2 h 07 min`. */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 9.95) return `${s.toFixed(1)} s`;
  if (s < 59.5) return `${Math.round(s)} s`;
  const seconds = Math.round(s);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
