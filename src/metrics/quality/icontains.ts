import { containsMetric } from './contains.js';

export const icontains = containsMetric('icontains', 'Like `contains`, ignoring case.', 'any', true);
