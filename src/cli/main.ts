import { resolve } from 'node:path';
import { compare } from '../compare/index.js';
import { EXIT, exitCodeFor } from '../engine/fail-policy.js';
import { isConfigError } from '../core/errors.js';
import { readResultsFile } from '../results/io.js';
import { VERSION } from '../version.js';
import { parseCommand } from './args.js';
import { helpText } from './help.js';
import type { CliIO } from './io.js';
import { printComparison } from './output.js';
import { mergeCommand } from './merge-command.js';
import { runCommand } from './run-command.js';

/** The CLI's one error boundary: returns the exit code, never throws, never prints a stack. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const command = parseCommand(argv, io.cwd);
    switch (command.name) {
      case 'help':
        io.stdout(`${helpText(command.topic)}\n`);
        return EXIT.ok;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return EXIT.ok;
      case 'run':
        return await runCommand(command.suites, command.flags, io);
      case 'merge':
        return await mergeCommand(command.parts, command.output, io);
      case 'compare': {
        const baseline = await readResultsFile(resolve(io.cwd, command.baseline));
        const results = await readResultsFile(resolve(io.cwd, command.results));
        const comparison = compare(baseline, results);
        printComparison(comparison, command.format, io);
        return exitCodeFor(comparison.verdict, command.failOn);
      }
    }
  } catch (error) {
    if (isConfigError(error)) {
      io.stderr(`evalgate: ${error.format()}\n`);
      return EXIT.config;
    }
    io.stderr(`evalgate: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    io.stderr('This is a bug in EvalGate; please report it with the command you ran.\n');
    return EXIT.internal;
  }
}
