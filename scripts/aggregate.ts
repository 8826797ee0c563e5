/**
 * Batch aggregation on native DuckDB with the same SQL the browser runs:
 *   npm run aggregate -- --data DIR --level rw --out FILE.csv|.parquet
 *     [--period 2024-03] [--min-cell 10] [--indicators id,id] [--kota 31.71] [--ktp all|yes|no]
 * One row per area: its code, the codes and names of it and its parents, one column per
 * indicator (NULL when suppressed) and a `<id>__suppressed` flag.
 */
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LEVELS, type Level } from '../src/db/contracts/areas';
import { POVERTY_PERIODS, DEFAULT_PERIOD_ID } from '../src/db/contracts/parameters';
import { buildAreaNamesSql } from '../src/query/areas';
import { INDICATOR_IDS, isIndicatorId } from '../src/query/catalogue';
import { buildIndicatorQuery, DEFAULT_MIN_CELL } from '../src/query/indicators';
import { literal } from '../src/query/sql';
import { loadDataDir, openNative } from './lib/native-db';

/** Parsed command line of the aggregate CLI. */
export interface AggregateArgs {
  data: string;
  level: Level;
  out: string;
  period: string;
  minCell: number;
  indicators: string[];
  areas: string[];
  ktp: 'all' | 'yes' | 'no';
}

/** Parses and validates argv; throws an Error with a usage hint on bad input. */
export function parseAggregateArgs(argv: string[]): AggregateArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: 'data/demo' },
      level: { type: 'string', default: 'rw' },
      out: { type: 'string' },
      period: { type: 'string', default: DEFAULT_PERIOD_ID },
      'min-cell': { type: 'string', default: String(DEFAULT_MIN_CELL) },
      indicators: { type: 'string' },
      area: { type: 'string', multiple: true },
      ktp: { type: 'string', default: 'all' },
    },
  });
  const level = values.level as Level;
  if (!LEVELS.includes(level)) throw new Error(`--level must be one of ${LEVELS.join(', ')}, got ${values.level}`);
  if (!values.out) throw new Error('--out FILE.csv or FILE.parquet is required');
  const ext = extname(values.out).toLowerCase();
  if (ext !== '.csv' && ext !== '.parquet') throw new Error(`--out must end in .csv or .parquet, got ${values.out}`);
  if (!POVERTY_PERIODS.some((p) => p.id === values.period)) {
    throw new Error(`--period must be one of ${POVERTY_PERIODS.map((p) => p.id).join(', ')}`);
  }
  const minCell = Number(values['min-cell']);
  if (!Number.isInteger(minCell) || minCell < 1) throw new Error('--min-cell must be a whole number ≥ 1');
  const indicators = values.indicators ? values.indicators.split(',').map((s) => s.trim()) : [...INDICATOR_IDS];
  const unknown = indicators.filter((i) => !isIndicatorId(i));
  if (unknown.length > 0) throw new Error(`unknown indicator(s): ${unknown.join(', ')}`);
  const ktp = values.ktp as AggregateArgs['ktp'];
  if (!['all', 'yes', 'no'].includes(ktp)) throw new Error('--ktp must be all, yes or no');
  return {
    data: resolve(values.data),
    level,
    out: resolve(values.out),
    period: values.period,
    minCell,
    indicators,
    areas: values.area ?? [],
    ktp,
  };
}

/** Runs the aggregation and writes the file; returns the number of rows written. */
export async function aggregate(args: AggregateArgs): Promise<number> {
  const period = POVERTY_PERIODS.find((p) => p.id === args.period)!;
  const conn = await openNative();
  await loadDataDir(conn, args.data, { povertyLine: period.povertyLine, extremeLine: period.extremeLine });
  const query = buildIndicatorQuery({
    level: args.level,
    indicators: args.indicators,
    filters: { areas: args.areas, ktp: args.ktp },
    minCell: args.minCell,
  });
  const values = args.indicators.flatMap((id) => [`q."${id}"`, `q."${id}__suppressed"`]).join(', ');
  const select = `SELECT n.*, ${values} FROM (${buildAreaNamesSql(args.level)}) n JOIN (${query}) q ON q.code = n.${args.level}_code ORDER BY q.code`;
  const format = args.out.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv';
  await conn.run(`COPY (${select}) TO ${literal(args.out)} (FORMAT ${format}${format === 'csv' ? ', HEADER true' : ''})`);
  const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM (${select})`);
  return Number(count.getRowObjects()[0]?.n ?? 0);
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  try {
    const args = parseAggregateArgs(process.argv.slice(2));
    const started = performance.now();
    const n = await aggregate(args);
    console.log(`wrote ${n} ${args.level} rows × ${args.indicators.length} indicators to ${args.out} in ${Math.round(performance.now() - started)} ms`);
  } catch (err) {
    console.error(`aggregate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
