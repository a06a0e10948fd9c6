import { PromptyError } from './errors.js';
import type { Dict } from '../core/dict.js';
import { isDict } from '../core/dict.js';

/**
 * Prompty's Property (spec §2.7) in both shapes: the v2 list (`- { name, kind, default }`) and
 * the dict form (`name: { kind | type, default }`, or a bare scalar meaning its default), and
 * its JSON Schema projection for structured output and function tools (§7.1.4).
 */
export interface PromptyProperty {
  name: string;
  kind: string;
  required: boolean;
  description?: string;
  /** Present only when the file declares a default. */
  default?: unknown;
  hasDefault: boolean;
  enumValues?: unknown[];
  items?: PromptyProperty;
  properties?: PromptyProperty[];
}


const PROPERTY_KEYS = ['kind', 'type', 'default', 'description', 'required', 'sample', 'example', 'enumValues', 'items', 'properties'];
const KIND_ALIASES: Record<string, string> = { number: 'float', list: 'array', dict: 'object', str: 'string', int: 'integer', bool: 'boolean' };

function inferKind(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
  if (typeof value === 'boolean') return 'boolean';
  return Array.isArray(value) ? 'array' : 'object';
}

function property(name: string, entry: unknown): PromptyProperty {
  if (!isDict(entry) || !PROPERTY_KEYS.some((key) => key in entry)) return { name, kind: inferKind(entry), required: false, default: entry, hasDefault: true };
  const written = typeof entry.kind === 'string' ? entry.kind : typeof entry.type === 'string' ? entry.type : undefined;
  const kind = written ? (KIND_ALIASES[written] ?? written) : 'default' in entry ? inferKind(entry.default) : 'string';
  const items = isDict(entry.items) ? property(`${name}[]`, entry.items) : undefined;
  const properties = entry.properties === undefined ? undefined : readProperties(entry.properties, name);
  return {
    name,
    kind,
    required: entry.required === true,
    hasDefault: 'default' in entry,
    ...('default' in entry ? { default: entry.default } : {}),
    ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
    ...(Array.isArray(entry.enumValues) ? { enumValues: entry.enumValues } : {}),
    ...(items ? { items } : {}),
    ...(properties ? { properties } : {}),
  };
}

/** `inputs` / `outputs` / tool parameters in list, `{ properties: [...] }` or dict form. */
export function readProperties(value: unknown, where: string): PromptyProperty[] {
  if (value === undefined || value === null) return [];
  const list = isDict(value) && Array.isArray(value.properties) ? value.properties : value;
  if (Array.isArray(list)) {
    return list.map((entry, index) => {
      if (!isDict(entry) || typeof entry.name !== 'string') throw new PromptyError(`${where}[${index}] needs a \`name\``);
      return property(entry.name, entry);
    });
  }
  if (isDict(list)) return Object.entries(list).map(([name, entry]) => property(name, entry));
  throw new PromptyError(`${where} must be a list of properties or a mapping`);
}

const JSON_TYPES: Record<string, string> = { string: 'string', integer: 'integer', float: 'number', boolean: 'boolean', array: 'array', object: 'object' };

/** OpenAI strict mode: every property required, optional ones nullable, no extra keys (spec §7.1.4). */
function propertySchema(prop: PromptyProperty, strict: boolean): Dict {
  const type = JSON_TYPES[prop.kind];
  if (!type) throw new PromptyError(`property "${prop.name}" has kind "${prop.kind}", which has no JSON Schema type`, undefined, `use one of ${Object.keys(JSON_TYPES).join(', ')}`);
  return {
    type: strict && !prop.required ? [type, 'null'] : type,
    ...(prop.description ? { description: prop.description } : {}),
    ...(prop.enumValues ? { enum: prop.enumValues } : {}),
    ...(prop.items ? { items: propertySchema(prop.items, strict) } : {}),
    ...(prop.properties ? objectSchema(prop.properties, strict) : {}),
  };
}

function objectSchema(properties: readonly PromptyProperty[], strict: boolean): Dict {
  const required = properties.filter((prop) => strict || prop.required).map((prop) => prop.name);
  return {
    properties: Object.fromEntries(properties.map((prop) => [prop.name, propertySchema(prop, strict)])),
    ...(required.length ? { required } : {}),
    ...(strict ? { additionalProperties: false } : {}),
  };
}

/** A property list as a JSON Schema object (spec §7.1.4); `strict` for OpenAI strict mode. */
export function schemaOf(properties: readonly PromptyProperty[], strict = false): Dict {
  return { type: 'object', ...objectSchema(properties, strict) };
}
