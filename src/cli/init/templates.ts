import { VERSION } from '../../core/version.js';

/** Where the action and the package live; package.json, README, docs/ and this agree (tests/docs/package.test.ts). */
export const ACTION_REPOSITORY = 'OWNER/evalgate';

/** The suite schema at a stable URL: the published package's file, pinned to this major version. */
export const SCHEMA_URL = `https://unpkg.com/evalgate@${VERSION.split('.')[0]}/schema/suite.schema.json`;

export type StarterFlow = 'command' | 'prompt';

/** The action a scaffolded workflow uses unless `init --action` names another. */
export const DEFAULT_ACTION = `${ACTION_REPOSITORY}@v1`;

/** True while the action's repository is still the `OWNER/…` placeholder: the user must replace it. */
export const isPlaceholderAction = (action: string) => action.startsWith('OWNER/');

/**
 * The workflow README ("Gate your pull requests in five minutes") and docs/github.md show: the
 * gate on pull requests, the baseline refresh on pushes, and the HTML report and JUnit file
 * uploaded as one artifact whatever the verdict.
 */
function workflow(action: string): string {
  const placeholder = isPlaceholderAction(action)
    ? `      # ⚠ Replace OWNER with the owner of the EvalGate repository you use (or re-run
      #   \`npx evalgate init --action owner/evalgate@v1 --force\`).
`
    : '';
  const home = action.startsWith('./') ? ACTION_REPOSITORY : action.split('@')[0]?.split('/').slice(0, 2).join('/');
  return `# EvalGate: gates every pull request on real regressions of the suites in evals/,
# and refreshes evals/baseline.json on pushes to main (docs: https://github.com/${home}).
name: evalgate
on:
  pull_request:
  push: { branches: [main] }
permissions:
  contents: write        # refresh evals/baseline.json on main
  pull-requests: write   # the metric-diff comment
concurrency: { group: "evalgate-\${{ github.ref }}" }
jobs:
  evals:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
${placeholder}      - id: evalgate
        uses: ${action}
        with:
          api-key: \${{ secrets.OPENAI_API_KEY }}
      - uses: actions/upload-artifact@v4   # every case, both outputs, a word diff; and JUnit XML
        if: always()
        with:
          name: evalgate-report
          path: |
            .evalgate/report.html
            .evalgate/junit.xml
          if-no-files-found: ignore
`;
}


const FACTS = [
  'The store is open from 9 am to 6 pm, Monday to Saturday.',
  'You can return any unused item within 30 days for a full refund.',
  'Shipping is free over $50; smaller orders ship for $5.',
  'Tents have a warranty of two years against manufacturing defects.',
  'You can contact support through the support chat on our website.',
  'Delivery takes 3 to 5 working days within the country.',
  'Gift cards are sold from $10 to $500 and never expire.',
  'The membership costs $20 a year and gives 10% off every order.',
  'You can rent tents, stoves and sleeping bags by the weekend.',
  'Our repair service fixes jackets, zips and seams in two weeks.',
  'Accepted payment methods: cards and PayPal.',
  'We price match any local shop on identical items.',
  'You can exchange sizes for free within 60 days, shoes included.',
  'There is free parking behind the store for two hours.',
  'Dogs on a leash are welcome inside.',
  'Climbing workshops run every Sunday at 10 am.',
  'Students get a 15% discount with a valid student card.',
  'We ship internationally to Canada and Mexico only.',
  'The camping stove uses butane cartridges.',
  'The sleeping bag keeps you warm down to -5 °C.',
];

const COMMAND_SUITE = `# yaml-language-server: $schema=${SCHEMA_URL}
# Your app under test, run as a command: each case's fields go in as JSON on stdin, the answer
# comes out as JSON on stdout. Replace app.mjs with your own app (any language) and cases.jsonl
# with real questions. Runs offline, with no API key.
# How big a change 20 cases can see: each run prints it ("catches a drop of N points or more").
# With 20 cases only big changes — several answers going wrong at once — are told apart from
# chance; add cases (or set a floor with \`min:\`) to catch smaller ones.
name: starter
flow:
  kind: command
  command: node app.mjs
  timeout: 10s
data: cases.jsonl
evaluators:
  - { metric: icontains, expected: "{{answer}}" }   # the reference answer appears
  - { metric: f1, expected: "{{answer}}" }          # word overlap with the reference
gate:
  icontains: { min: 0.8 }                           # at least 80% of the answers must contain it
`;

