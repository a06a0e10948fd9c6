/** Reading a judge's answer: JSON first, then a tagged score, then a lone number in range. */
export interface ParsedJudgement {
  score: number;
  reason?: string;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

function fromJson(text: string, min: number, max: number): ParsedJudgement | undefined {
  const candidates = [text.trim(), /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1], /\{[\s\S]*\}/.exec(text)?.[0]];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const value = JSON.parse(candidate) as Record<string, unknown>;
      const raw = value.score ?? value.rating ?? value.Score;
      const score = typeof raw === 'string' ? Number(raw) : raw;
      if (typeof score === 'number' && inRange(score, min, max)) {
        const reason = value.reason ?? value.explanation ?? value.reasoning;
        return { score, ...(typeof reason === 'string' ? { reason } : {}) };
      }
    } catch {
      // not JSON: try the next form
    }
  }
  return undefined;
}

const TAGGED = [
  /<score>\s*(\d+(?:\.\d+)?)\s*<\/score>/i,
  /\b(?:score|rating|grade)\s*[:=]\s*\**\s*(\d+(?:\.\d+)?)(?:\s*\/\s*\d+)?/i,
  /\b(\d+(?:\.\d+)?)\s*\/\s*(?:5|7|10)\b/,
];

export function parseJudgement(text: string, min: number, max: number): ParsedJudgement | undefined {
  const json = fromJson(text, min, max);
  if (json) return json;
  for (const pattern of TAGGED) {
    const score = Number(pattern.exec(text)?.[1]);
    if (inRange(score, min, max)) return { score, reason: text.trim().slice(0, 500) };
  }
  const lone = [...text.matchAll(/(?<![\d.])(\d+)(?!\d|\.\d)/g)].map((match) => Number(match[1])).filter((value) => inRange(value, min, max));
  if (lone.length === 1 && lone[0] !== undefined) return { score: lone[0], reason: text.trim().slice(0, 500) };
  return undefined;
}
