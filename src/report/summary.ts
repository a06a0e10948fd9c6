import type { Comparison } from '../compare/types.js';
import type { MarkdownOptions } from './markdown.js';
import { renderWithin } from './markdown.js';

/** The job summary accepts 1 MiB (UTF-8 bytes) per step; room is left for notes appended later. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 8 * 1024;

export function renderSummary(comparison: Comparison, options: MarkdownOptions): string {
  return renderWithin(comparison, options, SUMMARY_LIMIT_BYTES, '', 'bytes');
}
