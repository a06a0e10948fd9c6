import { renderTemplate, renderValue } from '../core/template/engine.js';
import type { HttpFlowSpec } from '../suites/types.js';
import { readPath } from './json-path.js';
import type { Flow } from './types.js';
import { usageFromOpenAI } from './usage.js';

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The team's app behind an HTTP endpoint: a templated JSON body in, the answer read at a path. */
export function httpFlow(spec: HttpFlowSpec): Flow {
  return {
    kind: 'http',
    needsModel: false,
    async invoke(vars, signal) {
      const started = performance.now();
      const headers = Object.fromEntries(Object.entries(spec.headers).map(([name, value]) => [name, renderTemplate(value, vars)]));
      const response = await fetch(renderTemplate(spec.url, vars), {
        method: spec.method,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(renderValue(spec.body, vars)),
        signal: AbortSignal.any([signal, AbortSignal.timeout(spec.timeoutMs)]),
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
