import { COST_RATIO, LATENCY_RATIO } from './policy.js';
import type { RatioPolicy } from './types.js';

/** What EvalGate knows of a unit of measurement: the one place a new unit is added. */
export interface UnitSpec {
  /** How charts and schemas name it. */
  label: string;
  /** The largest value a real run produces: a larger one in a results file is corrupt or forged, not data. */
  max: number;
  /** How reports write one value. */
  format(value: number): string;
  /** How a metric of this unit that this version does not know (a baseline of another version) is gated. */
  fallbackPolicy: RatioPolicy;
}

/**
 * The units of `amount` metrics. The `Scale` type, the range check of results files, the
 * formatters and the generated schema/results.schema.json all derive from this table.
 */
export const UNITS = {
  usd: { label: 'USD', max: 1e6, format: (value) => `$${value < 0.01 ? value.toPrecision(3) : value.toFixed(4)}`, fallbackPolicy: COST_RATIO },
  ms: { label: 'ms', max: 7 * 24 * 3600 * 1000, format: (value) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`, fallbackPolicy: LATENCY_RATIO },
  tokens: { label: 'tokens', max: 1e12, format: (value) => `${Math.round(value)} tokens`, fallbackPolicy: COST_RATIO },
  'tokens/s': { label: 'tokens/s', max: 1e9, format: (value) => value.toFixed(1), fallbackPolicy: LATENCY_RATIO },
} as const satisfies Record<string, UnitSpec>;

export type Unit = keyof typeof UNITS;

export const UNIT_NAMES = Object.keys(UNITS) as Unit[];

/** The JSON Schema of a stored `Scale`, shared by the results and comparison schemas. */
export function scaleSchema(): Record<string, unknown> {
  return {
    type: 'object',
    required: ['kind'],
    properties: {
      kind: { enum: ['binary', 'unit', 'likert', 'amount'] },
      min: { type: 'number' },
      max: { type: 'number' },
      unit: { enum: UNIT_NAMES },
    },
  };
}
