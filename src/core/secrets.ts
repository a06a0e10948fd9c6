/**
 * Known secrets (the API key, the GitHub token, secret-looking values a suite passes to its
 * app) and the scrubber every sink applies: files written, the PR comment, the job summary,
 * outputs and log lines. Registration is process-wide: the boundaries (CLI, action) register
 * what they read; flows register what they pass on.
 */
const MIN_SECRET_LENGTH = 6;
const MASK = '***';
const secrets = new Set<string>();

/** Names whose values are treated as secrets when a suite passes them to its app. */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|PRIVATE|SIGNATURE|COOKIE/i;

export function registerSecret(value: string | undefined): void {
  if (!value || value.trim().length < MIN_SECRET_LENGTH) return;
  secrets.add(value);
  // The same value as it appears inside JSON strings, base64 and URL-encoded.
  secrets.add(JSON.stringify(value).slice(1, -1));
  secrets.add(Buffer.from(value).toString('base64'));
  secrets.add(encodeURIComponent(value));
}

/** Variables that hold the API key or a GitHub token wherever EvalGate runs. */
const SECRET_VARIABLES = ['EVALGATE_API_KEY', 'OPENAI_API_KEY', 'AZURE_OPENAI_API_KEY', 'GITHUB_TOKEN', 'GH_TOKEN', 'INPUT_API-KEY', 'INPUT_GITHUB-TOKEN'];

/** Registers the key and token variables of the environment EvalGate was started with. */
export function registerSecretVariables(env: Readonly<Record<string, string | undefined>>): void {
  for (const name of SECRET_VARIABLES) registerSecret(env[name]);
}

export function looksSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Every registered secret replaced with `***` (longest first, so no fragment survives). */
export function scrubSecrets(text: string): string {
  if (secrets.size === 0 || text.length === 0) return text;
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}

/** Forgets every registered secret (tests running several scenarios in one process). */
export function clearSecrets(): void {
  secrets.clear();
}
