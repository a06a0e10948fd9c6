import { affixMetric } from './affix.js';

export const startsWith = affixMetric('starts-with', 'The output (leading whitespace ignored) starts with the expected text (`ignore-case: true` to fold case).', 'start');
