import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatorHash } from '../../src/suites/identity.js';
import type { EvaluatorSpec } from '../../src/suites/types.js';

const spec = (metric: string, options: Record<string, unknown> = {}): EvaluatorSpec => ({ name: metric, metric, options });

describe('evaluator identity', () => {
  it('a judge’s hash includes the judge model; an own judge-model option wins', () => {
    const relevance = spec('relevance');
    expect(evaluatorHash(relevance, { judgeModel: 'gpt-4o-mini' })).not.toBe(evaluatorHash(relevance, { judgeModel: 'gpt-5' }));
    const pinned = spec('relevance', { 'judge-model': 'gpt-4.1' });
    expect(evaluatorHash(pinned, { judgeModel: 'gpt-4o-mini' })).toBe(evaluatorHash(pinned, { judgeModel: 'gpt-5' }));
  });

  it('metrics without a judge keep the hash they always had', () => {
    expect(evaluatorHash(spec('contains', { value: 'x' }), { judgeModel: 'gpt-5' })).toBe(evaluatorHash(spec('contains', { value: 'x' })));
  });

  it('a .prompty rubric’s file content is part of the hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-identity-'));
    const rubric = spec('rubric', { prompty: 'grader.prompty' });
    writeFileSync(join(dir, 'grader.prompty'), '---\nname: grader\n---\nuser:\nIs {{output}} polite?');
    const before = evaluatorHash(rubric, { suiteDir: dir, judgeModel: 'gpt-4o-mini' });
    expect(evaluatorHash(rubric, { suiteDir: dir, judgeModel: 'gpt-4o-mini' })).toBe(before);
    writeFileSync(join(dir, 'grader.prompty'), '---\nname: grader\n---\nuser:\nIs {{output}} polite and correct?');
    expect(evaluatorHash(rubric, { suiteDir: dir, judgeModel: 'gpt-4o-mini' })).not.toBe(before);
  });
});
