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
});
