import { describe, expect, it } from 'vitest';
import { listMetrics } from '../../src/metrics/registry.js';
import { UNIT_NAMES, UNITS } from '../../src/metrics/units.js';
import { formatValue } from '../../src/report/format.js';
import { RESULTS_SCHEMA } from '../../src/results/schema.js';

describe('the unit table: every unit an amount metric uses', () => {
  it.each(UNIT_NAMES)('%s: a label, a finite positive bound and a formatter that writes every value in range', (unit) => {
    const spec = UNITS[unit];
    expect(spec.label.length).toBeGreaterThan(0);
    expect(Number.isFinite(spec.max) && spec.max > 0).toBe(true);
    for (const value of [0, 0.004, 1, 123.456, spec.max]) {
      const text = formatValue(value, { kind: 'amount', unit });
      expect(text).toMatch(/\d/);
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('every amount metric of the catalogue uses a unit of the table', () => {
    for (const metric of listMetrics()) if (metric.scale.kind === 'amount') expect(UNIT_NAMES, metric.name).toContain(metric.scale.unit);
  });

  it('the results schema accepts exactly the units of the table', () => {
    expect(RESULTS_SCHEMA.$defs.scale).toMatchObject({ properties: { unit: { enum: UNIT_NAMES } } });
  });
});
