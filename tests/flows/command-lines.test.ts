import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlow } from '../../src/flows/registry.js';
import type { Flow } from '../../src/flows/types.js';

/** `protocol: lines`: long-lived copies of the app, a case per line in, an answer per line out. */
const dir = mkdtempSync(join(tmpdir(), 'evalgate-lines-'));
const script = (name: string, source: string) => writeFileSync(join(dir, name), source);
const signal = () => AbortSignal.timeout(10_000);

/** Answers each line with its question, its pid and how many cases this copy has answered. */
const LOOP = `import { createInterface } from 'node:readline';
let answered = 0;
for await (const line of createInterface({ input: process.stdin })) {
  const c = JSON.parse(line);
  ANSWER
}`;
const loop = (answer: string) => LOOP.replace('ANSWER', answer);
script('serve.mjs', loop(`answered++; if (c.wait) await new Promise((r) => setTimeout(r, c.wait)); console.log(JSON.stringify({ output: 'A: ' + c.question, context: 'ctx', model: String(process.pid), usage: { prompt_tokens: answered, completion_tokens: 1 } }));`));
// Answer and log line in one write: one chunk on the pipe, so the stray line is there when the answer is read.
script('chatty.mjs', loop(`process.stdout.write(JSON.stringify({ output: c.question }) + '\\n' + 'done with ' + c.question + '\\n');`));
script('garbled.mjs', loop(`console.log(c.question === 'bad' ? 'Traceback (most recent call last):' : JSON.stringify({ output: c.question }));`));
script('crash.mjs', loop(`if (c.question === 'boom') { console.error('loading index…'); console.error('Error: index out of range'); process.exit(3); } console.log(JSON.stringify({ output: c.question }));`));
script('stubborn.mjs', `process.stdin.resume(); process.stdin.on('data', () => console.log(JSON.stringify({ output: String(process.pid) }))); process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);`);
script('to-eof.mjs', `let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => console.log(JSON.stringify({ output: JSON.parse(s).question })));`);

const flows: Flow[] = [];
afterEach(async () => {
  await Promise.all(flows.splice(0).map((flow) => flow.close?.()));
});
const lines = (program: string, timeoutMs = 5000) => {
  const flow = createFlow({ kind: 'command', argv: ['node', program], timeoutMs, env: {}, protocol: 'lines' }, { dir, client: undefined });
  flows.push(flow);
  return flow;
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('command flow, protocol: lines', () => {
  it('starts the app once and sends it case after case, reading output, context, usage and model', async () => {
    const flow = lines('serve.mjs');
    const answers = [];
    for (const question of ['one', 'two', 'three']) answers.push(await flow.invoke({ question }, signal()));
    expect(answers.map((answer) => answer.output)).toEqual(['A: one', 'A: two', 'A: three']);
    expect(new Set(answers.map((answer) => answer.model)).size).toBe(1);
    expect(answers.map((answer) => answer.usage.prompt)).toEqual([1, 2, 3]);
    expect(answers[0]).toMatchObject({ context: 'ctx', usage: { completion: 1 } });
    expect(answers.every((answer) => answer.latency.totalMs > 0)).toBe(true);
  });

  it('runs a copy per case in flight and gives each case its own answer', async () => {
    const flow = lines('serve.mjs');
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((question, index) => flow.invoke({ question, wait: 200 - index * 50 }, signal())));
    expect(answers.map((answer) => answer.output)).toEqual(['A: a', 'A: b', 'A: c', 'A: d']);
    expect(new Set(answers.map((answer) => answer.model)).size).toBe(4);
    const again = await Promise.all(['e', 'f'].map((question) => flow.invoke({ question }, signal())));
    expect(again.every((answer) => answers.some((first) => first.model === answer.model)), 'idle copies are reused').toBe(true);
  });

  it('fails a case whose answer line is not JSON, then goes on with a fresh copy', async () => {
    const flow = lines('garbled.mjs');
    await expect(flow.invoke({ question: 'bad' }, signal())).rejects.toThrow(/did not print JSON on stdout \(got: "Traceback \(most recent call last\):"\)/);
    expect((await flow.invoke({ question: 'fine' }, signal())).output).toBe('fine');
  });

  it('names a line no case asked for (a log line on stdout), failing the next case on that copy', async () => {
    const flow = lines('chatty.mjs');
    expect((await flow.invoke({ question: 'first' }, signal())).output).toBe('first');
    await expect(flow.invoke({ question: 'second' }, signal())).rejects.toThrow(/printed a line on stdout that no case asked for .*write logs to stderr\): "done with first"/);
    expect((await flow.invoke({ question: 'third' }, signal())).output).toBe('third');
  });

  it('reports an exit while answering with its code and the tail of stderr, and starts a new copy', async () => {
    const flow = lines('crash.mjs');
    await expect(flow.invoke({ question: 'boom' }, signal())).rejects.toThrow(/exited with 3 before it answered .*\nstderr:\nloading index…\nError: index out of range/);
    expect((await flow.invoke({ question: 'after' }, signal())).output).toBe('after');
  });

  it('times out an app that waits for the end of stdin (a per-case app), killing that copy', async () => {
    const flow = lines('to-eof.mjs', 300);
    await expect(flow.invoke({ question: 'q' }, signal())).rejects.toThrow(/timed out after 300 ms/);
  });

  it('says when the program does not exist', async () => {
    await expect(lines('no-such-file.mjs').invoke({}, signal())).rejects.toThrow(/exited with 1 before it answered[\s\S]*Cannot find module/);
    const missing = createFlow({ kind: 'command', argv: ['no-such-program-xyz'], timeoutMs: 5000, env: {}, protocol: 'lines' }, { dir, client: undefined });
    flows.push(missing);
    await expect(missing.invoke({}, signal())).rejects.toThrow(/could not start "no-such-program-xyz"/);
  });

  it('close() ends stdin, kills a copy that does not exit, and refuses later cases', async () => {
    const flow = lines('stubborn.mjs');
    const pid = Number((await flow.invoke({ question: 'q' }, signal())).output);
    expect(alive(pid)).toBe(true);
    await flow.close?.();
    expect(alive(pid)).toBe(false);
    await expect(flow.invoke({ question: 'late' }, signal())).rejects.toThrow(/the run is over/);
  });

  it('a cancelled signal refuses the case before anything starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(lines('serve.mjs').invoke({ question: 'q' }, controller.signal)).rejects.toThrow(/cancelled/);
  });
});
