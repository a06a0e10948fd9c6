import { listMetrics } from '../../src/metrics/registry.js';
import { testAllMetrics } from '../support/contracts/metrics.js';

testAllMetrics(listMetrics());
