import type { Comparison } from '../compare/types.js';
import type { MarkdownOptions } from './markdown.js';
import { renderWithin } from './markdown.js';

/** The job summary accepts 1 MiB per step. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

export function renderSummary(comparison: Comparison, options: MarkdownOptions): string {
  return renderWithin(comparison, options, SUMMARY_LIMIT);
}
