/**
 * Escaping for untrusted text (model outputs, case inputs, PR text) on its way into Markdown
 * and workflow commands. GitHub does not stop @mentions at a backslash, so they are broken
 * with a zero-width joiner; HTML is entity-encoded; our hidden marker can never be forged.
 */
const ZWJ = '\u200d';

function stripControl(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function breakMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`);
}

function encodeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline Markdown text: HTML, mentions, issue links, emphasis, links and images neutralised. */
export function escapeMarkdownText(text: string): string {
  const safe = breakMentions(encodeHtml(stripControl(text)));
  return safe
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/^(\s*)([-=>])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

/** A table cell: one line, pipes escaped. */
export function escapeTableCell(text: string, maxLength = 120): string {
  const oneLine = text.replace(/\r?\n/g, ' ⏎ ');
  const cut = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength)}…` : oneLine;
  return escapeMarkdownText(cut);
}

/** A fenced block that no backtick run inside the text can close early. */
export function fencedBlock(text: string, maxLength = 2000): string {
  const cut = text.length > maxLength ? `${text.slice(0, maxLength)}\n…(truncated)` : text;
  const body = breakMentions(stripControl(cut));
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${body.replace(/<!--/g, '<!\u200d--')}\n${fence}`;
}

/** Data for `::command::` workflow lines (GitHub's escaping rules for messages). */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties of `::command key=value::` lines also escape `:` and `,`. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
