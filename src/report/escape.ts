/**
 * One escaping discipline for text that did not come from our own code (model outputs, case
 * ids and data, suite and metric names, error messages, anything read from a baseline or a
 * fork's artifact): one function per sink.
 *
 * - `escapeTableCell`      a Markdown table cell (one line, pipes escaped)
 * - `escapeMarkdownInline` Markdown inline text (headings, list items, `<summary>`): one line
 * - `escapeMarkdownText`   a Markdown block of text (several lines kept)
 * - `escapeCodeSpan`       a code span (metric names, case ids)
 * - `fencedBlock`          verbatim text in a code fence
 * - `escapeTerminal`       a terminal line (no escape sequences, no line breaks)
 * - `escapeLogLine`        a workflow-log line (can never start a `::command::`)
 *
 * Every sink drops control characters and invisible text: Unicode format characters (category
 * Cf: zero-width space/joiner/non-joiner, word joiner, BOM, soft hyphen, bidi marks, embeddings,
 * overrides and isolates, tag characters) and the other default-ignorable code points (Hangul
 * fillers, a variation selector after another), which make text read differently from what it
 * is. Kept: a zero-width joiner inside an emoji sequence, a non-joiner between Arabic-script
 * letters (Persian) and one variation selector after a visible character. GitHub does not stop
 * @mentions at a backslash, so they are broken with a zero-width joiner; in Markdown, bare URLs,
 * `www.` links, `#123`, `GH-123` and commit SHAs are broken the same way so nothing in the data
 * links anywhere; HTML is entity-encoded, so our hidden marker `<!-- evalgate` can never be forged.
 * Every sink also breaks workflow commands, in both of the runner's syntaxes (see
 * `guardWorkflowCommands`).
 */
const ZWJ = '\u200d';
const INVISIBLE =
  /(?<keep>(?<=\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]?)\u200d(?=\p{Extended_Pictographic})|(?<=\p{Script=Arabic})\u200c(?=\p{Script=Arabic})|(?<=[^\p{Cf}\p{Default_Ignorable_Code_Point}\p{White_Space}])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}])|[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** C0 and C1 controls except tab and line breaks. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029|\u0085/g;

/** Every invisible character (the rule above) replaced by `by(character)`; the kept ones stay. */
export function replaceInvisible(text: string, by: (char: string) => string): string {
  return text.replace(INVISIBLE, (match: string, keep: string | undefined) => keep ?? by(match));
}

/** Controls and invisible characters gone; `\r\n`, lone `\r` and Unicode separators become `\n`. */
function inert(text: string): string {
  return replaceInvisible(text.replace(LINE_BREAKS, '\n'), () => '').replace(CONTROL, '');
}

function oneLine(text: string): string {
  return inert(text).replace(/\n/g, ' ⏎ ').replace(/\t/g, ' ');
}

function cut(text: string, maxLength: number): string {
  const chars = [...text];
  return chars.length > maxLength ? `${chars.slice(0, maxLength).join('')}…` : text;
}

function breakMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`);
}

function encodeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * What GitHub links by itself in Markdown text: bare URLs and `www.` (the autolink extension),
 * `#123`, `owner/repo#123` and `GH-123` (issue references), hex runs of 7+ with a digit and a letter
 * (commit SHAs); each broken with a zero-width joiner (a SHA every 6 characters).
 */
function unlinked(text: string): string {
  return text
    .replace(/:(?=\/\/)/g, `:${ZWJ}`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH-)(?=\d)/gi, `$1${ZWJ}`)
    .replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi, (sha) => sha.replace(/.{6}(?=.)/g, `$&${ZWJ}`));
}

function markdownInert(text: string): string {
  return unlinked(guardWorkflowCommands(breakMentions(encodeHtml(text))))
    .replace(/([\\`*_{}[\]()#+!|~$])/g, '\\$1')
    .replace(/^(\s*)([-=>])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

/** A Markdown block of text: HTML, mentions, issue links, emphasis, links and images neutralised. */
export function escapeMarkdownText(text: string): string {
  return markdownInert(inert(text));
}

/** Inline Markdown text on one line (headings, list items, `<summary>`). */
export function escapeMarkdownInline(text: string, maxLength = 300): string {
  return markdownInert(cut(oneLine(text), maxLength));
}

/** A table cell: one line, pipes escaped, cut at `maxLength` characters. */
export function escapeTableCell(text: string, maxLength = 120): string {
  return markdownInert(cut(oneLine(text), maxLength));
}

/**
 * A code span (metric names, case ids): one line, no backtick to close it early, pipes escaped
 * for tables, and no `<!--` (the raw body must never hold a second marker).
 */
export function escapeCodeSpan(text: string, maxLength = 80): string {
  return `\`${guardWorkflowCommands(cut(oneLine(text), maxLength)).replace(/`/g, "'").replace(/\|/g, '\\|').replace(/<!--/g, '<!\u200d--')}\``;
}

/** A fenced block that no backtick run inside the text can close early. */
export function fencedBlock(text: string, maxLength = 2000): string {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength)}\n…(truncated)` : text;
  const body = guardWorkflowCommands(breakMentions(inert(clipped))).replace(/\t/g, '  ');
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${body.replace(/<!--/g, '<!\u200d--')}\n${fence}`;
}

/** .NET's `char.IsWhiteSpace`: what the runner's `TrimStart()` skips before a `::` command. */
const RUNNER_SPACE = '[\\t\\v\\f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LINE_COMMAND = new RegExp(`(^|[\\r\\n\\u2028\\u2029\\u0085])(${RUNNER_SPACE}*):(?=:)`, 'g');

/**
 * Workflow commands broken with a zero-width joiner, in both syntaxes the runner reads on a
 * line (actions/runner `ActionCommand.TryParseV2` / `TryParse`): `::` after the line's leading
 * white space, and the legacy `##[` anywhere in a line (`##[error]`, `##[add-mask]`,
 * `##[set-output name=x]`, `##[group]`, the stop-commands resume token…). The last guard on
 * whatever reaches stdout/stderr in CI, and part of every sink above.
 */
export function guardWorkflowCommands(text: string): string {
  return text.replace(LINE_COMMAND, `$1$2:${ZWJ}`).replace(/#(?=#\[)/g, `#${ZWJ}`);
}

/**
 * Terminal text: one line, no escape sequences (the colours are ours, added after). CI logs
 * are terminals too, so it can never start a workflow command either.
 */
export function escapeTerminal(text: string, maxLength = 500): string {
  return guardWorkflowCommands(cut(oneLine(text), maxLength));
}

/** A line for the workflow log (`core.info`, CLI stderr): one line that holds no workflow command. */
export function escapeLogLine(text: string): string {
  return guardWorkflowCommands(oneLine(text));
}

/**
 * The message of an annotation (`core.warning`, `core.setFailed`): line breaks kept (@actions/core
 * escapes them), invisible characters and workflow commands from the data broken.
 */
export function escapeAnnotation(text: string): string {
  return guardWorkflowCommands(inert(text));
}

/** Data for `::command::` workflow lines (GitHub's escaping rules for messages). */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties of `::command key=value::` lines also escape `:` and `,`. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
