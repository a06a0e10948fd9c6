// Runs dist/cli/index.js once per job inside this one process (a fresh module instance per job,
// stdout/stderr captured): the bad-input battery without a process start per input.
// stdin: JSON [{ cwd, args }]; stdout: JSON [{ code, stdout, stderr }].
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [entry] = process.argv.slice(2);
// The bundle behind dist/cli/index.js (which only turns on the compile cache, then imports it):
// importing the entry afresh would not run the bundle again.
const bundle = join(dirname(entry), 'evalgate.js');
const cli = existsSync(bundle) ? bundle : entry;
const jobs = JSON.parse(readFileSync(0, 'utf8'));
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);
const outcomes = [];
for (const [index, job] of jobs.entries()) {
  let stdout = '';
  let stderr = '';
  process.stdout.write = (chunk) => ((stdout += String(chunk)), true);
  process.stderr.write = (chunk) => ((stderr += String(chunk)), true);
  process.chdir(job.cwd);
  process.argv = [process.argv[0], cli, ...job.args];
  process.exitCode = undefined;
  try {
    await import(`${new URL(`file://${cli}`).href}?job=${index}`);
  } catch (error) {
    stderr += `uncaught: ${error?.stack ?? error}`;
  }
  process.stdout.write = realOut;
  process.stderr.write = realErr;
  outcomes.push({ code: process.exitCode ?? 0, stdout, stderr });
}
process.exitCode = 0;
realOut(JSON.stringify(outcomes));
