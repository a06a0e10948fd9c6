import { runnerCommands } from './runner-commands.js';

/**
 * Hostile strings: what a fork's artifact, a model output, a case file or a suite author can put
 * where EvalGate prints text. Each carries PWNED so a leak is easy to spot. Shared by every test
 * that feeds untrusted text through a renderer or a log call.
 */
export const HOSTILE: readonly string[] = [
  'PWNED <img src=x onerror=alert(1)>',
  'PWNED <script>alert(1)</script>',
  'PWNED <details open><summary>x</summary>',
  'PWNED @octocat and @contoso/admins',
  'PWNED <!-- evalgate:evals -->',
  '<!-- evalgate:forged --> PWNED',
  'PWNED | col | col |',
  'PWNED\n| fake | row |',
  'PWNED\r| lone CR row |',
  'PWNED\r\n::error::injected',
  '\n::add-mask::PWNED',
  '::error file=x,line=1::PWNED',
  'PWNED\n::set-output name=verdict::pass',
  'PWNED\u2028::warning::line separator',
  'PWNED \u202egnp.exe',
  'PWNED \u2066isolate\u2069 \u202aembed\u202c \u200fRLM',
  'PWNED \u001b[31mred\u001b[0m \u001b]8;;http://evil\u0007link\u001b]8;;\u0007',
  'PWNED \u0007bell \u0000nul \u009bcsi',
  'PWNED ```\n# heading\n```',
  'PWNED [link](javascript:alert(1)) ![img](http://evil/x.png)',
  'PWNED **bold** _em_ ~~strike~~ #123',
  '# PWNED heading',
  '> PWNED quote\n- list\n1. item',
  'PWNED `code` ``` ````',
  'PWNED &lt;already&gt; &amp;',
  `PWNED ${'long '.repeat(400)}`,
  'PWNED 日本語テキスト 🚀 ü',
  'PWNED\t\ttabs',
  // The runner's legacy syntax, anywhere in a line, and what its log viewer formats.
  'PWNED ##[error]legacy annotation mid-line',
  'text ##[add-mask]PWNED',
  'PWNED ##[set-output name=verdict;]pass',
  '##[group]PWNED group\n##[endgroup]',
  '##[section]PWNED ##[command]PWNED',
  '##[debug]PWNED ##[warning]PWNED',
  // stop-commands, then commands in any case, behind the white space .NET's TrimStart() skips.
  '::stop-commands::pwnedtoken\n::error::PWNED while stopped\n::pwnedtoken::',
  '::ERROR::PWNED upper case ::Add-Mask::x',
  '\u00a0\u3000\u2003::error::PWNED behind .NET white space',
  '\u000b\u000c::warning::PWNED behind VT FF',
  '\u0085::error::PWNED behind NEL',
  // Ignorable characters that ICU's culture-sensitive IndexOf (the runner's) skips.
  '\u200d::error::PWNED behind a ZWJ',
  '#\u200b#[error]PWNED split by a ZWSP',
  ':\u00ad:error::PWNED split by a soft hyphen',
  // Invisible format characters (Unicode Cf) and other default-ignorables.
  'PWNED zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffbom\u00adsoft\u180emongolian\u2061fn',
  'PWNED tags\u{E0041}\u{E0042}\u{E007F} hangul\u3164\u115f filler x\ufe0f\ufe0f\ufe0f\u{E0100}\u{E0101}',
  'PWNED \u061calm \u200elrm \u200frlm \u2067rli\u2068fsi\u2069 \u202bembed\u202c \u206ainhibit',
  // What GitHub links by itself.
  'PWNED https://evil.example/x www.evil.example ftp://evil.example mailto:a@evil.example evil@example.com',
  'PWNED #123 GH-45 octo/repo#67 octo/repo@a1b2c3d fixes #8',
  'PWNED 4f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6 and a1b2c3d',
  // Legitimate text that must survive: emoji sequences, Persian, a variation selector.
  'PWNED 👩🏽‍💻 👨‍👩‍👧 ❤️ می‌خواهم',
];


/** Bidi overrides and isolates, and marks that reorder text. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * Invisible characters: format characters (Cf) and default-ignorables, except the zero-width
 * joiner (EvalGate's own, breaking mentions, links and commands; kept in emoji sequences), a
 * non-joiner between Arabic-script letters and one variation selector after a visible character.
 */
