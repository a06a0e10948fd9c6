/**
 * npm run bench:templates — CPU of rendering the same Contoso-style prompt over many cases as a
 * `kind: prompty` flow and as a `kind: prompt` flow (target: prompty / prompt ≤ 1.1), and the
 * shared engine's renders per second. The model client answers instantly, so only EvalGate's
 * own work (rendering, role splitting, escaping, request building) is measured.
 */
import type { PromptFlowSpec } from '../src/flows/kinds/prompt.js';
import { promptKind } from '../src/flows/kinds/prompt.js';
import type { PromptyFlowSpec } from '../src/flows/kinds/prompty.js';
import { promptyKind } from '../src/flows/kinds/prompty.js';
import { renderTemplate } from '../src/core/template/engine.js';
import type { ModelClient } from '../src/model/types.js';
import { readPromptySpec } from '../src/prompty/load.js';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const ROUNDS = 9;

const SYSTEM = `You are an AI assistant helping {{ customer.firstName }} {{ customer.lastName }}. Be {{ tone }}.
# Documentation
{% for item in documentation %}
- {{ item.title }}: {{ item.content }}
{% endfor %}
# Previous orders
{% for order in customer.orders %}{{ order.name }} ({{ order.date }}){% if not loop.last %}, {% endif %}{% endfor %}`;
const USER = '{{ question }}';

const PROMPTY = `---
model: { id: gpt-4o-mini, options: { temperature: 0.2, maxOutputTokens: 300 } }
inputs:
  - { name: tone, kind: string, default: friendly }
  - { name: customer, kind: object }
  - { name: documentation, kind: array }
  - { name: question, kind: string }
---
system:
${SYSTEM}

user:
${USER}
`;

const client: ModelClient = {
  chat: async () => ({ text: 'ok', model: 'gpt-4o-mini', usage: { prompt: 1, completion: 1, cached: 0, reasoning: 0 }, latencyMs: 0 }),
  embed: async () => ({ vectors: [], usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, model: 'x' }),
  moderate: async () => ({ flagged: false, categories: {}, scores: {}, model: 'x' }),
};

const cases = Array.from({ length: CASES }, (_, index) => ({
  tone: 'friendly',
  customer: { firstName: `Ana${index}`, lastName: 'Silva', orders: [{ name: 'TrailMaster tent', date: '2026-01-02' }, { name: 'Alpine boots', date: '2026-03-04' }] },
  documentation: [
    { title: 'TrailMaster', content: `Sleeps ${index % 6} people. Waterproof to 3000 mm.` },
    { title: 'Alpine boots', content: 'Gore-Tex lining; resoleable.' },
    { title: 'Returns', content: 'Within 30 days with a receipt.' },
  ],
  question: `Case ${index}: how many people fit in the TrailMaster tent?`,
}));

const promptSpec: PromptFlowSpec = { kind: 'prompt', model: 'gpt-4o-mini', messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: USER }], parameters: { temperature: 0.2, max_completion_tokens: 300 }, stream: false };
const prompt = readPromptySpec(PROMPTY, 'bench.prompty', {});
const promptySpec: PromptyFlowSpec = { kind: 'prompty', file: 'bench.prompty', prompt, model: 'gpt-4o-mini', parameters: prompt.parameters, stream: false };

const signal = new AbortController().signal;
const context = { dir: '.', client };
const flows = { prompt: promptKind.create(promptSpec, context), prompty: promptyKind.create(promptySpec, context) };

async function cpuMs(flow: (typeof flows)['prompt']): Promise<number> {
  const started = process.cpuUsage();
  for (const vars of cases) await flow.invoke(vars, signal);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

await cpuMs(flows.prompt);
await cpuMs(flows.prompty);
const ratios: number[] = [];
const times = { prompt: [] as number[], prompty: [] as number[] };
for (let round = 0; round < ROUNDS; round += 1) {
  const promptMs = await cpuMs(flows.prompt);
  const promptyMs = await cpuMs(flows.prompty);
  times.prompt.push(promptMs);
  times.prompty.push(promptyMs);
  ratios.push(promptyMs / promptMs);
}

const engineStarted = process.cpuUsage();
for (const vars of cases) renderTemplate(SYSTEM, vars);
const engineUsed = process.cpuUsage(engineStarted);
const rendersPerSecond = CASES / ((engineUsed.user + engineUsed.system) / 1e6);

console.log(`cases: ${CASES}, rounds: ${ROUNDS} (median)`);
console.log(`prompt flow:  ${median(times.prompt).toFixed(0)} ms CPU (${((median(times.prompt) * 1000) / CASES).toFixed(1)} µs/case)`);
console.log(`prompty flow: ${median(times.prompty).toFixed(0)} ms CPU (${((median(times.prompty) * 1000) / CASES).toFixed(1)} µs/case)`);
console.log(`CPU ratio prompty / prompt: ${median(ratios).toFixed(3)} (target ≤ 1.1)`);
console.log(`engine: ${Math.round(rendersPerSecond).toLocaleString('en')} renders/s of the system template`);
