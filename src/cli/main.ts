import { resolve } from 'node:path';
import { EXIT } from './exit-codes.js';
import { isConfigError } from '../core/errors.js';
import { registerSecretVariables, scrubSecrets } from '../core/secrets.js';
import { escapeLogLine, guardWorkflowCommands } from '../report/escape.js';
import { readResultsFile } from '../results/io.js';
import { VERSION } from '../core/version.js';
import { parseCommand } from './args.js';
import { helpText } from './help.js';
import { initCommand } from './init/init-command.js';
import type { CliIO } from './io.js';
import { historyCommand } from './history-command.js';
import { printComparison, writeHtmlReport } from './output.js';
import { mergeCommand } from './merge-command.js';
import { decideLocally, runCommand } from './run-command.js';
import { importCommand } from './import-command.js';

/** stdout/stderr with known secrets scrubbed and no line able to start a `::command::` in CI. */
function guarded(io: CliIO): CliIO {
  const safe = (write: (text: string) => void) => (text: string) => write(guardWorkflowCommands(scrubSecrets(text)));
  return { ...io, stdout: safe(io.stdout), stderr: safe(io.stderr) };
}

/** The CLI's one error boundary: returns the exit code, never throws, never prints a stack. */
export async function main(argv: readonly string[], rawIO: CliIO): Promise<number> {
  registerSecretVariables(rawIO.env);
  const io = guarded(rawIO);
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
      case 'init':
        return await initCommand(command, io);
      case 'import':
        return await importCommand(command, io);
      case 'merge':
        return await mergeCommand(command.parts, command.output, io);
      case 'compare': {
        const baseline = await readResultsFile(resolve(io.cwd, command.baseline));
        const results = await readResultsFile(resolve(io.cwd, command.results));
        const { comparison, exitCode } = decideLocally(baseline, results, command.failOn);
        printComparison(comparison, command.format, io, { results, baseline, failOn: command.failOn, explain: command.explain });
        if (command.html) await writeHtmlReport(resolve(io.cwd, command.html), { comparison, pr: results, baseline }, io);
        return exitCode;
      }
      case 'history':
        return await historyCommand(command, io);
    }
  } catch (error) {
    if (isConfigError(error)) {
      io.stderr(`evalgate: ${escapeLogLine(error.format())}\n`);
      return EXIT.config;
    }
    io.stderr(`evalgate: internal error: ${escapeLogLine((error as Error)?.message ?? String(error))}\n`);
    io.stderr('This is a bug in EvalGate; please report it with the command you ran.\n');
    return EXIT.internal;
  }
}
