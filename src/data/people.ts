/** Tutorial 1's data: people's weight and height, and gender coded as a number for the network to predict. */

/** 0 = male, 1 = female: the tutorial's coding of the label. */
export type Gender = 0 | 1;

export interface Person {
  name: string;
  /** Pounds. */
  weight: number;
  /** Inches. */
  height: number;
  gender: Gender;
}

/** The tutorial subtracts these (roughly the group's mean) so the network's inputs sit near 0. */
export const WEIGHT_SHIFT = 135;
export const HEIGHT_SHIFT = 66;

/** The four people the network trains on. */
export const people: readonly Person[] = [
  { name: "Alice", weight: 133, height: 65, gender: 1 },
  { name: "Bob", weight: 160, height: 72, gender: 0 },
  { name: "Charlie", weight: 152, height: 70, gender: 0 },
  { name: "Diana", weight: 120, height: 60, gender: 1 },
];

/** The two people the trained network is asked about, with the answer we expect from it. */
export const newPeople: readonly Person[] = [
  { name: "Emily", weight: 128, height: 63, gender: 1 },
  { name: "Frank", weight: 155, height: 68, gender: 0 },
];

/** A person's network input: [weight − 135, height − 66]. */
export function shiftPerson(person: Pick<Person, "weight" | "height">): [number, number] {
  return [person.weight - WEIGHT_SHIFT, person.height - HEIGHT_SHIFT];
}

/** The training set as the tutorial writes it: shifted inputs and their labels, in the order Alice, Bob, Charlie, Diana. */
export function genderDataset(list: readonly Person[] = people): { inputs: [number, number][]; labels: Gender[] } {
  return { inputs: list.map(shiftPerson), labels: list.map((p) => p.gender) };
}
