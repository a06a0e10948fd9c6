import OpenAI, { APIConnectionTimeoutError, AzureOpenAI } from 'openai';
import { usageFromOpenAI } from '../core/usage.js';
import { httpFetch } from './http-fetch.js';
import type { PlainChat } from './plain-chat.js';
import { plainChat } from './plain-chat.js';
import type { HeaderReader } from './retry.js';
import { answerText, toolCallCollector, toolCallsText } from './tool-calls.js';
import type { ChatRequest, ChatResponse, ModelClient } from './types.js';
import { ModelError } from './types.js';

export interface ProviderOptions {
  apiKey: string;
  baseUrl?: string;
  /** Azure OpenAI: endpoint + api version (deployment names are the `model`). */
  azure?: { endpoint: string; apiVersion: string };
  timeoutMs: number;
  /** Extra headers on every request (a gateway's key, config or trace id). */
  headers?: Record<string, string>;
  /** Sees every HTTP response's headers (the rate limiter learns `x-ratelimit-*` from them). */
  onResponseHeaders?: (headers: HeaderReader) => void;
}

function observingFetch(observe: (headers: HeaderReader) => void): typeof fetch {
  return async (input, init) => {
    const response = await httpFetch(input, init);
    observe(response.headers);
    return response;
  };
}

function sdkClient(options: ProviderOptions): OpenAI {
  const common = {
    apiKey: options.apiKey,
    maxRetries: 0,
    timeout: options.timeoutMs,
    ...(options.headers ? { defaultHeaders: options.headers } : {}),
    fetch: options.onResponseHeaders ? observingFetch(options.onResponseHeaders) : httpFetch,
  };
  if (options.azure) return new AzureOpenAI({ ...common, endpoint: options.azure.endpoint, apiVersion: options.azure.apiVersion });
  return new OpenAI({ ...common, ...(options.baseUrl ? { baseURL: options.baseUrl } : {}) });
}

/**
 * Aborts `signal` when `ms` pass without a `touch()`: the SDK's timeout ends once the headers
 * arrived, so a stream that stalls after them would otherwise hang until the case deadline.
 */
function stallWatch(ms: number): { signal: AbortSignal; touch: () => void; stop: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return { signal: controller.signal, touch: () => void timer.refresh(), stop: () => clearTimeout(timer) };
}

/** The bare provider with `withHeaders`: the same connection, extra headers on each request of a view (a suite's). */
export interface HeaderedProvider extends ModelClient {
  withHeaders(headers: Record<string, string>): ModelClient;
}

/** The bare provider: one HTTP call per method, no retries (the retry wrapper owns them). */
export function openAIProvider(options: ProviderOptions): HeaderedProvider {
  const sdk = sdkClient(options);
  return { ...providerMethods(sdk, options, undefined), withHeaders: (headers) => providerMethods(sdk, options, headers) };
}

/** The provider's calls; `headers` go on each request, over the client's default headers. */
function providerMethods(sdk: OpenAI, options: ProviderOptions, headers: Record<string, string> | undefined): ModelClient {
  const sent = (signal: AbortSignal | undefined) => ({ signal, ...(headers ? { headers } : {}) });
  const viaSdk: PlainChat = (body, signal) => sdk.chat.completions.create(body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming, sent(signal));
  // Azure's deployment paths are the SDK's to build, call by call.
  const plain = options.azure ? viaSdk : plainChat(sdk, headers, options.onResponseHeaders, viaSdk);

  async function chatOnce(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
    const started = performance.now();
    const completion = (await plain({ ...request.parameters, model: request.model, messages: request.messages, stream: false }, signal)) as OpenAI.ChatCompletion;
    const text = answerText(completion.choices?.[0]?.message as Parameters<typeof answerText>[0]);
    if (text === undefined) throw new ModelError('bad-response', 'the response has neither choices[0].message.content nor tool calls');
    return {
      text,
      model: completion.model ?? request.model,
      usage: usageFromOpenAI(completion.usage),
      latencyMs: performance.now() - started,
    };
  }

  async function chatStream(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
    const started = performance.now();
    const body = { ...request.parameters, model: request.model, messages: request.messages };
    const watch = stallWatch(options.timeoutMs);
    let text = '';
    let firstTokenMs: number | undefined;
    let usage: unknown;
    let model = request.model;
    let finished = false;
    const tools = toolCallCollector();
    try {
      const stream = await sdk.chat.completions.create(
        { ...body, stream: true, stream_options: { include_usage: true } } as OpenAI.ChatCompletionCreateParamsStreaming,
        sent(signal ? AbortSignal.any([signal, watch.signal]) : watch.signal),
      );
      for await (const chunk of stream) {
        watch.touch();
        const delta = chunk.choices?.[0]?.delta;
        if (chunk.choices?.[0]?.finish_reason) finished = true;
        if (delta?.content || delta?.tool_calls?.length) firstTokenMs ??= performance.now() - started;
        if (delta?.content) text += delta.content;
        tools.add(delta?.tool_calls);
        if (chunk.usage) usage = chunk.usage;
        if (chunk.model) model = chunk.model;
      }
      // The SDK ends an aborted stream quietly: a cut-off answer must not pass for a whole one.
      if (signal?.aborted || watch.signal.aborted) throw signal?.reason ?? new Error('the stream was aborted');
      // A stream that ends before its last choice chunk was cut off by the provider or a proxy.
      if (!finished) throw new ModelError('bad-response', 'the stream ended without a finish_reason: the answer was cut off');
    } catch (error) {
      // A stream that went quiet is a timed-out attempt (retried), not the caller's deadline.
      if (watch.signal.aborted && !signal?.aborted) throw new APIConnectionTimeoutError({ message: `the stream stalled: no data for ${options.timeoutMs} ms` });
      throw error;
    } finally {
      watch.stop();
    }
    const calls = tools.calls();
    return {
      text: text === '' && calls.length ? toolCallsText(calls) : text,
      model,
      usage: usageFromOpenAI(usage),
      latencyMs: performance.now() - started,
      ...(firstTokenMs === undefined ? {} : { firstTokenMs }),
    };
  }

  return {
    chat: (request, signal) => (request.stream ? chatStream(request, signal) : chatOnce(request, signal)),
    async embed(model, input, signal) {
      const response = await sdk.embeddings.create({ model, input }, sent(signal));
      return {
        vectors: response.data.map((item) => item.embedding),
        usage: { prompt: response.usage?.prompt_tokens ?? 0, completion: 0, cached: 0, reasoning: 0 },
        model: response.model ?? model,
      };
    },
    async moderate(model, input, signal) {
      const response = await sdk.moderations.create({ model, input }, sent(signal));
      const result = response.results?.[0];
      if (!result) throw new ModelError('bad-response', 'the moderation response has no results');
      return {
        flagged: result.flagged,
        categories: { ...(result.categories as unknown as Record<string, boolean>) },
        scores: { ...(result.category_scores as unknown as Record<string, number>) },
        model: response.model ?? model,
      };
    },
  };
}
