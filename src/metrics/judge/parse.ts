/**
 * Reading a judge's answer, in the forms evaluator prompts ask for: JSON (`{"score": 4}`, or one
 * numeric field such as `{"groundedness": 4}`), a labelled score (`Score: 4`, `<score>4</score>`,
 * Azure's `<S2>4</S2>`, `4/5`), or a bare number. Never a guess: ambiguous text is undefined.
 */
export interface ParsedJudgement {
  score: number;
  reason?: string;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

const SCORE_KEYS = ['score', 'rating', 'Score', 'Rating', 'grade'];
const REASON_KEYS = ['reason', 'explanation', 'reasoning', 'Reason', 'Explanation'];
const asNumber = (raw: unknown) => (typeof raw === 'string' && raw.trim() ? Number(raw) : raw);

function scoreIn(value: Record<string, unknown>, min: number, max: number): number | undefined {
  for (const key of SCORE_KEYS) {
    const score = asNumber(value[key]);
    if (typeof score === 'number' && inRange(score, min, max)) return score;
  }
  const numeric = Object.values(value).map(asNumber).filter((item): item is number => typeof item === 'number' && inRange(item, min, max));
  return numeric.length === 1 ? numeric[0] : undefined;
}

/** The JSON object a judge answered: the whole text, a fenced block, or the first `{…}` in it. */
export function jsonObjectIn(text: string): Record<string, unknown> | undefined {
  const candidates = [text.trim(), /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1], /\{[\s\S]*\}/.exec(text)?.[0]];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const value = JSON.parse(candidate) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // not JSON: try the next form
    }
  }
  return undefined;
}

function fromJson(text: string, min: number, max: number): ParsedJudgement | undefined {
  const record = jsonObjectIn(text);
  if (!record) return undefined;
  const score = scoreIn(record, min, max);
  if (score === undefined) return undefined;
  const reason = REASON_KEYS.map((key) => record[key]).find((item) => typeof item === 'string');
  return { score, ...(typeof reason === 'string' ? { reason } : {}) };
}

const LABELLED = [
  /<score>\s*(\d+(?:\.\d+)?)\s*<\/score>/i,
  /<S2>\s*(\d+(?:\.\d+)?)\s*<\/S2>/i,
  /\b(?:score|rating|grade)\**\s*[:=]\s*\**\s*(\d+(?:\.\d+)?)(?:\s*\/\s*\d+)?/i,
  /\b(\d+(?:\.\d+)?)\s*\/\s*(?:5|7|10)\b/,
];

export function parseJudgement(text: string, min: number, max: number): ParsedJudgement | undefined {
  const json = fromJson(text, min, max);
  if (json) return json;
  const reason = /<S1>([\s\S]*?)<\/S1>/i.exec(text)?.[1]?.trim() ?? text.trim().slice(0, 500);
  for (const pattern of LABELLED) {
    const score = Number(pattern.exec(text)?.[1]);
    if (inRange(score, min, max)) return { score, reason };
  }
  const lone = [...text.matchAll(/(?<![\d.])(\d+)(?!\d|\.\d)/g)].map((match) => Number(match[1])).filter((value) => inRange(value, min, max));
  if (lone.length === 1 && lone[0] !== undefined) return { score: lone[0], ...(text.trim() === String(lone[0]) ? {} : { reason }) };
  return undefined;
}
