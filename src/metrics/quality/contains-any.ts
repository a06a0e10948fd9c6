import { containsMetric } from './contains.js';

export const containsAny = containsMetric('contains-any', 'The output contains at least one of the expected texts.', 'any', false);
