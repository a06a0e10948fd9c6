import { DURATION_SCHEMA } from '../../core/duration.js';
import { ConfigError } from '../../core/errors.js';
import { renderTemplate, renderValue } from '../../core/template/engine.js';
import { usageFromOpenAI } from '../../core/usage.js';
import { appFailure } from '../failure-kind.js';
import { readPath } from '../json-path.js';
import { flowTimeoutMs } from '../timeout.js';
import type { Flow, FlowKind, SpecContext } from '../types.js';
import { specLocation } from '../types.js';

interface HttpFlowSpec {
  kind: 'http';
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  /** JSON body; every string inside is a template over the case. */
  body: unknown;
  /** Dotted path to the answer in the JSON response, e.g. `choices.0.message.content`. */
  outputPath: string;
  contextPath?: string;
  timeoutMs: number;
  /** Where the suite file wrote `flow:` (for errors found in a case's URL). */
  location: { file: string; line?: number };
}

const URL_HINT = 'write an absolute http:// or https:// URL, e.g. http://localhost:8000/chat (templates such as {{region}} may fill parts of it)';

/** An absolute http(s) URL, or a configuration error: found before any case runs, never as N failed cases. */
function checkUrl(url: string, where: { file: string; line?: number }, what: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`flow.url: ${what} ${JSON.stringify(url)} is not an absolute URL`, where, URL_HINT);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError(`flow.url: ${what} ${JSON.stringify(url)} is ${parsed.protocol.slice(0, -1)}:, not http: or https:`, where, URL_HINT);
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The team's app behind an HTTP endpoint: a templated JSON body in, the answer read at a path. */
function httpFlow(spec: HttpFlowSpec): Flow {
  return {
    kind: 'http',
    needsModel: false,
    failureKind: appFailure,
    timeoutMs: spec.timeoutMs,
    async invoke(vars, signal) {
      const started = performance.now();
      const headers = Object.fromEntries(Object.entries(spec.headers).map(([name, value]) => [name, renderTemplate(value, vars)]));
      const response = await fetch(renderTemplate(spec.url, vars), {
        method: spec.method,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(renderValue(spec.body, vars)),
        signal,
      });
      const text = await response.text();
      const latencyMs = performance.now() - started;
      if (!response.ok) throw new Error(`HTTP ${response.status} from the endpoint: ${text.slice(0, 300)}`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`the endpoint did not answer JSON (got: ${JSON.stringify(text.slice(0, 200))})`);
      }
      const output = readPath(body, spec.outputPath);
      if (output === undefined) throw new Error(`the response has nothing at "${spec.outputPath}"`);
      const context = spec.contextPath ? readPath(body, spec.contextPath) : undefined;
      return {
        output: asText(output),
        ...(context === undefined ? {} : { context: asText(context) }),
        usage: usageFromOpenAI(readPath(body, 'usage')),
        latency: { totalMs: latencyMs },
      };
    },
  };
}

function normaliseHttp(raw: Record<string, unknown>, at: SpecContext): HttpFlowSpec {
  const url = raw.url as string;
  const location = specLocation(at);
  // A URL without templates is checked once here; a templated one for each case (checkCase).
  if (!url.includes('{{') && !url.includes('{%')) checkUrl(url, location, 'the URL');
  return {
    kind: 'http',
    url,
    location,
    method: (raw.method as 'POST' | 'PUT' | undefined) ?? 'POST',
    headers: (raw.headers as Record<string, string> | undefined) ?? {},
    body: raw.body ?? null,
    outputPath: raw.output as string,
    ...(typeof raw.context === 'string' ? { contextPath: raw.context } : {}),
    timeoutMs: flowTimeoutMs(raw, at),
  };
}

/** The team's app behind an HTTP endpoint. */
export const httpKind: FlowKind<HttpFlowSpec> = {
  kind: 'http',
  description: 'Your app behind an HTTP endpoint: a templated JSON body POSTed (or PUT) to `url`, the answer read at the JSON path `output`.',
  schema: {
    required: ['url', 'output'],
    properties: {
      url: { type: 'string', minLength: 1 },
      method: { enum: ['POST', 'PUT'] },
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      body: { description: 'JSON body; every string in it is a template over the case.' },
      output: { type: 'string', description: 'Dotted path to the answer in the JSON response.' },
      context: { type: 'string', description: 'Dotted path to the retrieved context in the response.' },
      timeout: DURATION_SCHEMA,
    },
  },
  ownCode: true,
  normalise: normaliseHttp,
  templates: (spec) => [{ where: 'flow', value: { url: spec.url, headers: spec.headers, body: spec.body } }],
  reportsContext: (spec) => spec.contextPath !== undefined,
  checkCase(spec, testCase) {
    if (spec.url.includes('{{') || spec.url.includes('{%')) checkUrl(renderTemplate(spec.url, testCase.vars), spec.location, `case "${testCase.id}" makes the URL`);
  },
  example: ({ appUrl }) => ({ url: appUrl, body: { question: '{{question}}' }, output: 'answer' }),
  create: (spec) => httpFlow(spec),
};
