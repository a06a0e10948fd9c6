import type { Handler, RecordedRequest, Reply } from './openai-server.js';

/**
 * The OpenAI Files and Batches endpoints on top of the loopback server: POST /files (multipart
 * JSONL upload), POST /batches, GET /batches/:id (validating → in_progress → completed after
 * `pollsToComplete` checks, or held `in_progress` while `hold` is true), GET /files/:id/content.
 * Each JSONL line is answered by `answer` (a chat handler) as if it had been sent online.
 */
export interface BatchApi {
  handler: Handler;
  files: Map<string, string>;
  batches: Map<string, { id: string; input_file_id: string; status: string; polls: number; output_file_id?: string }>;
  hold: boolean;
}

const object = (json: unknown): Reply => ({ json });

async function uploadedText(request: RecordedRequest): Promise<string> {
  const contentType = String(request.headers['content-type'] ?? '');
  const form = await new Response(request.body, { headers: { 'content-type': contentType } }).formData();
  const file = form.get('file');
  if (typeof file === 'string' || !file) throw new Error('no file part in the upload');
  if (form.get('purpose') !== 'batch') throw new Error(`purpose is ${form.get('purpose')}`);
  return file.text();
}

export function batchApi(answer: Handler, options: { pollsToComplete?: number } = {}): BatchApi {
  const files = new Map<string, string>();
  const batches: BatchApi['batches'] = new Map();
  let next = 1;
  const api: BatchApi = { files, batches, hold: false, handler: () => ({}) };

  async function complete(batch: { input_file_id: string; output_file_id?: string }): Promise<void> {
    const lines = (files.get(batch.input_file_id) ?? '').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const output: string[] = [];
    for (const line of lines) {
      const reply = await answer({ method: 'POST', path: '/v1/chat/completions', headers: {}, body: line.body });
      output.push(JSON.stringify({ id: `batch_req_${next++}`, custom_id: line.custom_id, response: { status_code: reply.status ?? 200, request_id: 'r', body: reply.json }, error: null }));
    }
    const id = `file-out-${next++}`;
    files.set(id, `${output.join('\n')}\n`);
    batch.output_file_id = id;
  }

  api.handler = async (request) => {
    const path = request.path.replace(/^\/v1/, '');
    if (request.method === 'POST' && path === '/files') {
      const id = `file-${next++}`;
      files.set(id, await uploadedText(request));
      return object({ id, object: 'file', bytes: files.get(id)?.length, created_at: 1, filename: 'evalgate-batch.jsonl', purpose: 'batch', status: 'processed' });
    }
    if (request.method === 'POST' && path === '/batches') {
      const id = `batch_${next++}`;
      if (request.body.endpoint !== '/v1/chat/completions' || !files.has(request.body.input_file_id)) return { status: 400, json: { error: { message: 'bad batch' } } };
      batches.set(id, { id, input_file_id: request.body.input_file_id, status: 'validating', polls: 0 });
      return object({ id, object: 'batch', endpoint: request.body.endpoint, input_file_id: request.body.input_file_id, completion_window: '24h', status: 'validating', created_at: 1 });
    }
    const batchMatch = /^\/batches\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && batchMatch) {
      const batch = batches.get(batchMatch[1] ?? '');
      if (!batch) return { status: 404, json: { error: { message: 'no such batch' } } };
      batch.polls += 1;
      if (batch.status !== 'completed') batch.status = api.hold || batch.polls < (options.pollsToComplete ?? 2) ? 'in_progress' : 'completed';
      if (batch.status === 'completed' && !batch.output_file_id) await complete(batch);
      return object({ id: batch.id, object: 'batch', endpoint: '/v1/chat/completions', input_file_id: batch.input_file_id, completion_window: '24h', status: batch.status, created_at: 1, output_file_id: batch.output_file_id ?? null, error_file_id: null });
    }
    const contentMatch = /^\/files\/([^/]+)\/content$/.exec(path);
    if (request.method === 'GET' && contentMatch) {
      const text = files.get(contentMatch[1] ?? '');
      return text === undefined ? { status: 404, json: { error: { message: 'no such file' } } } : { text, headers: { 'content-type': 'application/octet-stream' } };
    }
    return answer(request);
  };
  return api;
}
