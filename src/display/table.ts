import { InputError } from "../core/errors";
import { checkWhole } from "../core/validate";
import { type MimeBundle, writeDisplayBundle } from "./jupyter";

/** A table cell: numbers are rounded for display, everything else is shown as text. */
export type Cell = string | number | boolean | null | undefined;

export interface TableOptions {
  /** Decimal places for numbers (0 to 20): one for all columns, or per column name. Default 4. */
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
/** Float64 carries about 17 significant digits; more decimal places print noise. */
const MAX_DIGITS = 20;
/** Rows and cells in one table: more is no longer something to read, and an output of megabytes. */
export const MAX_TABLE_ROWS = 5_000;
export const MAX_TABLE_CELLS = 100_000;

/** An HTML table (escaped) of rows keyed by column name; the columns are the first row's keys. */
export function htmlTable(rows: readonly Record<string, Cell>[], options: TableOptions = {}): string {
  const columns = columnsOf(rows);
  const digits = digitsOf(options, columns);
  const head = columns.map((c) => `<th>${escape(c)}</th>`).join("");
  const body = rows
    .map((row) => {
      const cells = columns.map((c, k) => {
        const value = cellOf(row, c);
        return `<td${typeof value === "number" ? ' style="text-align:right"' : ""}>${escape(formatCell(value, digits[k]!))}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const caption = captionOf(options) === undefined ? "" : `<caption>${escape(captionOf(options)!)}</caption>`;
  return `<table>${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** The same table as aligned plain text, for consoles and viewers without HTML. */
export function textTable(rows: readonly Record<string, Cell>[], options: TableOptions = {}): string {
  const columns = columnsOf(rows);
  const digits = digitsOf(options, columns);
  const cells = rows.map((row) => columns.map((c, k) => formatCell(cellOf(row, c), digits[k]!)));
  // reduce, not Math.max(...cells): spreading thousands of arguments can overflow the stack.
  const widths = columns.map((c, k) => cells.reduce((width, r) => Math.max(width, r[k]!.length), c.length));
  const line = (values: readonly string[]) => values.map((v, k) => v.padStart(widths[k]!)).join("  ").trimEnd();
  const lines = [line(columns), ...cells.map(line)];
  const caption = captionOf(options);
  return caption === undefined ? lines.join("\n") : [caption, ...lines].join("\n");
}

/** Rows for a matrix (e.g. a weight matrix), with a first column of row labels. */
export function matrixRows(matrix: readonly (readonly number[])[], options: MatrixOptions = {}): Record<string, Cell>[] {
  if (!Array.isArray(matrix) || matrix.length === 0 || !Array.isArray(matrix[0])) throw new InputError("matrix", matrix, "a non-empty array of rows");
  const width = matrix[0]!.length;
  const columnLabels = options.columnLabels ?? Array.from({ length: width }, (_, j) => String(j));
  if (columnLabels.length !== width) throw new InputError("columnLabels.length", columnLabels.length, `${width}`);
  return matrix.map((row, i) => {
    if (!Array.isArray(row)) throw new InputError(`matrix[${i}]`, row, "an array of numbers");
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
  if (rows.length > MAX_TABLE_ROWS) throw new InputError("rows.length", rows.length, `at most ${MAX_TABLE_ROWS.toLocaleString("en-US")} (show a slice)`);
  rows.forEach((row, i) => {
    if (row === null || typeof row !== "object") throw new InputError(`rows[${i}]`, row, "an object of column → value");
  });
  const columns = Object.keys(rows[0]!);
  if (rows.length * columns.length > MAX_TABLE_CELLS) {
    throw new InputError("rows", `${rows.length} rows × ${columns.length} columns`, `at most ${MAX_TABLE_CELLS.toLocaleString("en-US")} cells (show a slice)`);
  }
  return columns;
}

/** A row's own value for a column: a row without that column shows an empty cell, never an inherited member. */
function cellOf(row: Record<string, Cell>, column: string): Cell {
  return Object.hasOwn(row, column) ? row[column] : undefined;
}

/** The decimal places of each column, checked: a number for all, or an object naming columns of the table. */
function digitsOf(options: TableOptions, columns: readonly string[]): number[] {
  const { digits = DEFAULT_DIGITS } = options;
  if (typeof digits === "number") return columns.map(() => checkWhole("digits", digits, 0, MAX_DIGITS));
  if (digits === null || typeof digits !== "object" || Array.isArray(digits)) {
    throw new InputError("digits", digits, `a whole number in [0, ${MAX_DIGITS}], or { column: digits }`);
  }
  for (const [column, value] of Object.entries(digits)) {
    if (!columns.includes(column)) throw new InputError("digits", column, `keyed by columns of this table (${columns.join(", ")})`);
    checkWhole(`digits[${JSON.stringify(column)}]`, value, 0, MAX_DIGITS);
  }
  return columns.map((c) => (Object.hasOwn(digits, c) ? digits[c]! : DEFAULT_DIGITS));
}


function captionOf(options: TableOptions): string | undefined {
  if (options.caption !== undefined && typeof options.caption !== "string") throw new InputError("caption", options.caption, "a string");
  return options.caption;
}

function formatCell(value: Cell, digits: number): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(digits);
  return value === null || value === undefined ? "" : String(value);
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
