import type { FlowOutput } from '../flows/types.js';
import type { Case } from '../core/case.js';

export type SampleRun = { ok: true; value: FlowOutput } | { ok: false; error: string };

export interface CaseRun {
  case: Case;
  samples: SampleRun[];
}
