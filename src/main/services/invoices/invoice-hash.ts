import { createHash } from 'node:crypto';

/**
 * The hash chain every issued document keeps from the start, ready for phase 2: each document's
 * hash is SHA-256 (base64) over its canonical form, which holds the previous document's hash.
 * The first document's previous hash is ZATCA's: base64 of the hex SHA-256 of "0".
 */
export const firstPreviousHash = 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==';

/** JSON with object keys sorted at every depth and no spaces: one text per document, whatever built it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function documentHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('base64');
}
