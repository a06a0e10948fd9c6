/**
 * Small flows reproducing what the public PromptFlow examples need (npm run bench:promptflow-examples
 * measures the examples themselves): NaN outputs, lenient node templates, additional_includes,
 * the shim's connection classes and types, built-in tools served by EvalGate, load-time checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../../src/compare/index.js';
import type { ConfigError } from '../../../src/core/errors.js';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';
import { renderTerminalTable } from '../../../src/report/terminal.js';
import { loadSuite } from '../../../src/suites/load.js';
import type { OpenAIServer } from '../../support/openai-server.js';
import { chatReply, defaultHandler, startOpenAIServer } from '../../support/openai-server.js';
import { suiteWith } from './support.js';
import { folderWith, onePythonNode } from './support-flows.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer((request) => (request.path.endsWith('/chat/completions') ? chatReply(`answer to ${request.body.messages.at(-1).content}`) : defaultHandler(request)));
});
afterAll(() => server.close());

const run = (dir: string, model?: string) => runEvaluation({ suites: ['pf.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 2, ...(model ? { model } : {}) });
const sample = async (dir: string, model?: string) => (await run(dir, model)).suites[0]?.cases[0]?.samples[0];
const suiteOn = (flow: string, cases: object[] = [{ text: 'hi', want: '' }], extra = '') => suiteWith(`{ kind: promptflow, path: ${flow}${extra} }`, cases);
const loadError = (dir: string, model?: string) => loadSuite('pf.eval.yaml', dir, model ? { modelOverride: model } : {}).then(() => undefined, (error: unknown) => error as ConfigError);

describe('PromptFlow flows as the public examples write them', () => {
  it('a python node returning NaN (or inside a list) gives an output, not a crash; a stray stdout line fails only its call', async () => {
    const flow = folderWith({ 'flow.dag.yaml': onePythonNode(), 'step.py': 'from promptflow.core import tool\n\n@tool\ndef step(text: str):\n    return [float("nan"), float("inf"), {"x": float("-inf")}]\n' });
    expect((await sample(suiteOn(flow)))?.output).toBe('["NaN","Infinity",{"x":"-Infinity"}]');
    const stray = folderWith({ 'flow.dag.yaml': onePythonNode(), 'step.py': 'import sys\nfrom promptflow.core import tool\n\n@tool\ndef step(text: str):\n    sys.__stdout__.write("NaN\\n")\n    sys.__stdout__.flush()\n    return text\n' });
    expect((await sample(suiteOn(stray)))?.error).toBe('the Python worker wrote a line that is not a reply (the protocol is one JSON object per line): NaN');
  });

  it('the whole Python error reaches the sample and the terminal: its cause too, not only the first line', async () => {
    const flow = folderWith({ 'flow.dag.yaml': onePythonNode(), 'step.py': 'from promptflow.core import tool\n\n@tool\ndef step(text: str):\n    try:\n        {}["missing"]\n    except KeyError as error:\n        raise ValueError("could not read the config") from error\n' });
    const results = await run(suiteOn(flow));
    const error = results.suites[0]?.cases[0]?.samples[0]?.error ?? '';
    expect(error).toMatch(/^Python raised:\nFile ".*step.py", line 6, in step\n.*\nKeyError: 'missing'\n\nThe above exception was the direct cause of the following exception:\n\n.*ValueError: could not read the config$/s);
    const terminal = renderTerminalTable(compare(null, results), { color: false });
    expect(terminal).toContain("KeyError: 'missing'");
    expect(terminal).toContain('ValueError: could not read the config');
  });

  it('every case failing is not a pass, even without a baseline', async () => {
    const flow = folderWith({ 'flow.dag.yaml': onePythonNode(), 'step.py': 'from promptflow.core import tool\n\n@tool\ndef step(text: str):\n    raise RuntimeError("broken")\n' });
    const comparison = compare(null, await run(suiteOn(flow)));
    expect(comparison.verdict).toBe('fail');
    expect(comparison.headline).toContain('every case failed to run (1 of 1), e.g. RuntimeError: broken');
  });

  it('llm and prompt node templates print an undefined value as "" like PromptFlow; `undefined: error` is strict', async () => {
    const flow = folderWith({
      'flow.dag.yaml': `inputs:\n  text: { type: string, default: Hello }\noutputs:\n  output: { type: string, reference: "\${llm.output}" }\nnodes:\n- name: llm\n  type: llm\n  source: { type: code, path: hello.jinja2 }\n  inputs: { deployment_name: gpt-4o-mini, prompt: "\${inputs.text}", extra: "\${inputs.text.missing}" }\n  api: chat\n`,
      'hello.jinja2': '# system:\nWrite code.\n# user:\nA{{ extra }} {{ text }} program for {{ prompt }}.\n',
    });
    expect((await sample(suiteOn(flow, [{ want: '' }])))?.output).toBe('answer to A  program for Hello.');
    expect((await sample(suiteOn(flow, [{ want: '' }], ', undefined: inputs')))?.error).toMatch(/\{\{ text \}\} is undefined/);
    expect((await sample(suiteOn(flow, [{ want: '' }], ', undefined: error')))?.error).toMatch(/\{\{ extra \}\} is undefined/);
  });

  it('reads additional_includes: a node source from a shared folder, named by its file name', async () => {
    const root = folderWith({
      'shared/helper.py': 'from promptflow.core import tool\n\n@tool\ndef helper(text: str) -> str:\n    return "shared " + text\n',
      'flow/flow.dag.yaml': `additional_includes:\n  - ../shared/helper.py\ninputs:\n  text: { type: string }\noutputs:\n  output: { type: string, reference: "\${helper.output}" }\nnodes:\n- name: helper\n  type: python\n  source: { type: code, path: helper.py }\n  inputs: { text: "\${inputs.text}" }\n`,
    });
    expect((await sample(suiteOn(`${root}/flow`)))?.output).toBe('shared hi');
  });

  it('a python node whose source is missing is a configuration error at load, with file:line', async () => {
    const flow = folderWith({ 'flow.dag.yaml': onePythonNode() });
    const error = await loadError(suiteOn(flow));
    expect(error?.location.file).toMatch(/flow\.dag\.yaml$/);
    expect(error?.location.line).toBe(8);
    expect(error?.message).toMatch(/^node source not found: .*step\.py$/);
  });

  it('tools get connection objects (CustomStrongTypeConnection, OpenAIConnection in a Union) and promptflow.contracts.types imports', async () => {
    const flow = folderWith({
      'flow.dag.yaml': onePythonNode().replace('    text: ${inputs.text}', '    text: ${inputs.text}\n    custom: my_custom\n    openai: open_ai_connection'),
      'step.py': [
        'from typing import Union',
        'from promptflow.core import tool',
        'from promptflow.connections import AzureOpenAIConnection, CustomStrongTypeConnection, OpenAIConnection',
        'from promptflow.contracts.types import Secret',
        '',
        'class MyConnection(CustomStrongTypeConnection):',
        '    api_key: Secret',
        '    api_base: str = "fake base"',
        '',
        '@tool',
        'def step(text: str, custom: MyConnection, openai: Union[AzureOpenAIConnection, OpenAIConnection]) -> str:',
        '    return f"{type(custom).__name__} {custom.name} {custom.api_base} {custom.api_key} | {type(openai).__name__} {openai.name} {hasattr(openai, \'api_key\')}"',
        '',
      ].join('\n'),
    });
    expect((await sample(suiteOn(flow)))?.output).toBe('MyConnection my_custom fake base None | OpenAIConnection open_ai_connection True');
  });

  it('serves the built-in tools: the embedding package tool and promptflow.tools.openai chat, through the model client', async () => {
    const flow = folderWith({
      'flow.dag.yaml': `inputs:\n  text: { type: string }\noutputs:\n  output: { type: string, reference: "\${ask.output}" }\n  vector: { type: list, reference: "\${embed.output}" }\nnodes:\n- name: embed\n  type: python\n  source: { type: package, tool: promptflow.tools.embedding.embedding }\n  inputs: { connection: open_ai_connection, deployment_name: text-embedding-3-small, input: "\${inputs.text}" }\n- name: ask\n  type: python\n  source: { type: code, path: ask.py }\n  inputs: { connection: open_ai_connection, text: "\${inputs.text}", size: "\${embed.output}" }\n`,
      'ask.py': 'from promptflow.core import tool\nfrom promptflow.connections import OpenAIConnection\nfrom promptflow.tools.openai import chat\n\n@tool\ndef ask(connection: OpenAIConnection, text: str, size: list) -> str:\n    return chat(connection=connection, prompt="user:\\nSay {{ word }} ({{ count }})", model="gpt-4o-mini", temperature=0, word=text, count=len(size))\n',
    });
    const requests = server.requests.length;
    const results = await run(suiteOn(flow, [{ text: 'hello', want: '' }]));
    expect(results.suites[0]?.cases[0]?.samples[0]?.output).toBe('answer to Say hello (3)');
    const sent = server.requests.slice(requests);
    expect(sent.map((request) => request.path)).toEqual(['/v1/embeddings', '/v1/chat/completions']);
    expect(sent[0]?.body).toMatchObject({ model: 'text-embedding-3-small', input: ['hello'] });
    expect(sent[1]?.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0, messages: [{ role: 'user', content: 'Say hello (3)' }] });
    expect(results.suites[0]?.cases[0]?.samples[0]?.usage?.completion).toBeGreaterThan(0);
  });

  it("runs promptflow-tools' vision chat tools (custom_llm): image inputs sent as image parts, lists printed one item per line", async () => {
    const flow = folderWith({
      'flow.dag.yaml': `inputs:\n  chat_history: { type: list, is_chat_history: true, default: [] }\n  question: { type: list, is_chat_input: true }\n  logo: { type: image, default: { "data:image/png;path": logo.png } }\noutputs:\n  answer: { type: string, reference: "\${look.output}", is_chat_output: true }\nnodes:\n- name: look\n  type: custom_llm\n  source: { type: package_with_prompt, tool: promptflow.tools.aoai_gpt4v.AzureOpenAI.chat, path: look.jinja2 }\n  inputs: { connection: vision, deployment_name: gpt-4v, max_tokens: 64, detail: low, chat_history: "\${inputs.chat_history}", question: "\${inputs.question}", logo: "\${inputs.logo}" }\n`,
      'look.jinja2': '# system:\nDescribe images.\n{% for turn in chat_history %}\n# user:\n{{ turn.inputs.question }}\n# assistant:\n{{ turn.outputs.answer }}\n{% endfor %}\n# user:\n{{ question }}\nCompare with ![image]({{ logo }})\n',
      'logo.png': 'PNG',
    });
    const requests = server.requests.length;
    const question = [{ 'data:image/jpeg;url': 'https://example.test/cat.jpg' }, 'How many cats?'];
    const chatHistory = [{ inputs: { question: ['Hello'] }, outputs: { answer: 'Hi' } }];
    const results = await run(suiteOn(flow, [{ question, chat_history: chatHistory, want: '' }]));
    expect(results.suites[0]?.cases[0]?.samples[0]?.error).toBeUndefined();
    const image = (url: string) => ({ type: 'image_url', image_url: { url, detail: 'low' } });
    expect(server.requests.slice(requests).map((request) => request.body)).toEqual([
      {
        model: 'gpt-4v',
        max_tokens: 64,
        stream: false,
        messages: [
          { role: 'system', content: 'Describe images.' },
          { role: 'user', content: 'Hello' },
          { role: 'assistant', content: 'Hi' },
          { role: 'user', content: [image('https://example.test/cat.jpg'), { type: 'text', text: 'How many cats?' }, { type: 'text', text: 'Compare with ' }, image(`data:image/png;base64,${Buffer.from('PNG').toString('base64')}`)] },
        ],
      },
    ]);
  });

  it('runs a custom_llm node of the LLM tool (promptflow.tools.llm.llm) as an llm node, its `api` input choosing chat or completion', async () => {
    const node = (api: string) => `inputs:\n  text: { type: string }\noutputs:\n  output: { type: string, reference: "\${ask.output}" }\nnodes:\n- name: ask\n  type: custom_llm\n  source: { type: package_with_prompt, tool: promptflow.tools.llm.llm, path: p.jinja2 }\n  inputs: { connection: c, model: gpt-4o-mini, api: ${api}, text: "\${inputs.text}" }\n`;
    const template = 'system:\nBe brief.\nuser:\n{{ text }} {{ api | default("no api variable") }}\n';
    expect((await sample(suiteOn(folderWith({ 'flow.dag.yaml': node('chat'), 'p.jinja2': template }))))?.output).toBe('answer to hi no api variable');
    const requests = server.requests.length;
    expect((await sample(suiteOn(folderWith({ 'flow.dag.yaml': node('completion'), 'p.jinja2': template }))))?.error).toBeUndefined();
    expect(server.requests.slice(requests)[0]?.body.messages).toEqual([{ role: 'user', content: 'system:\nBe brief.\nuser:\nhi no api variable' }]);
  });

  it('a custom_llm node of a tool outside promptflow-tools is a configuration error naming the tool', async () => {
    const flow = folderWith({
      'flow.dag.yaml': `inputs:\n  text: { type: string }\noutputs:\n  output: { type: string, reference: "\${mine.output}" }\nnodes:\n- name: mine\n  type: custom_llm\n  source: { type: package_with_prompt, tool: my_pkg.tools.my_llm, path: p.jinja2 }\n  inputs: { text: "\${inputs.text}" }\n`,
      'p.jinja2': 'user:\n{{ text }}\n',
    });
    expect((await loadError(suiteOn(flow)))?.message).toBe('node "mine" has type "custom_llm" (tool my_pkg.tools.my_llm, not one of promptflow-tools\' LLM tools)');
  });

  it('a rendered prompt that tool code wraps in {% raw %} reaches the model verbatim, braces and all', async () => {
    const flow = folderWith({
      'flow.dag.yaml': `inputs:\n  text: { type: string }\noutputs:\n  output: { type: string, reference: "\${ask.output}" }\nnodes:\n- name: render\n  type: prompt\n  source: { type: code, path: p.jinja2 }\n  inputs: { text: "\${inputs.text}" }\n- name: ask\n  type: python\n  source: { type: code, path: ask.py }\n  inputs: { connection: "", prompt: "\${render.output}" }\n`,
      'p.jinja2': 'user:\nReply as {"echo": "{{ text }}", "note": "{{ \'{{literal}}\' }}"}\n',
      'ask.py': 'from promptflow.core import tool\nfrom promptflow.tools.openai import chat\n\n@tool\ndef ask(connection, prompt: str) -> str:\n    return chat(connection=connection, prompt=f"{{% raw %}}{prompt}{{% endraw %}}", model="gpt-4o-mini")\n',
    });
    expect((await sample(suiteOn(flow)))?.output).toBe('answer to Reply as {"echo": "hi", "note": "{{literal}}"}');
  });

  it('--model reaches the "names no model" check of llm nodes and of Prompty files', async () => {
    const flow = folderWith({ 'flow.dag.yaml': `inputs:\n  text: { type: string }\noutputs:\n  output: { type: string, reference: "\${llm.output}" }\nnodes:\n- name: llm\n  type: llm\n  source: { type: code, path: p.jinja2 }\n  inputs: { text: "\${inputs.text}" }\n  api: chat\n`, 'p.jinja2': 'user:\n{{ text }}\n' });
    const dir = suiteOn(flow);
    expect((await loadError(dir))?.message).toBe('llm node "llm" names no model');
    expect(await loadError(dir, 'gpt-4o-mini')).toBeUndefined();
    expect(await sample(dir, 'gpt-4o-mini')).toMatchObject({ output: 'answer to hi' });
    const prompty = folderWith({ 'p.prompty': '---\nname: judge\nmodel:\n  api: chat\n---\nuser:\n{{ text }}\n' });
    const promptyDir = suiteWith(`{ kind: prompty, file: ${prompty}/p.prompty }`, [{ text: 'hi', want: '' }]);
    expect((await loadError(promptyDir))?.message).toMatch(/p\.prompty names no model$/);
    expect(await loadError(promptyDir, 'gpt-4o-mini')).toBeUndefined();
  });
});
