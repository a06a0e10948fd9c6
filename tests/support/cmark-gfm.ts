import { spawnSync } from 'node:child_process';

/**
 * GitHub's own Markdown parser (cmark-gfm, Debian's package, which .ci/run installs) with the
 * extensions github.com uses, raw HTML rendered (GitHub then sanitises it) so a test sees what
 * the data could make of it.
 */
export function renderGfm(markdown: string): string {
  const run = spawnSync('/usr/bin/cmark-gfm', ['--unsafe', '-e', 'autolink', '-e', 'table', '-e', 'strikethrough', '-e', 'tagfilter', '-e', 'tasklist'], { input: markdown, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error || run.status !== 0) throw new Error(`cmark-gfm failed: ${run.error?.message ?? run.stderr}`);
  return run.stdout;
}

/** The tags EvalGate's renderers write. */
const OUR_TAGS = new Set(['a', 'code', 'details', 'em', 'h2', 'h3', 'h4', 'hr', 'li', 'ol', 'p', 'pre', 'strong', 'sub', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'br', 'del', 'blockquote', 'input']);

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * What the data made live in GitHub's rendering of `markdown`: links other than `ownLinks`,
 * elements EvalGate does not write, and — in text outside code — what GitHub links after
 * rendering: @mentions, `#123` / `owner/repo#123` / `GH-123` references and commit SHAs.
 */
export function gfmViolations(markdown: string, ownLinks: readonly string[]): string[] {
  const html = renderGfm(markdown);
  const problems: string[] = [];
  for (const match of html.matchAll(/<a href="([^"]*)"/g)) if (!ownLinks.includes(decode(match[1] ?? ''))) problems.push(`a link to ${match[1]}`);
  for (const match of html.matchAll(/<([a-zA-Z][\w-]*)/g)) if (!OUR_TAGS.has((match[1] ?? '').toLowerCase())) problems.push(`a <${match[1]}> element`);
  if (/<details open/i.test(html)) problems.push('a <details open> element');
  const text = decode(html.replace(/<pre[\s\S]*?<\/pre>/g, ' ').replace(/<code>[\s\S]*?<\/code>/g, ' ').replace(/<[^>]+>/g, ' '));
  const references: [string, RegExp][] = [
    ['a mention', /(?<![\w`])@[A-Za-z0-9]/],
    ['an issue reference', /(?<![\w&])#\d/],
    ['a GH- reference', /\bGH-\d/i],
    ['a commit SHA', /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b/],
  ];
  for (const [what, pattern] of references) {
    const hit = pattern.exec(text);
    if (hit) problems.push(`${what}: …${text.slice(Math.max(0, hit.index - 20), hit.index + 30)}…`);
  }
  return problems;
}
