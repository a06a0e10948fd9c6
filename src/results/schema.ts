import { scaleSchema } from '../metrics/units.js';
import base from './schema-base.json' with { type: 'json' };

/**
 * The results document's JSON Schema: the hand-written shape (./schema-base.json) with the parts
 * the catalogue owns filled in (a metric's scale, from the unit table). The validator uses it;
 * `npm run generate` writes it to schema/results.schema.json for editors and other tools.
 */
export const RESULTS_SCHEMA = { ...base, $defs: { ...base.$defs, scale: scaleSchema() } };

export const resultsSchemaText = (): string => `${JSON.stringify(RESULTS_SCHEMA, null, 2)}\n`;
