import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';
import { splitCommand } from '../../flows/split-command.js';
import type { Prompt } from './prompts.js';

export class ProviderError extends Error {
  /** Which entry of `providers:` it is about, when known. */
  index: number | undefined;
}

/** One provider of the matrix: its display id and the EvalGate flow it becomes for a prompt. */
export interface Provider {
  id: string;
  index: number;
  flow(prompt: Prompt): Dict;
}

/** Request parameters sent as written (promptfoo's OpenAI chat provider passes these through). */
const CHAT_PARAMETERS = ['temperature', 'max_tokens', 'top_p', 'seed', 'stop', 'presence_penalty', 'frequency_penalty', 'response_format', 'max_completion_tokens', 'tools', 'tool_choice', 'reasoning_effort', 'user', 'metadata', 'store', 'service_tier'];
/** Where promptfoo sends the request and with which key: EvalGate's own endpoint and key stand in for them. */
const ENDPOINT_KEYS = new Set(['apiBaseUrl', 'apiHost', 'apiKey', 'apiKeyEnvar', 'organization', 'deployment_id', 'apiVersion']);

/** o1/o3/o4 and gpt-5 models: promptfoo sends them neither temperature nor max_tokens. */
const isReasoningModel = (model: string) => /^(o1|o3|o4|gpt-5)/.test(model.replace(/^.*\//, ''));

/**
 * The request parameters of an OpenAI chat provider: the config's (prompt-level `config` over the
 * provider's), with promptfoo's defaults where the config relies on them — `temperature: 0` and
 * `max_tokens: 1024` (promptfoo's OPENAI_TEMPERATURE / OPENAI_MAX_TOKENS defaults), neither for
 * reasoning models. A config key EvalGate does not send is refused, never dropped.
 */
function chatParameters(model: string, config: Dict): Dict {
  const unknown = Object.keys(config).find((key) => !CHAT_PARAMETERS.includes(key) && !ENDPOINT_KEYS.has(key));
  if (unknown) throw new ProviderError(`provider config \`${unknown}\` is not supported — EvalGate sends ${CHAT_PARAMETERS.join(', ')} (the endpoint and key are EvalGate's)`);
  if (typeof config.tools === 'string') throw new ProviderError('`tools: file://…` is not supported — list the tools inline');
  const defaults = isReasoningModel(model) ? {} : { temperature: 0, max_tokens: 1024 };
  return { ...defaults, ...Object.fromEntries(CHAT_PARAMETERS.filter((key) => config[key] !== undefined).map((key) => [key, config[key]])) };
}

function chatFlow(model: string, config: Dict): (prompt: Prompt) => Dict {
  chatParameters(model, config);
  return (prompt) => ({ kind: 'prompt', model, messages: prompt.messages, parameters: chatParameters(model, { ...config, ...prompt.config }) });
}

/** Prompt-level `config` only applies to OpenAI chat providers; elsewhere it is refused. */
function noPromptConfig(prompt: Prompt, provider: string): void {
  if (Object.keys(prompt.config).length) throw new ProviderError(`prompt "${prompt.label}" sets \`config\`, which EvalGate applies only to OpenAI chat providers, not to ${provider}`);
}

/** `{{prompt}}` in an http body → the prompt text (itself a template over the case). */
function withPrompt(value: unknown, prompt: string): unknown {
  if (typeof value === 'string') return value.replace(/\{\{\s*prompt\s*\}\}/g, prompt);
  if (Array.isArray(value)) return value.map((item) => withPrompt(item, prompt));
  if (isDict(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withPrompt(item, prompt)]));
  return value;
}

/** `json.a.b[0].c` (promptfoo's transformResponse) → our dotted path `a.b.0.c`. */
function outputPath(transform: unknown): string {
  if (transform === undefined) return '';
  const match = typeof transform === 'string' ? /^\s*json((?:\.\w+|\[\d+\])*)\s*$/.exec(transform) : null;
  if (!match) throw new ProviderError('http transformResponse must be a path like json.output or json.choices[0].message.content — functions are not supported');
  return (match[1] ?? '').replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

function httpFlow(config: Dict): (prompt: Prompt) => Dict {
  if (typeof config.url !== 'string') throw new ProviderError('the http provider needs config.url');
  const method = String(config.method ?? 'POST').toUpperCase();
  if (method !== 'POST' && method !== 'PUT') throw new ProviderError(`http method ${method} is not supported — EvalGate sends POST or PUT`);
  const output = outputPath(config.transformResponse);
  return (prompt) => {
    noPromptConfig(prompt, 'http');
    return {
      kind: 'http',
      url: config.url,
      method,
      ...(isDict(config.headers) ? { headers: config.headers } : {}),
      body: withPrompt(config.body ?? { prompt: '{{prompt}}' }, prompt.text),
      output,
    };
  };
}

/**
 * `exec:` runs the command with the rendered prompt as its argument and reads stdout as the
 * answer (promptfoo's contract); a small inline Node adapter turns that into our command flow.
 * Without a command it answers the rendered prompt itself (promptfoo's `echo` provider).
 */
const EXEC_ADAPTER = [
  "const {spawnSync}=require('node:child_process');",
  "const vars=JSON.parse(require('node:fs').readFileSync(0,'utf8')||'{}');",
  "const [template,program,...args]=process.argv.slice(1);",
  "const prompt=template.replace(/\\{\\{\\s*([\\w.]+)\\s*\\}\\}/g,(_,k)=>{const v=k.split('.').reduce((o,p)=>o==null?o:o[p],vars);return v==null?'':typeof v==='string'?v:JSON.stringify(v)});",
  "if(!program){process.stdout.write(JSON.stringify({output:prompt}));process.exit(0)}",
  "const run=spawnSync(program,[...args,prompt,'{}',JSON.stringify({vars})],{encoding:'utf8',maxBuffer:1<<26});",
  "if(run.error){console.error(run.error.message);process.exit(1)}",
  "if(run.status!==0){process.stderr.write(run.stderr||'');process.exit(run.status??1)}",
  "process.stdout.write(JSON.stringify({output:run.stdout.trim()}));",
].join('');

function execFlow(command: string): (prompt: Prompt) => Dict {
  let argv: string[];
  try {
    argv = splitCommand(command.trim());
  } catch (error) {
    throw new ProviderError(`exec: ${(error as Error).message}`);
  }
  return (prompt) => {
    noPromptConfig(prompt, 'exec');
    return { kind: 'command', command: ['node', '-e', EXEC_ADAPTER, prompt.text, ...argv] };
  };
}

const SUPPORTED = 'openai:chat:<model>, openai:<model>, azureopenai:chat:<deployment>, http (or an https:// URL), exec:<command>, echo';

function fromId(id: string, config: Dict): (prompt: Prompt) => Dict {
  const openai = /^openai:(?:chat:)?([^:]+)$/.exec(id) ?? /^azureopenai:chat:(.+)$/.exec(id) ?? /^azure:chat:(.+)$/.exec(id);
  if (openai?.[1] && !/^(embedding|embeddings|assistant|realtime|responses|image)$/.test(openai[1])) return chatFlow(openai[1], config);
  if (id === 'http' || id === 'https' || /^https?:\/\//.test(id)) return httpFlow(id.startsWith('http') && id.includes('://') ? { url: id, ...config } : config);
  if (id.startsWith('exec:')) return execFlow(id.slice(5));
  if (id === 'echo') return (prompt) => ({ kind: 'command', command: ['node', '-e', EXEC_ADAPTER, prompt.text] });
  throw new ProviderError(`promptfoo provider "${id}" is not supported — EvalGate runs ${SUPPORTED}`);
}

/** `file://providers.yaml`: a list of providers (or one) kept apart from the config. */
function providersFile(reference: string, dir: string): unknown {
  const file = reference.slice('file://'.length);
  let text: string;
  try {
    text = readFileSync(resolve(dir, file), 'utf8');
  } catch {
    throw new ProviderError(`providers file not found: ${file} (relative to the config)`);
  }
  const parsed: unknown = parseYaml(text);
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** The config's `providers:` (a string, a list of strings / { id, label, config }, or `file://` lists of them). */
export function readProviders(value: unknown, dir: string): Provider[] {
  const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  const list = entries?.flatMap((entry: unknown) => (typeof entry === 'string' && entry.startsWith('file://') ? (providersFile(entry, dir) as unknown[]) : [entry]));
  if (!list || list.length === 0) throw new ProviderError('`providers` is missing');
  return list.map((entry: unknown, index) => {
    try {
      return readProvider(entry, index);
    } catch (error) {
      if (error instanceof ProviderError) error.index = index;
      throw error;
    }
  });
}

function readProvider(entry: unknown, index: number): Provider {
  if (typeof entry === 'string') return { id: entry, index, flow: fromId(entry, {}) };
  if (isDict(entry) && typeof entry.id === 'string') {
    const config = isDict(entry.config) ? entry.config : {};
    return { id: typeof entry.label === 'string' ? entry.label : entry.id, index, flow: fromId(entry.id, config) };
  }
  throw new ProviderError('each provider is a string id or { id, label, config }');
}
