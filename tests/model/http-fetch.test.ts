import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/model/http-fetch.js';

/**
 * The SDK's `fetch` over node:http against a real loopback server, side by side with Node's own
 * `fetch` for the same request: what the caller sees (status, headers, body, errors) is the same.
 */
type Route = (request: IncomingMessage, body: string, response: ServerResponse) => void;
const routes: Record<string, Route> = {
  '/echo': (request, body, response) => {
    response.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-ratelimit-remaining-requests': '41' });
    response.end(JSON.stringify({ method: request.method, body, custom: request.headers['x-custom'], length: request.headers['content-length'] }));
  },
  '/gzip': (_request, _body, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    response.end(gzipSync(JSON.stringify({ compressed: true })));
  },
  '/moved': (_request, _body, response) => {
    response.writeHead(307, { location: '/echo' });
    response.end();
  },
  '/empty': (_request, _body, response) => {
    response.writeHead(204);
    response.end();
  },
  '/hang': () => undefined,
  '/odd-status': (_request, _body, response) => {
    response.writeHead(600, { 'content-type': 'application/json' });
    response.end('{}');
  },
  '/stream': (_request, _body, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('data: first\n\n');
    // The rest only once the client has read the first event: a body read whole would never end.
    streamGate = () => response.end('data: [DONE]\n\n');
  },
  '/headers': (request, _body, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ fetchMode: request.headers['sec-fetch-mode'] ?? null }));
  },
};
let streamGate: (() => void) | undefined;

let base = '';
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => routes[request.url ?? '']?.(request, body, response));
});
beforeAll(async () => {
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolvePromise) => {
      server.closeAllConnections();
      server.close(() => resolvePromise());
    }),
);

async function seen(response: Response) {
  return { status: response.status, statusText: response.statusText, type: response.headers.get('content-type'), remaining: response.headers.get('x-ratelimit-remaining-requests'), text: await response.text() };
}

describe('httpFetch: the SDK requests over node:http, as Node’s fetch answers them', () => {
  const post = { method: 'POST', headers: new Headers({ 'content-type': 'application/json', 'x-custom': 'yes' }), body: '{"question":"é"}' };

  it.each(['/echo', '/gzip', '/moved', '/empty'])('%s: the same status, headers and body as fetch', async (path) => {
    const ours = await seen(await httpFetch(`${base}${path}`, post));
    expect(ours).toEqual(await seen(await fetch(`${base}${path}`, post)));
    if (path === '/echo') expect(JSON.parse(ours.text)).toEqual({ method: 'POST', body: '{"question":"é"}', custom: 'yes', length: '17' });
  });

  it('hands an event stream over as it comes', async () => {
    const response = await httpFetch(`${base}/stream`, post);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: first\n\n');
    streamGate?.();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('data: [DONE]\n\n');
  });

  it('rejects with the signal’s reason when aborted, like fetch', async () => {
    const reason = new DOMException('superseded', 'AbortError');
    const controller = new AbortController();
    const pending = httpFetch(`${base}/hang`, { ...post, signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
    await expect(httpFetch(`${base}/echo`, { ...post, signal: controller.signal })).rejects.toBe(reason);
  });

  it('fails a refused connection as fetch does: TypeError "fetch failed" with the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolvePromise) => closed.listen(0, '127.0.0.1', resolvePromise));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolvePromise) => closed.close(resolvePromise));
    const [ours, theirs] = await Promise.all([httpFetch(url, post).catch((error: unknown) => error), fetch(url, post).catch((error: unknown) => error)]);
    expect(ours).toBeInstanceOf(TypeError);
    expect([(ours as Error).message, ((ours as Error).cause as { code?: string }).code]).toEqual([(theirs as Error).message, ((theirs as Error).cause as { code?: string }).code]);
  });

  it('fails a status no Response can be built with (600) as a failed fetch, never a throw out of the socket', async () => {
    const failure = await httpFetch(`${base}/odd-status`, post).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect([(failure as Error).message, ((failure as Error).cause as Error).name]).toEqual(['fetch failed', 'RangeError']);
  });

  it('leaves a request with a proxy in the environment to fetch', async () => {
    const direct = JSON.parse(await (await httpFetch(`${base}/headers`)).text());
    process.env.HTTPS_PROXY = 'http://127.0.0.1:9';
    try {
      const viaFetch = JSON.parse(await (await httpFetch(`${base}/headers`)).text());
      expect([direct.fetchMode, viaFetch.fetchMode]).toEqual([null, 'cors']);
    } finally {
      delete process.env.HTTPS_PROXY;
    }
  });
});
