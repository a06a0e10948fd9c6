/**
 * Known secrets (the API key, the GitHub and runtime tokens, secret-looking values a suite passes
 * to its app or a Prompty file reads) and the scrubber every sink applies: files written, the PR
 * comment, the job summary, outputs and log lines. Registration is process-wide: the boundaries
 * (CLI, action) register what they read; flows register what they pass on.
 *
 * The scrub rule: every registered secret, whole and as it appears in JSON strings, base64 and
 * URL encoding, becomes `***`; and so does every run of text that matches a stretch of
 * `FRAGMENT_LENGTH` (10) or more consecutive characters of a secret, wherever it sits and
 * whatever surrounds it (a provider error quoting the key without its `sk-` prefix, or cut).
 * The cost: a secret's fragments shorter than 10 characters stay visible (e.g. the last 4 of a
 * key some providers print), and an ordinary 10-character stretch of text that happens to be
 * part of a registered value is masked too (why only random-looking values should be
 * registered). Scrubbing is one pass over the text per call (a rolling hash of 10-character
 * windows).
 */
const MIN_SECRET_LENGTH = 6;
export const FRAGMENT_LENGTH = 10;
const MASK = '***';
const secrets = new Set<string>();
/** Hash of every FRAGMENT_LENGTH window of every registered form → the form (to verify a hit). */
let windows = new Map<number, string[]>();

/** Names whose values are treated as secrets when a suite passes them to its app. */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|PRIVATE|SIGNATURE|COOKIE/i;

const BASE = 31;
/** BASE^(FRAGMENT_LENGTH-1) mod 2^32: what the oldest character weighs in the rolling hash. */
const TOP = Array.from({ length: FRAGMENT_LENGTH - 1 }).reduce<number>((power) => Math.imul(power, BASE) >>> 0, 1);

function hashAt(text: string, start: number): number {
  let hash = 0;
  for (let index = start; index < start + FRAGMENT_LENGTH; index += 1) hash = (Math.imul(hash, BASE) + text.charCodeAt(index)) >>> 0;
  return hash;
}

function addWindows(form: string): void {
  for (let start = 0; start + FRAGMENT_LENGTH <= form.length; start += 1) {
    const hash = hashAt(form, start);
    const forms = windows.get(hash) ?? [];
    if (!forms.includes(form)) forms.push(form);
    windows.set(hash, forms);
  }
}

/** Told of every secret registered from now on (the action masks each in the runner's log: `core.setSecret`). */
const listeners: ((value: string) => void)[] = [];

export function onSecretRegistered(listener: (value: string) => void): void {
  listeners.push(listener);
}

export function registerSecret(value: string | undefined): void {
  if (!value || value.trim().length < MIN_SECRET_LENGTH || secrets.has(value)) return;
  for (const listener of listeners) listener(value);
  // The same value as it appears inside JSON strings, base64 and URL-encoded.
  const json = JSON.stringify(value).slice(1, -1);
  const url = encodeURIComponent(value);
  for (const form of [value, json, Buffer.from(value).toString('base64'), url]) secrets.add(form);
  // Fragments of the text forms (a base64 fragment depends on its alignment: whole only).
  for (const form of new Set([value, json, url])) addWindows(form);
}

/** Variables that hold the API key or a GitHub or runner token wherever EvalGate runs. */
const SECRET_VARIABLES = ['EVALGATE_API_KEY', 'OPENAI_API_KEY', 'AZURE_OPENAI_API_KEY', 'GITHUB_TOKEN', 'GH_TOKEN', 'INPUT_API-KEY', 'INPUT_GITHUB-TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];

/** Registers the key and token variables of the environment EvalGate was started with. */
export function registerSecretVariables(env: Readonly<Record<string, string | undefined>>): void {
  for (const name of SECRET_VARIABLES) registerSecret(env[name]);
}

export function looksSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The longest stretch around text[at…at+FRAGMENT_LENGTH) that matches `form` at `offset`: [start, end). */
function stretch(text: string, at: number, form: string, offset: number): [number, number] {
  let before = 0;
  while (at - before > 0 && offset - before > 0 && text[at - before - 1] === form[offset - before - 1]) before += 1;
  let after = FRAGMENT_LENGTH;
  while (at + after < text.length && offset + after < form.length && text[at + after] === form[offset + after]) after += 1;
  return [at - before, at + after];
}

/** Spans of `text` that match FRAGMENT_LENGTH or more consecutive characters of a secret. */
function fragmentSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (windows.size === 0 || text.length < FRAGMENT_LENGTH) return spans;
  let hash = hashAt(text, 0);
  for (let at = 0; ; at += 1) {
    const forms = windows.get(hash);
    if (forms && (spans.length === 0 || at >= (spans.at(-1)?.[1] ?? 0))) {
      const piece = text.slice(at, at + FRAGMENT_LENGTH);
      for (const form of forms) {
        const offset = form.indexOf(piece);
        if (offset >= 0) {
          spans.push(stretch(text, at, form, offset));
          break;
        }
      }
    }
    if (at + FRAGMENT_LENGTH >= text.length) break;
    hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), TOP), BASE) + text.charCodeAt(at + FRAGMENT_LENGTH)) >>> 0;
  }
  return spans;
}

/** Every registered secret, and every long-enough fragment of one, replaced with `***`. */
export function scrubSecrets(text: string): string {
  if (secrets.size === 0 || text.length === 0) return text;
  let out = text;
  // Longest first, so no fragment of a longer form survives a shorter one's replacement.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  const spans = fragmentSpans(out);
  if (spans.length === 0) return out;
  let result = '';
  let from = 0;
  for (const [start, end] of spans) {
    result += `${out.slice(from, Math.max(from, start))}${start >= from ? MASK : ''}`;
    from = Math.max(from, end);
  }
  return result + out.slice(from);
}

/** Forgets every registered secret and listener (tests running several scenarios in one process). */
export function clearSecrets(): void {
  secrets.clear();
  listeners.length = 0;
  windows = new Map();
}
