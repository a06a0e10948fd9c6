import { affixMetric } from './affix.js';

export const startsWith = affixMetric('starts-with', 'The output (leading whitespace ignored) starts with the expected text.', 'start');
