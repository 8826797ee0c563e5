/**
 * Prints the column tables of data/README.md from the TypeScript contract, so the prose and the
 * types cannot drift: `npx tsx scripts/contract-doc.ts` (a test checks the README contains them).
 */
import {
  HOUSEHOLD_COLUMNS,
  KELURAHAN_COLUMNS,
  RW_COLUMNS,
  UPGRADING_COLUMNS,
  type ColumnSpec,
} from '../src/db/contracts';

/** Markdown table of a contract table's columns. */
export function columnTable(columns: readonly ColumnSpec[]): string {
  const rows = columns.map((c) => {
    const allowed = c.values
      ? c.values.map((v) => `\`${v}\``).join(' \\| ')
      : c.range
        ? `${c.range[0]}–${c.range[1]}`
        : '';
    const req = c.optional ? 'optional' : 'required';
    return `| \`${c.name}\` | ${c.type} | ${c.unit} | ${allowed} | ${req}${c.nullable ? ', may be NULL' : ''} |`;
  });
  return ['| column | type | unit / meaning | allowed | presence |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** All four tables, as they appear in data/README.md. */
export function contractTables(): Record<string, string> {
  return {
    kelurahan: columnTable(KELURAHAN_COLUMNS),
    rw: columnTable(RW_COLUMNS),
    households: columnTable(HOUSEHOLD_COLUMNS),
    settlement_upgrading: columnTable(UPGRADING_COLUMNS),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [name, table] of Object.entries(contractTables())) console.log(`### ${name}\n\n${table}\n`);
}
