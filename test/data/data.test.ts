import { describe, expect, it } from "vitest";
import { BLUE_LABEL, HEIGHT_SHIFT, RED_LABEL, WEIGHT_SHIFT, genderDataset, newPeople, people, pointsDataset, shiftPerson, testPoint } from "../../src";

describe("tutorial 1's people", () => {
  it("shift by 135 lb and 66 in into the tutorial's training data", () => {
    expect([WEIGHT_SHIFT, HEIGHT_SHIFT]).toEqual([135, 66]);
    expect(genderDataset()).toEqual({
      inputs: [[-2, -1], [25, 6], [17, 4], [-15, -6]],
      labels: [1, 0, 0, 1],
    });
    expect(people.map((p) => p.name)).toEqual(["Alice", "Bob", "Charlie", "Diana"]);
  });

  it("Emily and Frank shift to the tutorial's test inputs", () => {
    expect(newPeople.map(shiftPerson)).toEqual([[-7, -3], [20, 2]]);
  });
});

describe("tutorial 2's points", () => {
  it("are 15 points, 7 blue then 8 red, and the test point (2, -3)", () => {
    const { inputs, labels } = pointsDataset();
    expect(inputs).toHaveLength(15);
    expect(labels.join("")).toBe("000000011111111");
    expect(labels).toEqual([...Array<number>(7).fill(BLUE_LABEL), ...Array<number>(8).fill(RED_LABEL)]);
    expect(inputs[4]).toEqual([-2, -2]);
    expect(inputs[14]).toEqual([2, -2]);
    expect(testPoint).toEqual([2, -3]);
  });

  it("pointsDataset returns fresh arrays each time", () => {
    const first = pointsDataset();
    first.inputs[0]![0] = 99;
    expect(pointsDataset().inputs[0]).toEqual([0, 0]);
  });
});
