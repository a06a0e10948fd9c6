import type { Direction, Scale } from '../metrics/types.js';
import type { ResultsFile } from '../results/types.js';

/** One version of the baseline: the commit that wrote it, its date, and the file as it was. */
export interface HistoryEntry {
  commit: string;
  /** ISO-8601 commit date. */
  date: string;
  results: ResultsFile;
}

/** The baseline's versions in commit order (oldest first), and why some were left out. */
export interface BaselineHistory {
  entries: HistoryEntry[];
  notes: string[];
}

interface TrendPoint {
  commit: string;
  date: string;
  /** Run-level value on the report's display scale: 0–1 for scores, USD, ms. */
  value: number;
}

/** One metric's values across the baseline's history (suite › metric). */
export interface MetricSeries {
  suite: string;
  metric: string;
  scale: Scale;
  direction: Direction;
  points: TrendPoint[];
}

/** How many baseline commits a reader looks at unless told otherwise. */
export const DEFAULT_HISTORY_LIMIT = 20;
