import { diffWordsWithSpace } from 'diff';

/** A word-level diff part: 0 unchanged, 1 only in the PR output, -1 only in the baseline's. */
export type DiffPart = [op: -1 | 0 | 1, text: string];

/** Above this many edits the diff is not worth reading (and costs time): none is shown. */
const MAX_EDITS = 3000;

/** The word-level diff of two outputs (the `diff` package), or null when there is none to show. */
export function wordDiff(before: string | null, after: string | null): DiffPart[] | null {
  if (before === null || after === null || before === after) return null;
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDITS });
  if (!changes) return null;
  return changes.map((change): DiffPart => [change.added ? 1 : change.removed ? -1 : 0, change.value]);
}
