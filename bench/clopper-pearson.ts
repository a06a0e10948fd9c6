import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';

/** 95 % Clopper–Pearson interval of `successes` in `trials`, in percent, by bisection on the binomial tails. */
export function clopperPearson(successes: number, trials: number): [number, number] {
  if (trials === 0) return [0, 100];
  const solve = (tail: (p: number) => number) => {
    let low = 0;
    let high = 1;
    for (let step = 0; step < 50; step += 1) {
      const middle = (low + high) / 2;
      if (tail(middle) < 0.025) low = middle;
      else high = middle;
    }
    return (low + high) / 2;
  };
  // Lower: P(X ≥ x | p) = 0.025 (increasing in p); upper: P(X ≤ x | p) = 0.025 (decreasing in p).
  const lower = successes === 0 ? 0 : solve((p) => 1 - binomialCdf(successes - 1, trials, p));
  const upper = successes === trials ? 1 : 1 - solve((p) => binomialCdf(successes, trials, 1 - p));
  return [lower * 100, upper * 100];
}

export const interval = (successes: number, trials: number) => {
  const [low, high] = clopperPearson(successes, trials);
  return `${((successes / Math.max(1, trials)) * 100).toFixed(1)}% [${low.toFixed(1)}, ${high.toFixed(1)}]`;
};
