import type { Dict } from '../../core/dict.js';

/** What makes two asserts one metric: the same metric with the same pass mark and weight. */
const signature = (entry: Dict) => JSON.stringify([entry.metric, entry.threshold, entry.weight]);
const baseName = (entry: Dict) => String(entry.name ?? entry.metric);

/**
 * Names every translated assert so none collide: `defaultTest` asserts (the suite's evaluators)
 * and each test's asserts keep their `metric:` name (else their metric's), and a name already
 * taken by another assert of the same test — or, across tests, by an assert with another metric,
 * threshold or weight — gets `-2`, `-3`…. So two unnamed `defaultTest` asserts of one type, or a
 * promptfoo metric name shared by asserts with different thresholds, become metrics of their own,
 * each gated on its own (promptfoo reports each assert's pass too; its shared-name average is not kept).
 */
export function uniqueNames(suite: readonly Dict[], cases: readonly (readonly Dict[])[]): { suite: Dict[]; cases: Dict[][] } {
  const taken = new Set<string>();
  const named = suite.map((entry) => {
    let name = baseName(entry);
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${baseName(entry)}-${suffix}`;
    taken.add(name);
    return { ...entry, name };
  });
  const owners = new Map<string, string>();
  const perCase = cases.map((asserts) => {
    const used = new Set<string>();
    return asserts.map((entry) => {
      const base = baseName(entry);
      const own = signature(entry);
      let name = base;
      for (let suffix = 2; taken.has(name) || used.has(name) || (owners.has(name) && owners.get(name) !== own); suffix += 1) name = `${base}-${suffix}`;
      used.add(name);
      owners.set(name, own);
      return { ...entry, name };
    });
  });
  return { suite: named, cases: perCase };
}
