import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { ConfigError } from '../../src/core/errors.js';
import { parseInputs } from '../../src/action/inputs.js';

describe('parseCommand', () => {
  it('runs the same suites by default as the action does', () => {
    const command = parseCommand(['run'], '/repo');
    expect(command.name === 'run' && command.suites).toEqual(parseInputs(() => '').suites);
  });

  it('defaults `run` to the evals/ suites, the committed baseline and fail-on regression', () => {
    const command = parseCommand(['run'], '/repo');
    expect(command).toMatchObject({
      name: 'run',
      suites: ['evals/**/*.eval.yaml', 'evals/**/*.eval.yml'],
      flags: { cwd: '/repo', baseline: 'evals/baseline.json', failOn: 'regression', concurrency: 16, timeoutMs: 60_000, cache: true, batch: false },
    });
  });

  it('takes --no-cache, --batch and --shard; refuses a shard that would write the baseline', () => {
    expect(parseCommand(['run', '--no-cache', '--batch', '--shard', '3/8'], '/repo')).toMatchObject({ flags: { cache: false, batch: true, shard: { index: 3, count: 8 } } });
    for (const bad of ['0/8', '9/8', '2', 'a/b']) expect(() => parseCommand(['run', '--shard', bad], '/repo')).toThrow(/--shard must be INDEX\/COUNT/);
    expect(() => parseCommand(['run', '--shard', '1/2', '--update-baseline'], '/repo')).toThrow(/never a baseline/);
  });

  it('takes --sequential / --no-sequential (absent: the default), not both', () => {
    expect(parseCommand(['run'], '/repo')).not.toHaveProperty('flags.sequential');
    expect(parseCommand(['run', '--no-sequential'], '/repo')).toMatchObject({ flags: { sequential: false } });
    expect(parseCommand(['run', '--sequential'], '/repo')).toMatchObject({ flags: { sequential: true } });
    expect(() => parseCommand(['run', '--sequential', '--no-sequential'], '/repo')).toThrow(/contradict/);
  });

  it('parses merge with its parts and output', () => {
    expect(parseCommand(['merge', 'a.json', 'b.json', '-o', 'all.json'], '/repo')).toEqual({ name: 'merge', parts: ['a.json', 'b.json'], output: 'all.json' });
    expect(() => parseCommand(['merge'], '/repo')).toThrow(/shards/);
  });

  it('takes suites, flags and --no-compare', () => {
    const command = parseCommand(
      ['run', 'evals/a.eval.yaml', '--no-compare', '-c', '8', '--model', 'gpt-4.1', '--fail-on', 'warn'],
      '/repo',
    );
    expect(command).toMatchObject({
      name: 'run',
      suites: ['evals/a.eval.yaml'],
      flags: { baseline: undefined, concurrency: 8, model: 'gpt-4.1', failOn: 'warn' },
    });
  });

  it('parses compare with exactly two files', () => {
    expect(parseCommand(['compare', 'a.json', 'b.json', '--format', 'json'], '/')).toEqual({
      name: 'compare',
      baseline: 'a.json',
      results: 'b.json',
      failOn: 'regression',
      format: 'json',
      explain: false,
    });
    expect(parseCommand(['compare', 'a.json', 'b.json', '--explain'], '/')).toMatchObject({ name: 'compare', explain: true });
    expect(() => parseCommand(['compare', 'a.json'], '/')).toThrow(/exactly two files/);
  });

  it.each([
    [['run', '--concurrency', '0'], /--concurrency must be a whole number/],
    [['run', '--fail-on', 'sometimes'], /--fail-on must be one of regression, warn, never/],
    [['run', '--format', 'xml'], /--format must be one of/],
    [['run', '--bogus'], /Unknown option '--bogus'/],
    [['deploy'], /unknown command "deploy"/],
  ])('rejects %j with a ConfigError', (argv, message) => {
    expect(() => parseCommand(argv, '/')).toThrow(ConfigError);
    expect(() => parseCommand(argv, '/')).toThrow(message);
  });

  it('routes help and version', () => {
    expect(parseCommand([], '/')).toEqual({ name: 'help' });
    expect(parseCommand(['run', '--help'], '/')).toEqual({ name: 'help', topic: 'run' });
    expect(parseCommand(['--version'], '/')).toEqual({ name: 'version' });
  });
});

describe('narrower runs and typos', () => {
  it('reads --filter, --metric, --limit, --sample and --repeat into one selection', () => {
    const command = parseCommand(['run', '--filter', 'refund-*', '--filter', 'faq-1', '--metric', 'f1', '--limit', '5', '--sample', '3', '--seed', '7', '--repeat', '2'], '/');
    expect(command.name === 'run' && command.flags.selection).toEqual({ cases: ['refund-*', 'faq-1'], metrics: ['f1'], limit: 5, sample: { size: 3, seed: '7' }, repeat: 2 });
  });

  it('refuses to write a whole baseline from part of the cases', () => {
    expect(() => parseCommand(['run', '--update-baseline', '--limit', '3'], '/')).toThrow(/--update-baseline writes the whole baseline/);
    expect(parseCommand(['run', '--update-baseline', '--repeat', '3'], '/')).toMatchObject({ flags: { updateBaseline: true, selection: { repeat: 3 } } });
  });

  it('suggests the flag or command that was meant', () => {
    const flag = (() => {
      try {
        parseCommand(['run', '--concurency', '8'], '/');
      } catch (error) {
        return (error as ConfigError).format();
      }
    })();
    expect(flag).toMatch(/Unknown option '--concurency'.* — did you mean --concurrency\?/);
    expect(() => parseCommand(['comapre'], '/')).toThrow(ConfigError);
    try {
      parseCommand(['comapre'], '/');
    } catch (error) {
      expect((error as ConfigError).format()).toBe('unknown command "comapre" — did you mean "compare"?');
    }
  });
});
