/** Word-overlap and edit-distance algorithms behind `rouge-l`, `bleu`, `levenshtein` and `length`. */

/** Lowercased word tokens (punctuation dropped, articles kept: ROUGE and BLEU count them). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const tokenA of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = tokenA === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** ROUGE-L F1 (Lin 2004, β = 1) over word tokens. */
export function rougeL(candidate: string, reference: string): number {
  const c = words(candidate);
  const r = words(reference);
  const lcs = lcsLength(c, r);
  if (lcs === 0) return 0;
  const precision = lcs / c.length;
  const recall = lcs / r.length;
  return (2 * precision * recall) / (precision + recall);
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + n <= tokens.length; index += 1) {
    const gram = tokens.slice(index, index + n).join('\u0000');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Sentence BLEU-4 (Papineni et al. 2002) with clipped counts over all references, the closest
 * reference length for the brevity penalty, and Chen & Cherry's smoothing 1 (ε = 0.1 for an
 * n-gram order with no match), as NLTK's `SmoothingFunction().method1`.
 */
export function sentenceBleu(candidate: string, references: readonly string[], maxOrder = 4): number {
  const c = words(candidate);
  const refs = references.map(words);
  if (c.length === 0 || refs.length === 0) return 0;
  let logSum = 0;
  for (let n = 1; n <= maxOrder; n += 1) {
    const grams = ngrams(c, n);
    const total = Math.max(0, c.length - n + 1);
    if (total === 0) return 0;
    const refGrams = refs.map((ref) => ngrams(ref, n));
    let matched = 0;
    for (const [gram, count] of grams) matched += Math.min(count, Math.max(0, ...refGrams.map((ref) => ref.get(gram) ?? 0)));
    logSum += Math.log((matched || 0.1) / total) / maxOrder;
  }
  const closest = refs.map((ref) => ref.length).sort((a, b) => Math.abs(a - c.length) - Math.abs(b - c.length) || a - b)[0] ?? 0;
  const brevity = c.length > closest ? 1 : Math.exp(1 - closest / c.length);
  return brevity * Math.exp(logSum);
}

