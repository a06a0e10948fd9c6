import { ConfigError } from '../core/errors.js';
import { checkHeader } from '../core/http-headers.js';
import { registerSecret } from '../core/secrets.js';

/** A suite's `headers:` as written (values may hold `${env:NAME}`), and where, for errors. */
export interface HeaderSpec {
  values: Record<string, string>;
  /** `flow.headers` or `judge.headers`. */
  key: string;
  file: string;
  line?: number;
}

/** The extra model-request headers of one suite: on its flow's requests, on its judges' (embeddings and moderation too). */
export interface SuiteHeaders {
  flow?: HeaderSpec;
  judge?: HeaderSpec;
}

const REFERENCE = /\$\{env:([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The runner's and EvalGate's own credentials: never sent on, whatever a suite file asks. */
const REFUSED = /^(INPUT_|ACTIONS_|RUNNER_)|^(GITHUB_TOKEN|GH_TOKEN)$/i;

const HINT = 'write e.g. `x-portkey-api-key: ${env:PORTKEY_API_KEY}` and set PORTKEY_API_KEY in the step’s `env:` (from a secret)';

const location = (spec: HeaderSpec) => ({ file: spec.file, ...(spec.line ? { line: spec.line } : {}) });

/** Load time: names and `${env:NAME}` references well formed, no refused variable (nothing is read yet). */
export function checkHeaderSpec(spec: HeaderSpec): void {
  for (const [name, value] of Object.entries(spec.values)) {
    const where = `${spec.key}.${name}`;
    try {
      checkHeader(name, value.replace(REFERENCE, 'x'), where, HINT);
    } catch (error) {
      throw new ConfigError((error as ConfigError).message, location(spec), (error as ConfigError).hint ?? HINT);
    }
    for (const [, variable = ''] of value.matchAll(REFERENCE)) {
      if (!NAME.test(variable)) throw new ConfigError(`${where}: \${env:${variable}} does not name an environment variable`, location(spec), HINT);
      if (REFUSED.test(variable)) throw new ConfigError(`${where}: \${env:${variable}} is the runner's or EvalGate's own credential, which a suite cannot send on`, location(spec), 'give the gateway its own key in a variable of its own');
    }
  }
}

/**
 * Run time: every `${env:NAME}` replaced by the variable's value (an unset or empty one is a
 * configuration error naming the variable, never a value), and every resulting value registered
 * as a secret: masked in results, the comment, the summary and the log.
 */
export function resolveHeaders(spec: HeaderSpec | undefined, env: Readonly<Record<string, string | undefined>>): Record<string, string> | undefined {
  if (!spec) return undefined;
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.values)) {
    resolved[name] = value.replace(REFERENCE, (_, variable: string) => {
      const found = env[variable];
      if (found === undefined || found === '') throw new ConfigError(`${spec.key}.${name}: \${env:${variable}} is not set`, location(spec), `set ${variable} in the environment (in a workflow: the step's \`env:\`, from a secret)`);
      return found;
    });
    checkHeader(name, resolved[name], `${spec.key}.${name}`, HINT);
    registerSecret(resolved[name]);
  }
  return resolved;
}
