import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { checkSpec } from "./vega-check";

describe("checkSpec (the test harness itself)", () => {
  it("fails a spec that vega-lite 5's schema rejects", async () => {
    await expect(checkSpec({ data: { values: [] }, mark: "blob" } as unknown as TopLevelSpec)).rejects.toThrow(/schema errors/);
  });

  it("counts the items a valid spec draws", async () => {
    const { drawn } = await checkSpec({ data: { values: [{ a: 1 }, { a: 2 }, { a: 3 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } });
    expect(drawn).toEqual({ symbol: 3 });
  });
});
