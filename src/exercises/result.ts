/** How a learner's answer to an exercise stands. */
export type ExerciseStatus = "pass" | "fail" | "not-done" | "error";

/** What a check found, for tests and tools; the notebook shows `message` (which begins with ✓ exactly when it passed). */
export interface ExerciseResult {
  readonly passed: boolean;
  readonly status: ExerciseStatus;
  /** The plain-text report, several lines for a failure. */
  readonly message: string;
}
