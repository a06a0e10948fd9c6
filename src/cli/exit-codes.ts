/**
 * CLI exit codes: 0 pass/warn, 1 gate failed (fail, or incomplete: part of the baseline not
 * compared), 2 configuration or usage error, 3 the evaluation could not run (provider down,
 * every case errored, baseline unreadable), 70 an internal error (a bug in EvalGate). The
 * outcome (compare/outcome.ts) decides which; README "What the verdict promises" has the table.
 */
export { EXIT } from '../compare/outcome.js';