const PROMPT_SUITE = `# yaml-language-server: $schema=${SCHEMA_URL}
# A prompt sent to an OpenAI-compatible model. Needs OPENAI_API_KEY (the action's \`api-key\`);
# without it the suite is skipped with a note. Edit the messages and cases.jsonl.
name: starter
flow:
  kind: prompt
  model: gpt-4o-mini
  parameters: { temperature: 0, max_tokens: 100 }
  messages:
    - role: system
      content: |
        You answer questions about the Contoso Outdoors store in one short sentence, using only these facts:
${FACTS.map((fact) => `        - ${fact}`).join('\n')}
    - role: user
      content: "{{question}}"
data: cases.jsonl
evaluators:
  - { metric: icontains, expected: "{{answer}}" }
  - { metric: f1, expected: "{{answer}}" }
  - { metric: cost }
  - { metric: latency }
gate:
  latency: { gate: false }
`;

const CASES = [
  { id: 'opening-hours', question: 'When is the store open?', answer: '9 am to 6 pm' },
  { id: 'returns', question: 'How long do I have to return an item?', answer: '30 days' },
  { id: 'shipping', question: 'How much does shipping cost?', answer: 'free over $50' },
  { id: 'tent-warranty', question: 'What warranty do tents have?', answer: 'two years' },
  { id: 'contact', question: 'How can I contact support?', answer: 'support chat' },
  { id: 'delivery-time', question: 'How fast is delivery?', answer: '3 to 5 working days' },
  { id: 'gift-cards', question: 'Do you sell gift cards?', answer: 'from $10 to $500' },
  { id: 'membership', question: 'What does the membership cost?', answer: '$20 a year' },
  { id: 'rentals', question: 'Can I rent camping gear?', answer: 'rent tents' },
  { id: 'repairs', question: 'Do you repair jackets?', answer: 'repair service' },
  { id: 'payment', question: 'Which payment methods are accepted?', answer: 'cards and PayPal' },
  { id: 'price-match', question: 'Do you match prices?', answer: 'price match' },
  { id: 'exchange', question: 'Can I exchange shoes for another size?', answer: 'exchange sizes' },
  { id: 'parking', question: 'Is there parking at the store?', answer: 'free parking' },
  { id: 'pets', question: 'Are dogs allowed inside?', answer: 'dogs on a leash' },
  { id: 'workshops', question: 'Do you run climbing workshops?', answer: 'every Sunday' },
  { id: 'students', question: 'Is there a discount for students?', answer: '15%' },
  { id: 'international', question: 'Do you ship internationally?', answer: 'Canada and Mexico' },
  { id: 'stove-fuel', question: 'Which fuel does the camping stove use?', answer: 'butane' },
  { id: 'bag-rating', question: 'How warm is the sleeping bag?', answer: '-5 °C' },
];


const APP = `#!/usr/bin/env node
// A tiny FAQ app: the "system under test" of the starter suite. It reads one case as JSON on
// stdin and answers with the fact sharing the most words with the question, as JSON on stdout.
// Replace it with your own app: keep the protocol ({"output": "..."} on stdout).
import { readFileSync } from 'node:fs';

const facts = JSON.parse(readFileSync(new URL('./facts.json', import.meta.url), 'utf8'));
const words = (text) => new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
const { question = '' } = JSON.parse(readFileSync(0, 'utf8'));
const asked = words(question);
const shared = (fact) => [...words(fact)].filter((word) => asked.has(word) && word.length > 3).length;
const best = facts.reduce((top, fact) => (shared(fact) > shared(top) ? fact : top), facts[0]);
process.stdout.write(JSON.stringify({ output: best, context: facts.join('\\n') }));
`;

const jsonl = (rows: readonly object[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

/** The files `evalgate init` writes, by path relative to the project folder. */
export function scaffoldFiles(flow: StarterFlow, action = DEFAULT_ACTION): Record<string, string> {
  const suiteDir = 'evals/starter';
  const files: Record<string, string> = {
    [`${suiteDir}/starter.eval.yaml`]: flow === 'command' ? COMMAND_SUITE : PROMPT_SUITE,
    [`${suiteDir}/cases.jsonl`]: jsonl(CASES),
    '.github/workflows/evalgate.yml': workflow(action),
  };
  if (flow === 'command') {
    files[`${suiteDir}/app.mjs`] = APP;
    files[`${suiteDir}/facts.json`] = `${JSON.stringify(FACTS, null, 2)}\n`;
  }
  return files;
}
