import { OUTPUT_FORMATS } from '../../src/report/formats.js';
import { testAllFormats } from '../support/contracts/formats.js';

testAllFormats(OUTPUT_FORMATS);
