import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI REST protocol (chat completions, plain and
 * SSE streaming with a usage chunk, embeddings, moderations), with injectable latency, errors,
 * hangs and malformed bodies. The official `openai` SDK talks to it.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

export interface StreamReply {
  chunks: string[];
  usage?: { prompt_tokens: number; completion_tokens: number; prompt_tokens_details?: { cached_tokens: number } };
  chunkDelayMs?: number;
  /** Destroy the socket after this many chunks (an interrupted stream). */
  abortAfter?: number;
  /** End the response cleanly after this many chunks, without the finish_reason chunk or [DONE] (a stream a proxy cut). */
  endAfter?: number;
  /** Function calls sent after the text chunks, as the API streams them: the name first, the arguments in two pieces. */
  toolCalls?: { name: string; arguments: string }[];
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  /** A raw body (e.g. malformed JSON). */
  text?: string;
  delayMs?: number;
  /** Never answer. */
  hang?: boolean;
  stream?: StreamReply;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface OpenAIServer {
  url: string;
  requests: RecordedRequest[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

let nextId = 1;

export function chatReply(text: string, usage: { prompt?: number; completion?: number; cached?: number; reasoning?: number } = {}, model = 'gpt-4o-mini-2024-07-18'): Reply {
  return {
    json: {
      id: `chatcmpl-${nextId++}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: usage.prompt ?? 10,
        completion_tokens: usage.completion ?? 5,
        total_tokens: (usage.prompt ?? 10) + (usage.completion ?? 5),
        prompt_tokens_details: { cached_tokens: usage.cached ?? 0 },
        completion_tokens_details: { reasoning_tokens: usage.reasoning ?? 0 },
      },
    },
  };
}

/** A completion whose answer is function calls (content null, finish_reason tool_calls). */
export function toolCallReply(calls: { name: string; arguments: string }[]): Reply {
  const reply = chatReply('');
  const json = reply.json as { choices: { message: Record<string, unknown>; finish_reason: string }[] };
  const [choice] = json.choices;
  if (choice) {
    choice.message = { role: 'assistant', content: null, refusal: null, tool_calls: calls.map((call, index) => ({ id: `call_${index}`, type: 'function', function: call })) };
    choice.finish_reason = 'tool_calls';
  }
  return reply;
}

export function embeddingReply(vectors: number[][]): Reply {
  return {
    json: {
      object: 'list',
      data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 8, total_tokens: 8 },
    },
  };
}

export function moderationReply(result: { flagged: boolean; categories?: Record<string, boolean>; scores?: Record<string, number> }): Reply {
  return {
    json: {
      id: `modr-${nextId++}`,
      model: 'omni-moderation-latest',
      results: [{ flagged: result.flagged, categories: result.categories ?? { violence: result.flagged }, category_scores: result.scores ?? { violence: result.flagged ? 0.9 : 0.01 } }],
    },
  };
}

export function defaultHandler(request: RecordedRequest): Reply {
  if (request.path.endsWith('/embeddings')) {
    const inputs: string[] = Array.isArray(request.body.input) ? request.body.input : [request.body.input];
    return embeddingReply(inputs.map((text) => [text.length % 7, (text.length % 5) + 1, 1]));
  }
  if (request.path.endsWith('/moderations')) return moderationReply({ flagged: false });
  const last = [...(request.body.messages ?? [])].reverse().find((message: { role: string }) => message.role === 'user');
  const text = `echo: ${last?.content ?? ''}`;
  return request.body.stream ? { stream: { chunks: text.match(/.{1,8}/gs) ?? [], usage: { prompt_tokens: 10, completion_tokens: 5 } } } : chatReply(text);
}

async function readBody(request: IncomingMessage): Promise<any> {
  let text = '';
  for await (const chunk of request) text += chunk;
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

const sleep = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));

async function sendStream(response: ServerResponse, stream: StreamReply, model: string): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const id = `chatcmpl-${nextId++}`;
  const event = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
  const base = { id, object: 'chat.completion.chunk', created: 1_700_000_000, model };
  event({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
  for (const [index, chunk] of stream.chunks.entries()) {
    if (stream.abortAfter !== undefined && index >= stream.abortAfter) {
      response.socket?.destroy();
      return;
    }
    if (stream.endAfter !== undefined && index >= stream.endAfter) {
      response.end();
      return;
    }
    if (stream.chunkDelayMs) await sleep(stream.chunkDelayMs);
    event({ ...base, choices: [{ index: 0, delta: { content: chunk }, finish_reason: null }] });
  }
  for (const [index, call] of (stream.toolCalls ?? []).entries()) {
    const half = Math.ceil(call.arguments.length / 2);
    event({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index, id: `call_${index}`, type: 'function', function: { name: call.name, arguments: call.arguments.slice(0, half) } }] }, finish_reason: null }] });
    event({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index, function: { arguments: call.arguments.slice(half) } }] }, finish_reason: null }] });
  }
  event({ ...base, choices: [{ index: 0, delta: {}, finish_reason: stream.toolCalls?.length ? 'tool_calls' : 'stop' }] });
  if (stream.usage) event({ ...base, choices: [], usage: { total_tokens: stream.usage.prompt_tokens + stream.usage.completion_tokens, ...stream.usage } });
  response.end('data: [DONE]\n\n');
}

export async function startOpenAIServer(handler: Handler = defaultHandler): Promise<OpenAIServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    const recorded: RecordedRequest = { method: request.method ?? '', path: (request.url ?? '').split('?')[0] ?? '', headers: request.headers, body: await readBody(request) };
    requests.push(recorded);
    const reply = await current(recorded);
    if (reply.hang) return;
    if (reply.delayMs) await sleep(reply.delayMs);
    if (reply.stream) return sendStream(response, reply.stream, recorded.body?.model ?? 'gpt-4o-mini');
    const body = reply.text ?? JSON.stringify(reply.json ?? {});
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    response.end(body);
  });
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setHandler: (next) => {
      current = next;
    },
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

/** An OpenAI-style error body. */
export function errorReply(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return { status, headers, json: { error: { message, type: 'error', param: null, code: null } } };
}
