import { describe, expect, it } from 'vitest';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';
import { createFlow } from '../../../src/flows/registry.js';
import type { FlowSpec } from '../../../src/flows/registry.js';
import { loadSuite } from '../../../src/suites/load.js';
import { FIXTURES, suiteWith } from './support.js';

const run = (dir: string, concurrency = 2) => runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, concurrency });
const outputs = async (dir: string) => (await run(dir)).suites[0]?.cases.map((testCase) => testCase.samples[0]?.output ?? testCase.samples[0]?.error);

describe('kind: promptflow — python nodes in one worker', () => {
  it('wires ${inputs.x}, ${node.output} and ${node.output.field}, needs no key', async () => {
    const dir = suiteWith(`{ kind: promptflow, path: ${FIXTURES}/python-chain }`, [{ id: 'a', text: 'hello big world', want: 'HELLO BIG WORLD HELLO BIG WORLD (3 words)' }]);
    const results = await run(dir);
    expect(results.suites[0]?.status).toBe('ran');
    expect(results.suites[0]?.cases[0]?.samples[0]).toMatchObject({ output: 'HELLO BIG WORLD HELLO BIG WORLD (3 words)', scores: { contains: { value: 1 } } });
  });

  it('runs independent nodes concurrently in the one worker', async () => {
    const suite = await loadSuite('pf.eval.yaml', suiteWith(`{ kind: promptflow, path: ${FIXTURES}/python-chain }`, [{ text: 'x', want: 'x' }]));
    const flow = createFlow(suite.flow as FlowSpec, { dir: suite.dir, client: undefined });
    await flow.invoke({ text: 'warm up' }, AbortSignal.timeout(10_000));
    const started = performance.now();
    await flow.invoke({ text: 'measured' }, AbortSignal.timeout(10_000));
    // upper and stats each sleep 0.3 s, join waits for both: 0.6 s if run one after the other.
    expect(performance.now() - started).toBeGreaterThan(300);
    expect(performance.now() - started).toBeLessThan(550);
    await flow.close?.();
  });

  it('reports another output (`output: words`) and a Python exception with its traceback lines, as that case’s error', async () => {
    const dir = suiteWith(`{ kind: promptflow, path: ${FIXTURES}/python-chain }`, [{ id: 'ok', text: 'one two', want: '2' }, { id: 'boom', text: 'boom', want: 'x' }]);
    expect(await outputs(dir)).toEqual(['ONE TWO ONE TWO (2 words)', expect.stringMatching(/^Python raised:\nFile ".*join.py", line 7, in join\n.*\nValueError: the tool refused the input 'boom'$/s)]);
    const words = suiteWith(`{ kind: promptflow, path: ${FIXTURES}/python-chain, output: words, inputs: { times: "{{n}}" } }`, [{ text: 'a b c', n: 1, want: '3' }]);
    expect(await outputs(words)).toEqual(['3']);
  });

  it('activate: bypasses the branch whose condition fails and nodes that depend only on it; inputs from bypassed nodes fall back to defaults', async () => {
    const dir = suiteWith(`{ kind: promptflow, path: ${FIXTURES}/conditional }`, [{ id: 'm', question: 'what is 2+2', want: 'math' }, { id: 'c', question: 'hello', want: 'chat' }]);
    expect(await outputs(dir)).toEqual(['math: what is 2+2 | after=after: math: what is 2+2', 'chat: hello | after=-']);
  });

  it('runs flex flows: a function entry (inputs from its signature) and a class built once with `init`', async () => {
    expect(await outputs(suiteWith(`{ kind: promptflow, path: ${FIXTURES}/flex-function }`, [{ task: 'sort a list', language: 'go', unrelated: 1, want: 'go' }]))).toEqual(['# go program for: sort a list']);
    const counted = await outputs(suiteWith(`{ kind: promptflow, path: ${FIXTURES}/flex-class, init: { prefix: len }, output: answer }`, [{ text: 'abc', want: 'len=3' }, { text: 'hello', want: 'len=5' }]));
    expect(counted).toEqual(['len=3', 'len=5']);
  });

  it('uses one worker process for all lines of a suite, and a timeout kills it', async () => {
    const suite = await loadSuite('pf.eval.yaml', suiteWith(`{ kind: promptflow, path: ${FIXTURES}/flex-class }`, [{ text: 'x', want: 'x' }]));
    const flow = createFlow(suite.flow as FlowSpec, { dir: suite.dir, client: undefined });
    const first = await flow.invoke({ text: 'a' }, AbortSignal.timeout(10_000));
    const second = await flow.invoke({ text: 'bb' }, AbortSignal.timeout(10_000));
    expect([first.output, second.output]).toEqual(['n=1', 'n=2']);
    // A deadline already past (a timeout of 0 could still lose the race against a fast worker).
    await expect(flow.invoke({ text: 'c' }, AbortSignal.abort(new DOMException('The operation timed out.', 'TimeoutError')))).rejects.toThrow('the Python call timed out; the worker is restarted');
    expect((await flow.invoke({ text: 'dd' }, AbortSignal.timeout(10_000))).output).toBe('n=2');
    await flow.close?.();
  });
});
