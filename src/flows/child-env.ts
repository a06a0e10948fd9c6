import { looksSecretName, registerSecret } from '../core/secrets.js';

/** Variables every app may need to start: its PATH, home, locale and temp folder. */
const BASE_NAMES = ['PATH', 'HOME', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'TEMP', 'TMP', 'USERPROFILE'];
const WINDOWS_NAMES = ['SYSTEMROOT', 'SystemRoot', 'WINDIR', 'COMSPEC', 'PATHEXT'];

/** Never passed unless the suite names them in `pass-env:`. */
const NEVER_INHERITED = /^(INPUT_|ACTIONS_|GITHUB_TOKEN$|GH_TOKEN$|OPENAI_|AZURE_OPENAI_|EVALGATE_API_KEY$)/i;

/** A flow's `env:` and `pass-env:`. */
export interface ChildEnvSpec {
  env: Readonly<Record<string, string>>;
  passEnv?: readonly string[];
}

/**
 * The environment of a `command` flow (and of every program EvalGate starts for the suite:
 * Python nodes and assertions, JavaScript assertions): the minimum to start a program, plus the suite's `env:`
 * and the variables it names under `pass-env:`. The runner's environment holds the action's
 * inputs (the API key, the GitHub token) — none of it leaks to the app by default. Values of
 * passed variables whose names look secret are registered for scrubbing.
 */
export function childEnvironment(
  parent: Readonly<Record<string, string | undefined>>,
  spec: ChildEnvSpec,
  platform: NodeJS.Platform = process.platform,
): Record<string, string> {
  const names = [...BASE_NAMES, ...(platform === 'win32' ? WINDOWS_NAMES : [])];
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue;
    const base = names.includes(name) || name.startsWith('LC_');
    if (base && !NEVER_INHERITED.test(name)) env[name] = value;
  }
  for (const name of spec.passEnv ?? []) {
    const value = parent[name];
    if (value === undefined) continue;
    env[name] = value;
    if (looksSecretName(name)) registerSecret(value);
  }
  for (const [name, value] of Object.entries(spec.env)) {
    env[name] = value;
    if (looksSecretName(name)) registerSecret(value);
  }
  return env;
}
