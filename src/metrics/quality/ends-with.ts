import { affixMetric } from './affix.js';

export const endsWith = affixMetric('ends-with', 'The output (trailing whitespace ignored) ends with the expected text (`ignore-case: true` to fold case).', 'end');
