import { replaceInvisible } from '../escape.js';

/**
 * Untrusted text (model outputs, case inputs, ids, suite and metric names, errors, anything
 * from a baseline) on its way into the HTML report: control characters dropped, a lone `\r`
 * made a line break, invisible characters (bidi overrides and isolates, zero-width and other
 * format characters: the rule of escape.ts) shown as visible tags (they could otherwise hide or
 * reorder what a reviewer reads), then entity-encoded for HTML; JSON embedded in a <script>
 * cannot close it or start a comment.
 */
export function visibleText(text: string): string {
  const controlsGone = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
  return replaceInvisible(controlsGone, (mark) => `⟨U+${mark.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

export function escapeHtml(text: string): string {
  return visibleText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON for `<script type="application/json">`: no `<`, `>` or `&`, and no raw U+2028 / U+2029. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** At most `limit` characters, saying how much was cut. */
export function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${(text.length - limit).toLocaleString('en-US')} more characters)` : text;
}
