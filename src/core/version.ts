/** The tool version written into every results file; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
