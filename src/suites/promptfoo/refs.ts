import { isDict } from '../../core/dict.js';

type Path = (string | number)[];

/** A `$ref` that points nowhere (or in a circle), with where it was written. */
export class RefError extends Error {
  readonly path: Path;
  constructor(message: string, path: Path) {
    super(message);
    this.path = path;
  }
}

/** `#/a/b~1c/0` → the value at that JSON pointer in the document, or undefined. */
function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '#') return root;
  return pointer
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (Array.isArray(node) ? node[Number(key)] : isDict(node) ? node[key] : undefined), root);
}

/**
 * promptfoo's local references: every `{ $ref: '#/…' }` in the config is replaced by the value its
 * JSON pointer names (recursively; a reference into another file, a missing target or a cycle is an error).
 */
export function dereference(root: unknown): unknown {
  const walk = (node: unknown, path: Path, active: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index], active));
    if (!isDict(node)) return node;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      if (!ref.startsWith('#')) throw new RefError(`$ref ${JSON.stringify(ref)}: only references inside the config (#/…) are supported`, path);
      if (active.includes(ref)) throw new RefError(`$ref ${JSON.stringify(ref)} refers to itself`, path);
      const target = resolvePointer(root, ref);
      if (target === undefined) throw new RefError(`$ref ${JSON.stringify(ref)} points at nothing in the config`, path);
      return walk(target, path, [...active, ref]);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, [...path, key], active)]));
  };
  return walk(root, [], []);
}
