import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI, { toFile } from 'openai';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { canonicalJson, sha256 } from '../../core/hash.js';
import type { ChatRequest, ChatResponse, ModelClient } from '../types.js';
import { ModelError } from '../types.js';
import { batchAnswers, batchInput } from './jsonl.js';

interface BatchClientOptions {
  apiKey: string;
  baseUrl?: string;
  /** Extra headers on every request, as the online client sends them. */
  headers?: Record<string, string>;
  /** Where submitted batch ids are kept, so a restarted job resumes polling (`.evalgate/batches`). */
  stateDir: string;
  /** Between status checks (default 30 s). */
  pollMs: number;
  /** Longest wait for one batch before its requests fail with "re-run to resume" (default 24 h). */
  maxWaitMs: number;
  /** Requests arriving within this quiet time go into one batch (default 200 ms). */
  gatherMs?: number;
  log?: (line: string) => void;
}

interface Pending {
  request: ChatRequest;
  settle: (answer: ChatResponse | ModelError) => void;
}

const DONE = new Set(['completed', 'failed', 'expired', 'cancelled']);
const sleep = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));

/**
 * Chat calls through the OpenAI Batch API: calls are gathered, written as JSONL, uploaded
 * (POST /files), submitted (POST /batches), polled, and the output file is mapped back by
 * custom_id. The batch id is stored under a hash of the JSONL: the same requests after a
 * restart resume polling the same batch instead of paying twice. Embeddings and moderation go
 * to `online` as usual.
 */
export function batchClient(online: ModelClient, options: BatchClientOptions): ModelClient {
  const sdk = new OpenAI({ apiKey: options.apiKey, maxRetries: 3, ...(options.baseUrl ? { baseURL: options.baseUrl } : {}), ...(options.headers ? { defaultHeaders: options.headers } : {}) });
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;

  async function submitOrResume(input: string): Promise<{ id: string; statePath: string }> {
    const statePath = join(options.stateDir, `${sha256(input).slice(0, 32)}.json`);
    const saved = await readFile(statePath, 'utf8').then((text) => JSON.parse(text) as { batchId?: unknown }, () => undefined);
    if (typeof saved?.batchId === 'string') {
      options.log?.(`batch ${saved.batchId}: resuming`);
      return { id: saved.batchId, statePath };
    }
    const file = await sdk.files.create({ file: await toFile(Buffer.from(input), 'evalgate-batch.jsonl'), purpose: 'batch' });
    const batch = await sdk.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await writeFileAtomic(statePath, JSON.stringify({ batchId: batch.id, inputFileId: file.id, created: new Date().toISOString() }));
    options.log?.(`batch ${batch.id}: submitted`);
    return { id: batch.id, statePath };
  }

  async function run(batch: Pending[]): Promise<(ChatResponse | ModelError)[]> {
    const { id, statePath } = await submitOrResume(batchInput(batch.map((item) => item.request)));
    const started = Date.now();
    for (;;) {
      const status = await sdk.batches.retrieve(id);
      if (DONE.has(status.status)) {
        await rm(statePath, { force: true });
        if (status.status !== 'completed') throw new ModelError('server', `batch ${id} ${status.status}${status.errors?.data?.[0]?.message ? `: ${status.errors.data[0].message}` : ''}`);
        const files = [status.output_file_id, status.error_file_id].filter((file): file is string => Boolean(file));
        const texts = await Promise.all(files.map(async (file) => (await sdk.files.content(file)).text()));
        return batchAnswers(texts.join('\n'), batch.length);
      }
      if (Date.now() - started >= options.maxWaitMs) {
        throw new ModelError('timeout', `batch ${id} is still ${status.status}: re-run the same command to resume polling it`);
      }
      await sleep(options.pollMs);
    }
  }

  function flush(): void {
    timer = undefined;
    // Sorted by content, so the same requests make the same JSONL (and resume) whatever order they came in.
    const batch = queue.map((item) => ({ item, key: canonicalJson(item.request) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ item }) => item);
    queue = [];
    run(batch).then(
      (answers) => batch.forEach((item, index) => item.settle(answers[index] as ChatResponse | ModelError)),
      (error: unknown) => {
        const failure = error instanceof ModelError ? error : new ModelError('server', `batch: ${(error as Error)?.message ?? String(error)}`);
        for (const item of batch) item.settle(failure);
      },
    );
  }

  return {
    chat: (request) =>
      new Promise<ChatResponse>((resolvePromise, reject) => {
        queue.push({ request, settle: (answer) => (answer instanceof ModelError ? reject(answer) : resolvePromise(answer)) });
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, options.gatherMs ?? 200);
      }),
    embed: (model, input, signal) => online.embed(model, input, signal),
    moderate: (model, input, signal) => online.moderate(model, input, signal),
  };
}
