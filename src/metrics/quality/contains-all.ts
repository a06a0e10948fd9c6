import { containsMetric } from './contains.js';

export const containsAll = containsMetric('contains-all', 'The output contains every one of the expected texts.', 'all', false);
