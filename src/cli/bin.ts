#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { EXIT } from './exit-codes.js';
import { nodeVersionProblem } from './node-version.js';

async function ask(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exitCode = EXIT.config;
} else {
  // Loaded only on a Node that can run it: the check above must come before any dependency.
  const { main } = await import('./main.js');
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
    ...(process.stdin.isTTY && process.stderr.isTTY ? { ask } : {}),
  });
}
