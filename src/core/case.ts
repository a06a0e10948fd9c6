/** One test case of a suite: its variables and where it came from. */
export interface Case {
  /** Stable id: the data's `id` field, else derived from the case's content. */
  id: string;
  vars: Record<string, unknown>;
  /** Where the case came from, for error messages. */
  source: { file: string; line?: number };
}
