export type Dict = Record<string, unknown>;

/** A plain mapping (not null, not an array). */
export const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);
