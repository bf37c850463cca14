import type { TopLevelSpec } from "vega-lite";
import { InputError } from "../core/errors";
import { checkFinite } from "../core/validate";
import type { Person } from "../data/people";
import { checkNonEmpty } from "./checks";
import { BLUE_COLOR, RED_COLOR } from "./colors";
import { MAX_POINTS } from "./limits";
import { VEGA_LITE_SCHEMA } from "./schema";

export interface PeoplePlotOptions {
  /**
   * Subtract these from weight and height, as tutorial 1 does before training (it uses 135 lb and 66 in),
   * so the axes show the numbers the network actually sees. Default: no shift.
   */
  shift?: { weight: number; height: number };
}

/** Tutorial 1's people as labelled points, weight against height, coloured by gender. */
export function peoplePlot(people: readonly Person[], options: PeoplePlotOptions = {}): TopLevelSpec {
  const shift = options.shift ?? { weight: 0, height: 0 };
  checkFinite("shift.weight", shift.weight);
  checkFinite("shift.height", shift.height);
  const rows = checkNonEmpty<Person>("people", people, MAX_POINTS).map((p, i) => {
    if (p === null || typeof p !== "object") throw new InputError(`people[${i}]`, p, "{ name, weight, height, gender }");
    if ((p.gender as number) !== 0 && (p.gender as number) !== 1) throw new InputError(`people[${i}].gender`, p.gender, "0 (male) or 1 (female)");
    return {
      name: String(p.name),
      weight: checkFinite(`people[${i}].weight`, p.weight) - shift.weight,
      height: checkFinite(`people[${i}].height`, p.height) - shift.height,
      gender: p.gender === 1 ? "female (1)" : "male (0)",
    };
  });
  const shifted = shift.weight !== 0 || shift.height !== 0;
  const axis = (quantity: string, amount: number, unit: string): string =>
    shifted ? `${quantity} − ${amount} (${unit})` : `${quantity} (${unit})`;
  const position = { type: "quantitative" as const, scale: { zero: false, padding: 24 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Scatter plot of ${rows.length} people, weight against height, coloured by gender${shifted ? " (shifted)" : ""}`,
    title: { text: "Tutorial 1's people", subtitle: shifted ? `shifted by ${shift.weight} lb and ${shift.height} in, as the network sees them` : "" },
    width: 360,
    height: 280,
    data: { values: rows },
    encoding: {
      x: { field: "weight", title: axis("weight", shift.weight, "lb"), ...position },
      y: { field: "height", title: axis("height", shift.height, "in"), ...position },
      color: { field: "gender", type: "nominal", title: "gender", scale: { domain: ["male (0)", "female (1)"], range: [BLUE_COLOR, RED_COLOR] } },
    },
    layer: [
      { mark: { type: "point", filled: true, size: 140, stroke: "white", strokeWidth: 1, opacity: 1 }, encoding: { tooltip: [{ field: "name" }, { field: "weight" }, { field: "height" }, { field: "gender" }] } },
      { mark: { type: "text", align: "left", dx: 9, dy: -8, fontSize: 12 }, encoding: { text: { field: "name" } } },
    ],
  };
}
