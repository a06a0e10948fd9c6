import type { FlowOutput } from '../flows/types.js';
import type { Case } from '../core/case.js';
import type { ErrorKind } from '../core/failure.js';

export type SampleRun = { ok: true; value: FlowOutput } | { ok: false; error: string; errorKind: ErrorKind };

export interface CaseRun {
  case: Case;
  samples: SampleRun[];
}
