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
];

/** Bidi overrides and isolates, and marks that reorder text. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
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
  return problems;
}
