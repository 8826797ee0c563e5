/**
 * The only place SQL text is assembled from values. Identifiers must match a strict pattern
 * (they come from the contract whitelist); values become escaped literals.
 */

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Quotes a whitelisted identifier; throws on anything that is not a plain snake_case name. */
export function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not a safe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** A value that can become a SQL literal. */
export type SqlValue = string | number | boolean | null;

/** Renders a value as a SQL literal: strings quoted with '' escaping, numbers finite only. */
export function literal(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (value.includes('\u0000')) throw new Error('string literal contains NUL');
  return `'${value.replaceAll("'", "''")}'`;
}

/** Renders `(a, b, c)` of literals; an empty list is a programmer error. */
export function literalList(values: readonly SqlValue[]): string {
  if (values.length === 0) throw new Error('empty IN list');
  return `(${values.map(literal).join(', ')})`;
}

/** A positive integer literal (e.g. the minimum cell size); throws otherwise. */
export function positiveInt(value: number, what: string): string {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${what} must be a positive integer, got ${value}`);
  return String(value);
}
