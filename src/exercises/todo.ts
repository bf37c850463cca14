/**
 * The body of an exercise's untouched stub, `return todo();`. It throws a marker that a check recognises, so an
 * exercise not yet attempted reads "not done yet" rather than as a wrong answer. Typed `never`, so it fits a stub
 * of any return type.
 */
export function todo(): never {
  throw new NotDoneYet();
}

/** What {@link todo} throws. */
export class NotDoneYet extends Error {
  override readonly name: string = "NotDoneYet";
  /** Recognised by this brand rather than by `instanceof`, which a second copy of the library would break. */
  readonly notDoneYet = true;

  constructor() {
    super("not done yet: replace `return todo();` with your code");
  }
}

/** True for what {@link todo} throws. */
export function isNotDoneYet(thrown: unknown): boolean {
  return typeof thrown === "object" && thrown !== null && (thrown as { notDoneYet?: unknown }).notDoneYet === true;
}
