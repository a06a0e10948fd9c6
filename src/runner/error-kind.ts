import type { ErrorKind } from '../core/failure.js';

const INFRASTRUCTURE_TEXT = [
  /\btimed? ?out\b/i,
  /\btimeout\b/i,
  /\b(?:HTTP|status|code)[ :]*(?:429|5\d\d)\b/i,
  /too many requests/i,
  /rate.?limit/i,
  /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|UND_ERR_\w+)\b/,
  /connection (?:refused|reset|closed|error)/i,
  /socket hang up/i,
  /fetch failed/i,
  /service unavailable|bad gateway|gateway time/i,
];

/**
 * Reads old results files only: samples stored before `errorKind` existed carry just the error
 * text. A run records the kind where the error is thrown (see core/failure.ts and each flow's
 * `failureKind`); nothing new is ever classified by its text.
 */
export function errorKindOfText(message: string): ErrorKind {
  return INFRASTRUCTURE_TEXT.some((pattern) => pattern.test(message)) ? 'infrastructure' : 'application';
}
