import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES, suiteWith } from './support.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('kind: promptflow without Python', () => {
  it('is one configuration error naming what to install', async () => {
    vi.stubEnv('EVALGATE_PYTHON', 'python3-that-does-not-exist');
    vi.resetModules();
    const { loadSuite } = await import('../../../src/suites/load.js');
    const error = await loadSuite('pf.eval.yaml', suiteWith(`{ kind: promptflow, path: ${FIXTURES}/python-chain }`, [{ text: 'x', want: 'x' }])).catch((caught: unknown) => caught);
    expect((error as { format(): string }).format()).toBe(
      'pf.eval.yaml:2: this flow has Python nodes but "python3-that-does-not-exist" (Python ≥ 3.9) could not be run — install Python 3 (e.g. apt-get install python3, or actions/setup-python in the workflow), or set EVALGATE_PYTHON to its path',
    );
  });
});
