import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { looksSecretName, registerSecret } from '../core/secrets.js';
import { PromptyError } from './errors.js';

/**
 * `${env:NAME}`, `${env:NAME:default}` and `${file:path}` references in front matter values
 * (Prompty spec §2.11), resolved everywhere except under `connection` / `configuration`, which
 * EvalGate never reads (its own endpoint and key are used).
 *
 * Environment variables are secrets' usual home and a pull request controls its .prompty files,
 * so `${env:NAME}` only reads variables the workflow allowed by listing them in
 * `EVALGATE_PROMPTY_ENV` (comma-separated); any other name takes its default, or is an error.
 * A value read under a secret-looking name (KEY, TOKEN, SECRET, PASSWORD…: the rule `pass-env:`
 * follows) is registered for scrubbing.
 * `${file:…}` must stay inside the .prompty file's folder (no absolute paths, `..` or symlinks out).
 */
export interface ReferenceContext {
  /** The .prompty file's absolute path. */
  path: string;
  env: Readonly<Record<string, string | undefined>>;
}

const REFERENCE = /^\$\{(\w+):([^]*)\}$/;
const SKIPPED = new Set(['connection', 'configuration']);

export function allowedEnvNames(env: Readonly<Record<string, string | undefined>>): Set<string> {
  return new Set((env.EVALGATE_PROMPTY_ENV ?? '').split(',').map((name) => name.trim()).filter(Boolean));
}

function envValue(content: string, context: ReferenceContext): string {
  const [name = '', ...rest] = content.split(':');
  const fallback = rest.join(':');
  const value = allowedEnvNames(context.env).has(name) ? context.env[name] : undefined;
  if (value !== undefined) {
    // A model that echoes its prompt would put it into results, the baseline and the comment.
    if (looksSecretName(name)) registerSecret(value);
    return value;
  }
  if (fallback) return fallback;
  throw new PromptyError(
    `\${env:${name}} is not available`,
    undefined,
    `EvalGate reads only environment variables listed in EVALGATE_PROMPTY_ENV (so a pull request cannot send secrets to the model); list ${name} there, or write \${env:${name}:default}`,
  );
}

function fileValue(content: string, context: ReferenceContext): unknown {
  const folder = dirname(context.path);
  const outside = () => new PromptyError(`\${file:${content}} points outside the .prompty file's folder`, undefined, 'keep referenced files next to the .prompty file');
  if (isAbsolute(content)) throw outside();
  const target = resolve(folder, content);
  if (!existsSync(target)) throw new PromptyError(`\${file:${content}} not found`, undefined, 'the path is relative to the .prompty file');
  const real = realpathSync(target);
  const inside = relative(realpathSync(folder), real);
  if (inside.startsWith('..') || isAbsolute(inside)) throw outside();
  const text = readFileSync(real, 'utf8');
  const extension = extname(real).toLowerCase();
  try {
    if (extension === '.json') return JSON.parse(text);
    if (extension === '.yaml' || extension === '.yml') return parseYaml(text);
  } catch (error) {
    throw new PromptyError(`\${file:${content}} is not valid ${extension.slice(1).toUpperCase()}: ${(error as Error).message.split('\n')[0]}`);
  }
  return text;
}

function resolveString(value: string, context: ReferenceContext): unknown {
  const match = REFERENCE.exec(value.trim());
  if (!match) return value;
  const protocol = (match[1] ?? '').toLowerCase();
  if (protocol === 'env') return envValue(match[2] ?? '', context);
  if (protocol === 'file') return fileValue(match[2] ?? '', context);
  return value;
}

/** The front matter with every reference resolved (a new value; the input is not changed). */
export function resolveReferences(value: unknown, context: ReferenceContext): unknown {
  if (typeof value === 'string') return resolveString(value, context);
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, context));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SKIPPED.has(key) ? item : resolveReferences(item, context)]));
  }
  return value;
}
