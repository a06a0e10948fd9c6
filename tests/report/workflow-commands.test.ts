import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAnnotation, escapeCodeSpan, escapeLogLine, escapeMarkdownInline, escapeMarkdownText, escapeTableCell, escapeTerminal, fencedBlock, guardWorkflowCommands } from '../../src/report/escape.js';
import { HOSTILE } from '../support/hostile.js';
import { runnerCommands } from '../support/runner-commands.js';

/** How @actions/core writes an annotation: `::warning::` and the message escaped (toCommandValue). */
const annotation = (text: string) => `::warning::${text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`;

/** Every sink of text from the data, as it reaches a log: the CLI's last guard on raw data included. */
const SINKS: Record<string, (text: string) => string> = {
  escapeLogLine,
  escapeTerminal: (text) => escapeTerminal(text, 10_000),
  guardWorkflowCommands,
  escapeTableCell: (text) => escapeTableCell(text, 10_000),
  escapeMarkdownInline: (text) => escapeMarkdownInline(text, 10_000),
  escapeMarkdownText,
  escapeCodeSpan: (text) => escapeCodeSpan(text, 10_000),
  fencedBlock: (text) => fencedBlock(text, 10_000),
};

describe('the runner oracle (actions/runner ActionCommand parse rules)', () => {
  const names = (output: string) => runnerCommands(output).map((command) => `${command.kind}:${command.name}`);

  it('agrees with the runner’s own parser tests (ActionCommandL0)', () => {
    expect(runnerCommands('##[warning k1=v1;]msg')).toMatchObject([{ name: 'warning', properties: { k1: 'v1' }, data: 'msg' }]);
    expect(runnerCommands('##[error k1=%3B=%0D=%0A=%5D;]%3B-%0D-%0A-%5D')).toMatchObject([{ properties: { k1: ';=\r=\n=]' }, data: ';-\r-\n-]' }]);
    expect(runnerCommands('>>>   ##[debug k1=v1;]msg')).toMatchObject([{ name: 'debug', data: 'msg' }]);
    expect(runnerCommands('::warning k1=;=%2C=%0D=%0A=]=%3A,::;-%0D-%0A-]-:-,')).toMatchObject([{ properties: { k1: ';=,=\r=\n=]=:' }, data: ';-\r-\n-]-:-,' }]);
    expect(names('   ::error k1=v1,::msg')).toEqual(['command:error']);
    expect(names('   >>>   ::error k1=v1,::msg')).toEqual([]);
    expect(names('::do-something::x')).toEqual([]);
  });

  it('models case-insensitive names, .NET white space, ICU’s ignorable characters and stop-commands', () => {
    expect(names('::ADD-MASK::x\n\u3000\u00a0::Error::y\n\u0085::notice::z')).toEqual(['command:ADD-MASK', 'command:Error', 'command:notice']);
    // StartsWith("::") skips the ZWJ, but the name is read from ordinal index 2: ":error".
    expect(names('\u200d::error::x')).toEqual([]);
    // Found as `##[`, but the name starts at the ordinal offset + 3: "[error", not registered.
    expect(names('a#\u200b#[error]x')).toEqual([]);
    expect(names('\u200b##[error]x')).toEqual(['command:error']);
    expect(names('::stop-commands::tok\n::error::ignored\n##[tok]\n::error::again')).toEqual(['command:stop-commands', 'command:tok', 'command:error']);
    expect(names('##[group]x\n##[section]y\nz ##[command]w')).toEqual(['viewer:group', 'command:group', 'viewer:section']);
  });
});

describe('no text from the data parses as a workflow command, by the runner’s rules', () => {
  it.each(Object.keys(SINKS))('%s on every hostile string', (sink) => {
    const escape = SINKS[sink] ?? String;
    for (const text of HOSTILE) expect(runnerCommands(escape(text)), JSON.stringify(text)).toEqual([]);
  });

  it('annotations carry hostile text inertly: only our own warning parses, its message intact', () => {
    for (const text of HOSTILE) {
      const commands = runnerCommands(annotation(escapeAnnotation(`EvalGate: ${text}`)));
      expect(commands.map((command) => command.name), JSON.stringify(text)).toEqual(['warning']);
    }
  });

  const pieces = ['::', ':', '#', '##[', '[', ']', ' ', '\t', '\u00a0', '\u3000', '\u0085', '\n', '\r', '\u2028', '\u200b', '\u200d', '\u00ad', '\ufeff', '\u2060', 'error', 'add-mask', 'stop-commands', 'group', ' name=x,', ';', '=', 'x'];
  const hostile = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));

  it.each(Object.keys(SINKS))('%s on generated strings of command pieces', (sink) => {
    const escape = SINKS[sink] ?? String;
    fc.assert(fc.property(hostile, (text) => runnerCommands(escape(text)).length === 0), { numRuns: 3000 });
  });

  it('escapeAnnotation on generated strings', () => {
    fc.assert(fc.property(hostile, (text) => runnerCommands(annotation(escapeAnnotation(`EvalGate ${text}`))).length === 1), { numRuns: 3000 });
  });
});
