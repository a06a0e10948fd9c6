import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { splitCommand } from '../../src/flows/split-command.js';
import { docText, DOCS, fencedBlocks } from '../support/docs.js';
import { CLI, runNode } from '../support/run-node.js';

/**
 * Every command the docs show is checked against the CLI:
 * - every `evalgate` command line of a `bash` block (and every `$ evalgate …` line of a `text`
 *   block) in README.md and docs/*.md is parsed by the CLI's own parser — a flag, value or
 *   command that does not exist fails here;
 * - the README's Quickstart and five-minute blocks run for real, offline, through
 *   dist/cli/index.js, with the outcome their comments promise.
 * Commands that need a model, a promptfoo config or a git history are parsed, not run.
 */
interface Shown {
  page: string;
  line: string;
  env: Record<string, string>;
  args: string[];
}

/** `ANSWER_SENTENCES=2 npx evalgate run --x > out # why` → env { ANSWER_SENTENCES: '2' }, args ['run', '--x']. */
function evalgateCommand(page: string, raw: string): Shown | undefined {
  const line = raw.replace(/^\$ /, '').replace(/\s+#\s.*$/, '').trim();
  const words = splitCommand(line);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = (words.shift() as string).split('=');
    env[name as string] = value.join('=');
  }
  if (words[0] === 'npx') words.shift();
  const program = words.shift();
  if (program !== 'evalgate' && program !== 'dist/cli/index.js' && !(program === 'node' && words.shift() === 'dist/cli/index.js')) return undefined;
  const redirect = words.indexOf('>');
  return { page, line, env, args: redirect >= 0 ? words.slice(0, redirect) : words };
}

const commandsOf = (page: string, text: string): Shown[] =>
  [...fencedBlocks(text, 'bash'), ...fencedBlocks(text, 'text').map((block) => block.split('\n').filter((line) => line.startsWith('$ ')).join('\n'))]
    .flatMap((block) => block.split('\n'))
    .flatMap((line) => evalgateCommand(page, line) ?? []);

const SHOWN = DOCS.flatMap((doc) => commandsOf(doc.path, doc.text));

describe('the commands the docs show', () => {
  it('are found on the pages that teach them', () => {
    expect(new Set(SHOWN.map((shown) => shown.page))).toEqual(new Set(['README.md', 'docs/reference.md', 'docs/importers.md', 'docs/reports.md']));
    expect(SHOWN.length).toBeGreaterThan(20);
  });

  it.each(SHOWN.map((shown) => [`${shown.page}: ${shown.line}`, shown]))('%s parses', (_label, shown) => {
    expect(() => parseCommand((shown as Shown).args, tmpdir())).not.toThrow();
  });

  const readme = commandsOf('README.md', docText('README.md'));
  const run = (dir: string, shown: Shown) => runNode(CLI, shown.args, { cwd: dir, env: shown.env });

  it("README's quickstart runs offline: the demo passes, the wordier bot fails the gate", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-quickstart-'));
    cpSync(new URL('../../evals', import.meta.url), join(dir, 'evals'), { recursive: true });
    const [demo, wordier] = readme.filter((shown) => shown.line.includes('dist/cli/index.js run'));
    expect(demo?.env).toEqual({});
    const first = await run(dir, demo as Shown);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('contoso-faq');
    expect(wordier?.env).toEqual({ ANSWER_SENTENCES: '2' });
    const second = await run(dir, wordier as Shown);
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/f1 .* FAIL/);
  });

  it("README's five-minute setup runs offline: init, a first run that passes, the baseline written", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-five-minutes-'));
    const setup = readme.slice(readme.findIndex((shown) => shown.args[0] === 'init'));
    expect(setup.slice(0, 3).map((shown) => shown.args.join(' '))).toEqual(['init', 'run', 'run --update-baseline']);
    for (const shown of setup.slice(0, 3)) expect((await run(dir, shown)).code, shown.line).toBe(0);
    expect(existsSync(join(dir, 'evals/baseline.json'))).toBe(true);
    expect(existsSync(join(dir, '.github/workflows/evalgate.yml'))).toBe(true);
  });
});
