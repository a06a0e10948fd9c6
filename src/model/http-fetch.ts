import type { IncomingMessage } from 'node:http';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/**
 * The `fetch` the openai SDK is given: the same request over `node:http(s)` with keep-alive
 * sockets. Node's own `fetch` (undici, web streams) costs about twice the CPU per request; at
 * hundreds of calls a second on a CI runner's two cores, that CPU was most of a run's time
 * beyond the provider's latency. What this does not carry (a `Request` object, a streamed or
 * form body, a redirect, a proxy from the environment) goes to the global `fetch` as before.
 *
 * Like `fetch`: resolves with a `Response` (a JSON body read whole first; an event stream as it
 * comes), rejects with the signal's reason when aborted and with `TypeError('fetch failed')`
 * (the cause attached) when the connection fails; a compressed body is decoded. Unlike it, a
 * status no `Response` can be built with (outside 200–599) fails as `fetch failed` too.
 */
export const AGENTS = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) } as const;
export const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses whose response has no body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'];

type RequestBody = string | Uint8Array | undefined;

/** Whether a request to `url` goes over node:http(s) here: an http(s) URL, no proxy in the environment. */
export function carriedUrl(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && !PROXY_VARIABLES.some((name) => process.env[name]);
}

function carried(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): { url: URL; body: RequestBody } | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  const url = new URL(input);
  const body = init?.body ?? undefined;
  const plainBody = body === undefined || typeof body === 'string' || body instanceof Uint8Array;
  return plainBody && carriedUrl(url) ? { url, body } : undefined;
}

/** The response's headers as name/value pairs, in order (the Response builds its Headers from them once). */
export function responseHeaders(message: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < message.rawHeaders.length; index += 2) pairs.push([message.rawHeaders[index] as string, message.rawHeaders[index + 1] as string]);
  return pairs;
}

/** The request's headers as node:http takes them (the SDK passes a Headers; read as it is, not copied). */
function requestHeaders(given: RequestInit['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of given instanceof Headers ? given : new Headers(given)) headers[name] = value;
  return headers;
}

/** The body as sent, decoded when the server compressed it. */
export function decoded(message: IncomingMessage): Readable {
  const encoding = String(message.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  if (!decoder) return message;
  message.on('error', (error) => decoder.destroy(error));
  return message.pipe(decoder);
}

export function readWhole(body: Readable): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.once('end', () => resolvePromise(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    body.once('error', reject);
  });
}

export const httpFetch: typeof fetch = (input, init) => {
  const request = carried(input, init);
  if (!request) return fetch(input, init);
  const { url, body } = request;
  const signal = init?.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const headers = requestHeaders(init?.headers);
  if (body !== undefined) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Response>((resolvePromise, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    /** Resolves with what `build` makes, or fails as fetch does when it cannot (a status or header a Response refuses). */
    const answer = (build: () => Response | Promise<Response>) =>
      settle(() => {
        try {
          resolvePromise(build());
        } catch (error) {
          reject(new TypeError('fetch failed', { cause: error }));
        }
      });
    const onAbort = () => {
      outgoing.destroy(signal?.reason);
      settle(() => reject(signal?.reason));
    };
    const outgoing = send(url, { method: init?.method ?? 'GET', headers, agent: AGENTS[url.protocol as keyof typeof AGENTS] }, (message) => {
      const status = message.statusCode ?? 0;
      const meta = { status, statusText: message.statusMessage ?? '', headers: responseHeaders(message) };
      if (REDIRECTS.has(status) && message.headers.location) {
        message.resume();
        signal?.removeEventListener('abort', onAbort);
        answer(() => fetch(input, init));
        return;
      }
      if (NO_BODY.has(status)) {
        message.resume();
        signal?.removeEventListener('abort', onAbort);
        answer(() => new Response(null, meta));
        return;
      }
      const content = decoded(message);
      if (String(message.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        // A stream is handed over as it comes; aborting the signal ends it with the signal's reason.
        signal?.removeEventListener('abort', onAbort);
        signal?.addEventListener('abort', () => content.destroy(signal.reason), { once: true });
        answer(() => new Response(Readable.toWeb(content) as ReadableStream, meta));
        return;
      }
      readWhole(content).then(
        (whole) => {
          signal?.removeEventListener('abort', onAbort);
          answer(() => new Response(whole, meta));
        },
        (error: unknown) => settle(() => reject(new TypeError('fetch failed', { cause: error }))),
      );
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      settle(() => reject(new TypeError('fetch failed', { cause: error })));
    });
    outgoing.end(body);
  });
};
