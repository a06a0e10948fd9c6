import type { Comparison } from '../compare/types.js';
import type { MarkdownOptions } from './markdown.js';
import { renderWithin } from './markdown.js';

/** GitHub rejects comment bodies over 65,536 characters (422). */
export const COMMENT_LIMIT = 65_536;

/** `<!-- evalgate:<id> -->`: how the sticky comment is found again. */
export function commentMarker(id: string): string {
  return `<!-- evalgate:${id.replace(/[^\w.-]/g, '_')} -->`;
}

/** The sticky PR comment: hidden marker first, then the report, within GitHub's size limit. */
export function renderComment(comparison: Comparison, options: MarkdownOptions & { marker: string }): string {
  return renderWithin(comparison, options, COMMENT_LIMIT, `${options.marker}\n`);
}
