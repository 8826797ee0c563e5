import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractTables } from './contract-doc';

describe('data/README.md', () => {
  it('contains the contract tables exactly as the TypeScript contract prints them', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'data', 'README.md'), 'utf8');
    for (const [name, table] of Object.entries(contractTables())) {
      expect(readme.includes(table), `table ${name} differs: run npx tsx scripts/contract-doc.ts`).toBe(true);
    }
  });
});
