import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AGENTS, carriedUrl, decoded, readWhole, REDIRECTS, responseHeaders } from './http-fetch.js';
import type { HeaderReader } from './retry.js';

/**
 * A plain (not streamed) chat completion without the SDK's per-request work: at hundreds of
 * answers a second on a CI runner's two cores, building each request (its headers over and
 * over), a `Response` per answer and the parsing around it were most of the CPU a run spent
 * beyond the provider's latency. The SDK still decides what is sent: it builds the request once
 * per set of extra headers (URL, key, organization, project, its own headers, those of the
 * environment), and every call sends that with its body. The answer is read as the SDK reads it
 * (a JSON body parsed, anything else as text) and a failure is the error the SDK raises for it,
 * so the retry policy cannot tell the two paths apart. The SDK keeps what it does differently:
 * a client that logs its requests (`OPENAI_LOG`), a proxy from the environment, and a redirect
 * (the call is sent again through it).
 */
export type PlainChat = (body: Record<string, unknown>, signal: AbortSignal | undefined) => Promise<unknown>;

interface Plan {
  url: URL;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** What the server answered: status, headers as read, the body decoded. */
interface Reply {
  status: number;
  message: IncomingMessage;
  text: string;
}

/** The call goes through the SDK instead (see `plainChat`). */
const REDIRECTED = Symbol('redirected');

const QUIET_LOG_LEVELS = new Set(['warn', 'error', 'off']);

/** Reads a response's headers as `Headers.get` does (repeated ones joined), without building a `Headers`. */
function headerReader(message: IncomingMessage): HeaderReader {
  return {
    get: (name) => {
      const value = message.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** The connection failed: the SDK's error for it (a timeout when the cause says so, as the SDK tells them apart). */
function connectionError(cause: unknown): Error {
  const failure = new TypeError('fetch failed', { cause });
  return /timed? ?out/i.test(`${failure}${cause}`) ? Object.assign(new APIConnectionTimeoutError(), { cause: failure }) : new APIConnectionError({ cause: failure });
}

function userAbort(signal: AbortSignal): Error {
  return Object.defineProperty(new APIUserAbortError(), 'cause', { value: signal.reason, writable: true, configurable: true });
}

/** One POST of `body` as planned: the whole answer, or the SDK's error for a transport failure, a timeout or an abort. */
function send(plan: Plan, body: string, signal: AbortSignal | undefined, observe: ((headers: HeaderReader) => void) | undefined): Promise<Reply | typeof REDIRECTED> {
  if (signal?.aborted) return Promise.reject(userAbort(signal));
  const request = plan.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = { ...plan.headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolvePromise, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: Error) =>
      settle(() => {
        outgoing.destroy();
        reject(error);
      });
    const onAbort = () => fail(userAbort(signal as AbortSignal));
    const timer = setTimeout(() => fail(new APIConnectionTimeoutError()), plan.timeoutMs);
    const outgoing = request(plan.url, { method: 'POST', headers, agent: AGENTS[plan.url.protocol as keyof typeof AGENTS] }, (message) => {
      const status = message.statusCode ?? 0;
      if (status < 200 || status > 599) {
        message.resume();
        settle(() => reject(connectionError(new RangeError(`the status ${status} is not a valid HTTP status`))));
        return;
      }
      if (REDIRECTS.has(status) && message.headers.location) {
        message.resume();
        settle(() => resolvePromise(REDIRECTED));
        return;
      }
      readWhole(decoded(message)).then(
        (whole) =>
          settle(() => {
            observe?.(headerReader(message));
            // As `Response.text()`: UTF-8, a leading byte order mark dropped.
            const text = whole.toString('utf8');
            resolvePromise({ status, message, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
          }),
        (error: unknown) => settle(() => reject(connectionError(error))),
      );
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.once('error', (error) => settle(() => reject(connectionError(error))));
    outgoing.end(body);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The completion as the SDK returns it: a JSON body parsed, nothing for an empty one, other bodies as text; an error status as its `APIError`. */
function parsed(reply: Reply): unknown {
  const { status, message, text } = reply;
  if (status > 299) {
    const json = safeJson(text) as { error?: unknown } | undefined;
    const error = json && typeof json === 'object' && json.error == null ? { error: json } : json;
    throw APIError.generate(status, error as object, json ? undefined : text, new Headers(responseHeaders(message)));
  }
  if (status === 204) return null;
  const mediaType = String(message.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!mediaType.includes('application/json') && !mediaType.endsWith('+json')) return text;
  if (message.headers['content-length'] === '0' || !text) return undefined;
  return JSON.parse(text);
}

/**
 * Plain chat calls of `sdk` with `headers` on each: sent as the SDK plans them, or through
 * `viaSdk` when the SDK must send them itself (see above) or could not plan one.
 */
export function plainChat(sdk: OpenAI, headers: Record<string, string> | undefined, observe: ((headers: HeaderReader) => void) | undefined, viaSdk: PlainChat): PlainChat {
  let plan: Promise<Plan | undefined> | undefined;
  const planned = () =>
    (plan ??= sdk.buildRequest({ method: 'post', path: '/chat/completions', body: {}, __security: { bearerAuth: true }, ...(headers ? { headers } : {}) }).then(
      ({ req, url, timeout }) => {
        const target = new URL(url);
        if (!QUIET_LOG_LEVELS.has(sdk.logLevel ?? 'warn') || !carriedUrl(target)) return undefined;
        return { url: target, headers: Object.fromEntries(req.headers as Headers), timeoutMs: timeout };
      },
      () => undefined,
    ));
  return async (body, signal) => {
    const ready = await planned();
    if (!ready) return viaSdk(body, signal);
    const reply = await send(ready, JSON.stringify(body), signal, observe);
    return reply === REDIRECTED ? viaSdk(body, signal) : parsed(reply);
  };
}
