import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Example = { name: string; examples: Record<string, any>[] };
const examples = require('@octokit/webhooks-examples') as Example[];

/** A real webhook payload from @octokit/webhooks-examples (a copy, free to retarget). */
export function examplePayload(event: 'pull_request' | 'push' | 'workflow_run', pick: (example: Record<string, any>) => boolean = () => true): Record<string, any> {
  const found = examples.find((entry) => entry.name === event)?.examples.find(pick);
  if (!found) throw new Error(`no ${event} example`);
  return structuredClone(found);
}
