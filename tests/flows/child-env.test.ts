import { afterEach, describe, expect, it } from 'vitest';
import { childEnvironment } from '../../src/flows/child-env.js';
import { clearSecrets, registerSecret, scrubSecrets } from '../../src/core/secrets.js';

const RUNNER = {
  PATH: '/usr/bin',
  HOME: '/home/runner',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TMPDIR: '/tmp',
  SYSTEMROOT: 'C:\\Windows',
  'INPUT_API-KEY': 'sk-input-secret',
  'INPUT_GITHUB-TOKEN': 'ghs_input',
  GITHUB_TOKEN: 'ghs_env',
  ACTIONS_RUNTIME_TOKEN: 'rt',
  OPENAI_API_KEY: 'sk-openai-secret',
  RETRIEVAL_K: '3',
};

afterEach(() => clearSecrets());

describe('the environment of a command flow', () => {
  it('holds only PATH, HOME, locale and temp by default', () => {
    expect(childEnvironment(RUNNER, { env: {} }, 'linux')).toEqual({ PATH: '/usr/bin', HOME: '/home/runner', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TMPDIR: '/tmp' });
  });

  it('keeps SYSTEMROOT on Windows', () => {
    expect(childEnvironment(RUNNER, { env: {} }, 'win32')).toMatchObject({ SYSTEMROOT: 'C:\\Windows' });
  });

  it('adds the suite’s env: and the variables it names, and registers secret-looking values', () => {
    const env = childEnvironment(RUNNER, { env: { DB_PASSWORD: 'hunter2-long' }, passEnv: ['RETRIEVAL_K', 'OPENAI_API_KEY', 'MISSING'] }, 'linux');
    expect(env).toMatchObject({ RETRIEVAL_K: '3', OPENAI_API_KEY: 'sk-openai-secret', DB_PASSWORD: 'hunter2-long' });
    expect(env).not.toHaveProperty('MISSING');
    expect(env).not.toHaveProperty('GITHUB_TOKEN');
    expect(env).not.toHaveProperty('INPUT_API-KEY');
    expect(scrubSecrets('k=sk-openai-secret p=hunter2-long n=3')).toBe('k=*** p=*** n=3');
  });
});

describe('the secret scrubber', () => {
  it('masks a registered secret in raw, JSON-escaped and base64 form, and ignores short values', () => {
    registerSecret('pa"ss\\word-123');
    registerSecret('abc');
    expect(scrubSecrets(`raw pa"ss\\word-123 json ${JSON.stringify('pa"ss\\word-123')} b64 ${Buffer.from('pa"ss\\word-123').toString('base64')} abc`)).toBe('raw *** json "***" b64 *** abc');
  });
});
