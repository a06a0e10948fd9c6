/** Levenshtein distance over code points (two rows). */
export function levenshtein(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (left[i - 1] === right[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[right.length] as number;
}

/** The closest known name, for "did you mean" hints; undefined when nothing is close. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const [best] = known.map((candidate) => ({ candidate, distance: levenshtein(name, candidate) })).sort((x, y) => x.distance - y.distance);
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.candidate : undefined;
}
