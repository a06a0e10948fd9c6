import type { ChatMessage } from '../core/messages.js';
import type { ErrorKind, KindedError } from '../core/failure.js';
import type { TokenUsage } from '../core/usage.js';


/**
 * The one seam through which every model call goes (flows, judges, embeddings, moderation).
 * Retries, rate limiting and a response cache wrap this interface; nothing else talks to
 * the provider.
 */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  /** temperature, top_p, max_tokens, seed, response_format… passed through. */
  parameters?: Record<string, unknown>;
  stream?: boolean;
}

export interface ChatResponse {
  text: string;
  model: string;
  usage: TokenUsage;
  latencyMs: number;
  firstTokenMs?: number;
  /** Served from the response cache: latency and usage are the recorded ones. */
  cached?: boolean;
  /** Answered through the Batch API (billed at half price). */
  batch?: boolean;
}

export interface EmbeddingResponse {
  vectors: number[][];
  usage: TokenUsage;
  model: string;
  cached?: boolean;
}

export interface ModerationResponse {
  flagged: boolean;
  categories: Record<string, boolean>;
  scores: Record<string, number>;
  model: string;
  cached?: boolean;
}

export interface ModelClient {
  chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse>;
  embed(model: string, input: string[], signal?: AbortSignal): Promise<EmbeddingResponse>;
  moderate(model: string, input: string, signal?: AbortSignal): Promise<ModerationResponse>;
}

/** What the calls of one scope (a suite) cost beyond the answers: retried attempts and the waits before them. */
export interface CallStats {
  /** Attempts retried after a server error, a timeout or a dropped connection. */
  retries: number;
  /** Time waited before those retries, in ms. */
  retryWaitMs: number;
  /** Attempts retried after a rate limit (HTTP 429). */
  rateLimitWaits: number;
  /** Time waited before those, in ms (the server's `retry-after`, or backoff). */
  rateLimitWaitMs: number;
  /** Second requests sent for a slow attempt (the first answer won). */
  hedges: number;
}

export const newCallStats = (): CallStats => ({ retries: 0, retryWaitMs: 0, rateLimitWaits: 0, rateLimitWaitMs: 0, hedges: 0 });

/** One user of a shared client (a suite's flow or judges): the headers its requests add, where its calls are counted. */
export interface CallScope {
  /** Sent on every request of the scope, over the client's own headers. */
  headers?: Record<string, string>;
  stats?: CallStats;
}

/** A client whose pool, rate limiter, breaker and learned latency are shared by scoped views of it. */
export interface ScopableModelClient extends ModelClient {
  scoped(scope: CallScope): ModelClient;
}

/**
 * Model errors that are the provider's failure (infrastructure), not the request the flow made: its
 * transport, and answers it broke (not JSON, no choices, a cut stream: `bad-response`).
 */
const PROVIDER_KINDS: ReadonlySet<ModelError['kind']> = new Set(['auth', 'rate-limit', 'server', 'timeout', 'network', 'retired', 'bad-response']);

/** Raised for failures after the retry policy gave up; `kind` drives the report wording. */
export class ModelError extends Error implements KindedError {
  readonly kind: 'auth' | 'rate-limit' | 'server' | 'timeout' | 'network' | 'retired' | 'bad-request' | 'bad-response';
  readonly status: number | undefined;

  constructor(kind: ModelError['kind'], message: string, status?: number) {
    super(message);
    this.name = 'ModelError';
    this.kind = kind;
    this.status = status;
  }

  /** Whose failure this is: the provider's (infrastructure) or the request the flow made (application: a 400). */
  get failureKind(): ErrorKind {
    return PROVIDER_KINDS.has(this.kind) ? 'infrastructure' : 'application';
  }
}
