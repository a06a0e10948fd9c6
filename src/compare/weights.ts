import type { FamilyMember } from './family.js';
import { discreteHolm, testLevel } from './family.js';

/** Share of the PR's error budget the primary metrics' tests split between them when a suite marks any. */
export const PRIMARY_SHARE = 0.8;

/** The PR's family with each test's adjusted p on the α scale (FAIL at ≤ α, WARN at ≤ 2α) and the level a moved test would be judged at. */
export interface Allocation {
  adjusted: number[];
  /** testLevel for a primary test and for any other one (equal when no metric is primary). */
  levels: { primary: number; other: number };
}

/**
 * The PR-wide budget split between primary and other tests, with fallback (a weighted Holm over
 * the two groups, each group a discrete Holm — family.ts): the primary tests share
 * PRIMARY_SHARE·α, the others the rest; once every primary test is rejected at a level, the others
 * get the whole of it. An unchanged PR still FAILs with probability ≤ α: a false FAIL among the
 * primary tests has probability ≤ PRIMARY_SHARE·α; among the others ≤ (1 − PRIMARY_SHARE)·α while
 * a true primary hypothesis stands, and ≤ α when none does (then every false FAIL is the others').
 * Adjusted p-values are scaled so that "≤ level" means "rejected when the PR's budget is level",
 * the same for FAIL at α and WARN at 2α. Without primary tests this is the plain discrete Holm.
 */
export function allocate(members: readonly FamilyMember[], primary: readonly boolean[], alpha: number): Allocation {
  const first = members.filter((_, index) => primary[index]);
  const rest = members.filter((_, index) => !primary[index]);
  if (first.length === 0 || rest.length === 0) {
    const level = testLevel(members, alpha);
    return { adjusted: discreteHolm(members), levels: { primary: level, other: level } };
  }
  const primaryHolm = discreteHolm(first).map((p) => Math.min(1, p / PRIMARY_SHARE));
  const otherHolm = discreteHolm(rest);
  // Every primary test is rejected at level L once L ≥ the largest scaled primary p.
  const allPrimary = Math.max(...primaryHolm);
  const [firstAt, restAt] = [{ next: 0 }, { next: 0 }];
  const adjusted = members.map((_, index) => {
    if (primary[index]) return primaryHolm[firstAt.next++] as number;
    const p = otherHolm[restAt.next++] as number;
    return Math.min(1, p / (1 - PRIMARY_SHARE), Math.max(p, allPrimary));
  });
  return { adjusted, levels: { primary: testLevel(first, PRIMARY_SHARE * alpha), other: testLevel(rest, (1 - PRIMARY_SHARE) * alpha) } };
}
