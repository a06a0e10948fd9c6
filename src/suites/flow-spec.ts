import { ConfigError } from '../core/errors.js';
import type { ChatMessage } from '../core/messages.js';
import type { FlowSpec } from './types.js';

/** Splits a command line into argv like a POSIX shell would split words (quotes, escapes); runs no shell. */
function splitCommand(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < command.length; index += 1) {
    const char = command[index] as string;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && index + 1 < command.length) word += command[++index];
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (char === '\\' && index + 1 < command.length) {
      word += command[++index];
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += char;
      started = true;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} quote`);
  if (started) words.push(word);
  return words;
}

function parseDuration(value: unknown, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(String(value));
  const unit = { ms: 1, s: 1000, m: 60_000 }[match?.[2] as 'ms' | 's' | 'm'];
  return Number(match?.[1]) * unit;
}

/** Turns a schema-valid `flow:` mapping into its normalised spec. */
export function normaliseFlow(flow: Record<string, unknown>, where: { file: string; line?: number }): FlowSpec {
  switch (flow.kind) {
    case 'prompt':
      return {
        kind: 'prompt',
        model: flow.model as string,
        messages: flow.messages as ChatMessage[],
        parameters: (flow.parameters as Record<string, unknown>) ?? {},
        stream: flow.stream === true,
      };
    case 'command': {
      let argv: string[];
      try {
        argv = Array.isArray(flow.command) ? (flow.command as string[]) : splitCommand(flow.command as string);
      } catch (error) {
        throw new ConfigError(`flow.command: ${(error as Error).message}`, where);
      }
      return { kind: 'command', argv, timeoutMs: parseDuration(flow.timeout, 60_000), env: (flow.env as Record<string, string>) ?? {} };
    }
    default:
      return {
        kind: 'http',
        url: flow.url as string,
        method: (flow.method as 'POST' | 'PUT') ?? 'POST',
        headers: (flow.headers as Record<string, string>) ?? {},
        body: flow.body ?? null,
        outputPath: flow.output as string,
        ...(typeof flow.context === 'string' ? { contextPath: flow.context } : {}),
        timeoutMs: parseDuration(flow.timeout, 60_000),
      };
  }
}
