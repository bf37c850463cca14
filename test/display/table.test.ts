import { describe, expect, it } from "vitest";
import { htmlTable, matrixRows, tableBundle, textTable } from "../../src";

const people = [
  { name: "Alice", weight: 133, shifted: -2, score: 0.12345 },
  { name: "Bob <b>", weight: 160, shifted: 25, score: 0.5 },
];

describe("tables", () => {
  it("htmlTable renders a header, one row per record, escaped text and rounded numbers", () => {
    const html = htmlTable(people, { digits: 2, caption: "People" });
    expect(html).toContain("<caption>People</caption>");
    expect(html).toContain("<thead><tr><th>name</th><th>weight</th><th>shifted</th><th>score</th></tr></thead>");
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain("Bob &lt;b&gt;");
    expect(html).toContain(">0.12</td>");
    expect(html).toContain(">133</td>");
  });

  it("textTable aligns columns and honours per-column digits", () => {
    expect(textTable(people, { digits: { score: 3 } })).toBe(
      ["   name  weight  shifted  score", "  Alice     133       -2  0.123", "Bob <b>     160       25  0.500"].join("\n"),
    );
  });

  it("matrixRows labels rows and columns of a weight matrix", () => {
    const rows = matrixRows([[1.5, -2], [0.25, 3]], { rowLabels: ["x1", "x2"], columnLabels: ["h1", "h2"], corner: "from \\ to" });
    expect(rows).toEqual([{ "from \\ to": "x1", h1: 1.5, h2: -2 }, { "from \\ to": "x2", h1: 0.25, h2: 3 }]);
  });

  it("tableBundle holds HTML and plain text", () => {
    expect(Object.keys(tableBundle(people))).toEqual(["text/html", "text/plain"]);
  });

  it("validates its inputs", () => {
    expect(() => htmlTable([])).toThrow("rows must be a non-empty array of objects, got []");
    expect(() => matrixRows([[1, 2], [3]])).toThrow("matrix[1].length must be 2, got 1");
  });

  it("bounds digits with a clear message, for all columns or per column", () => {
    expect(() => textTable(people, { digits: 200 })).toThrow("digits must be a whole number in [0, 20], got 200");
    expect(() => textTable(people, { digits: -1 })).toThrow("digits must be a whole number in [0, 20], got -1");
    expect(() => htmlTable(people, { digits: 1.5 })).toThrow("digits must be a whole number in [0, 20], got 1.5");
    expect(() => textTable(people, { digits: { score: NaN } })).toThrow('digits["score"] must be a whole number in [0, 20], got NaN');
    expect(() => textTable(people, { digits: { scroe: 2 } })).toThrow('digits must be keyed by columns of this table (name, weight, shifted, score), got "scroe"');
  });

  it("reads only a row's own values: a column named like an Object member shows empty, not a function", () => {
    const rows = [{ constructor: 1.5, x: 2 }, { x: 3 }] as unknown as Record<string, number>[];
    expect(textTable(rows, { digits: 1 })).toBe(["constructor  x", "        1.5  2", "             3"].join("\n"));
    expect(textTable([{ constructor: 1.23456, x: 2.5 }] as never, { digits: { x: 1 } })).toBe(["constructor    x", "     1.2346  2.5"].join("\n"));
  });

  it("refuses a table too long to read, naming the limit", () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => ({ i }));
    expect(() => textTable(rows)).toThrow("rows.length must be at most 5,000 (show a slice), got 150000");
  });
});