export function invisibleCharacters(text: string): string[] {
  const stripped = text
    .replace(/\u200d/g, '')
    .replace(/(?<=\p{Script=Arabic})\u200c(?=\p{Script=Arabic})/gu, '')
    .replace(/(?<=[^\p{Cf}\p{Default_Ignorable_Code_Point}\p{White_Space}])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu, '');
  return [...stripped.matchAll(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu)].map((match) => `U+${match[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Workflow commands in `text` that did not come from EvalGate, by the runner's parse rules
 * (tests/support/runner-commands.ts): ours are `add-mask` of a token and annotations that start
 * with "EvalGate"; in data-only text (`ours: false`) nothing may parse at all.
 */
export function commandViolations(text: string, options: { ours?: boolean } = {}): string[] {
  const ours = (command: { kind: string; name: string; data: string }) =>
    options.ours === true && command.kind === 'command' && ((command.name === 'add-mask' && /^[\w*-]+$/.test(command.data)) || (['warning', 'error', 'notice'].includes(command.name) && command.data.startsWith('EvalGate')));
  return runnerCommands(text)
    .filter((command) => !ours(command))
    .map((command) => `a workflow ${command.kind === 'viewer' ? 'log-viewer marker' : 'command'} from the data (${command.name}): ${command.line.slice(0, 60)}`);
}
/** Control characters other than the line feed (and tab, harmless). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** What a line of the workflow log may start with when it is ours. */
const OUR_COMMANDS = /^::(add-mask|warning|error|notice)::(EvalGate|[A-Za-z0-9_*-]+$)/;

/** Problems of text bound for Markdown (a comment, a summary, report.md). */
export function markdownViolations(text: string, options: { marker?: string } = {}): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  // Inside fences and code spans text is shown verbatim: HTML, mentions and links are inert there.
  const prose = text.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '').replace(/(?<!\\)`[^`\n]*`/g, '');
  if (BIDI.test(text)) problems.push('a bidi override');
  if (CONTROL.test(text)) problems.push('a control character (or a CR)');
  if (/\u2028|\u2029/.test(text)) problems.push('a Unicode line separator');
  for (const char of new Set(invisibleCharacters(text))) problems.push(`an invisible character ${char}`);
  problems.push(...commandViolations(text));
  const markers = text.split('<!-- evalgate').length - 1;
  if (markers !== (options.marker ? 1 : 0)) problems.push(`${markers} hidden markers`);
  if (/<(img|script|details open|a )/i.test(prose.replace(/<details><summary>/g, ''))) problems.push('raw HTML from the data');
  if (/@(octocat|contoso)/.test(prose)) problems.push('a live @mention');
  if (/\[link\]\(javascript/.test(prose)) problems.push('a live link');
  for (const line of lines) if (/^\s*::/.test(line)) problems.push(`a line starting with "::": ${line.slice(0, 40)}`);
  for (const line of prose.split('\n')) if (/^\s*#+ PWNED/.test(line)) problems.push('a heading from the data');
  // Every table row has as many unescaped pipes as its table's header.
  let columns = 0;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      columns = 0;
      continue;
    }
    const pipes = line.replace(/\\\|/g, '').split('|').length - 1;
    if (columns === 0) columns = pipes;
    else if (pipes !== columns) problems.push(`a table row with ${pipes} pipes, not ${columns}: ${line.slice(0, 60)}`);
  }
  return problems;
}

/** Problems of text bound for a terminal or a workflow log (CLI stdout/stderr, core.info). */
export function logViolations(text: string): string[] {
  const problems: string[] = [];
  if (BIDI.test(text)) problems.push('a bidi override');
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text.replace(/\r\u001b\[2K/g, ''))) problems.push('a control character (or a CR)');
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)) {
    if (/^\s*::/.test(line) && !OUR_COMMANDS.test(line)) problems.push(`a workflow command from the data: ${line.slice(0, 60)}`);
  }
  for (const char of new Set(invisibleCharacters(text))) problems.push(`an invisible character ${char}`);
  problems.push(...commandViolations(text, { ours: true }));
  return problems;
}
