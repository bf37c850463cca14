import { InputError } from "../core/errors";
import { type MimeBundle, writeDisplayBundle } from "./jupyter";

/** A table cell: numbers are rounded for display, everything else is shown as text. */
export type Cell = string | number | boolean | null | undefined;

export interface TableOptions {
  /** Decimal places for numbers: one for all columns, or per column name. Default 4. */
  digits?: number | Record<string, number>;
  /** A caption above the table. */
  caption?: string;
}

export interface MatrixOptions extends TableOptions {
  /** Labels for the rows (default "row 0", "row 1", …). */
  rowLabels?: readonly string[];
  /** Labels for the columns (default "0", "1", …). */
  columnLabels?: readonly string[];
  /** The header of the row-label column. Default "". */
  corner?: string;
}

const DEFAULT_DIGITS = 4;

/** An HTML table (escaped) of rows keyed by column name; the columns are the first row's keys. */
export function htmlTable(rows: readonly Record<string, Cell>[], options: TableOptions = {}): string {
  const columns = columnsOf(rows);
  const head = columns.map((c) => `<th>${escape(c)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${columns.map((c) => `<td${typeof row[c] === "number" ? ' style="text-align:right"' : ""}>${escape(formatCell(row[c], digitsFor(options, c)))}</td>`).join("")}</tr>`)
    .join("\n");
  const caption = options.caption === undefined ? "" : `<caption>${escape(options.caption)}</caption>`;
  return `<table>${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** The same table as aligned plain text, for consoles and viewers without HTML. */
export function textTable(rows: readonly Record<string, Cell>[], options: TableOptions = {}): string {
  const columns = columnsOf(rows);
  const cells = rows.map((row) => columns.map((c) => formatCell(row[c], digitsFor(options, c))));
  const widths = columns.map((c, k) => Math.max(c.length, ...cells.map((r) => r[k]!.length)));
  const line = (values: readonly string[]) => values.map((v, k) => v.padStart(widths[k]!)).join("  ").trimEnd();
  const lines = [line(columns), ...cells.map(line)];
  return options.caption === undefined ? lines.join("\n") : [options.caption, ...lines].join("\n");
}

/** Rows for a matrix (e.g. a weight matrix), with a first column of row labels. */
export function matrixRows(matrix: readonly (readonly number[])[], options: MatrixOptions = {}): Record<string, Cell>[] {
  if (!Array.isArray(matrix) || matrix.length === 0) throw new InputError("matrix", matrix, "a non-empty array of rows");
  const width = matrix[0]!.length;
  const columnLabels = options.columnLabels ?? Array.from({ length: width }, (_, j) => String(j));
  if (columnLabels.length !== width) throw new InputError("columnLabels.length", columnLabels.length, `${width}`);
  return matrix.map((row, i) => {
    if (row.length !== width) throw new InputError(`matrix[${i}].length`, row.length, `${width}`);
    const record: Record<string, Cell> = { [options.corner ?? ""]: options.rowLabels?.[i] ?? `row ${i}` };
    columnLabels.forEach((label, j) => (record[label] = row[j]));
    return record;
  });
}

/** Shows rows as a table in the notebook: HTML in JupyterLab and on GitHub, aligned text elsewhere. */
export function showTable(rows: readonly Record<string, Cell>[], options: TableOptions = {}): void {
  writeDisplayBundle(tableBundle(rows, options));
}

/** Shows a matrix as a table with labelled rows and columns. */
export function showMatrix(matrix: readonly (readonly number[])[], options: MatrixOptions = {}): void {
  showTable(matrixRows(matrix, options), options);
}

export function tableBundle(rows: readonly Record<string, Cell>[], options: TableOptions = {}): MimeBundle {
  return { "text/html": htmlTable(rows, options), "text/plain": textTable(rows, options) };
}

function columnsOf(rows: readonly Record<string, Cell>[]): string[] {
  if (!Array.isArray(rows) || rows.length === 0) throw new InputError("rows", rows, "a non-empty array of objects");
  return Object.keys(rows[0]!);
}

function digitsFor(options: TableOptions, column: string): number {
  const digits = typeof options.digits === "object" ? options.digits[column] : options.digits;
  return digits ?? DEFAULT_DIGITS;
}

function formatCell(value: Cell, digits: number): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(digits);
  return value === null || value === undefined ? "" : String(value);
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
