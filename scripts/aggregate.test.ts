import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { povertyPeriod } from '../src/db/contracts';
import { buildIndicatorQuery } from '../src/query/indicators';
import { aggregate, parseAggregateArgs } from './aggregate';
import { generateDemo } from './generate-demo';
import { loadDataDir, openNative, rows } from './lib/native-db';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sasaran-aggregate-'));
  await generateDemo({ households: 5_000, seed: 3, out: join(dir, 'data') });
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run aggregate', () => {
  it('writes one row per kelurahan with names and indicators equal to the SQL, as CSV and Parquet', async () => {
    const indicators = ['poverty_rate', 'extreme_poor_households', 'kb_coverage'];
    const base = ['--data', join(dir, 'data'), '--level', 'kelurahan', '--indicators', indicators.join(',')];
    const csv = join(dir, 'kel.csv');
    const parquet = join(dir, 'kel.parquet');
    expect(await aggregate(parseAggregateArgs([...base, '--out', csv]))).toBe(267);
    expect(await aggregate(parseAggregateArgs([...base, '--out', parquet]))).toBe(267);

    const conn = await openNative();
    const p = povertyPeriod('2024-03');
    await loadDataDir(conn, join(dir, 'data'), { povertyLine: p.povertyLine, extremeLine: p.extremeLine });
    const want = new Map(
      (await rows(conn, buildIndicatorQuery({ level: 'kelurahan', indicators }))).map((r) => [r.code as string, r]),
    );
    for (const file of [csv, parquet]) {
      const got = await rows(conn, `SELECT * FROM '${file}' ORDER BY kelurahan_code`);
      expect(got).toHaveLength(267);
      expect(Object.keys(got[0]!)).toEqual(
        expect.arrayContaining(['kota_code', 'kota_name', 'kecamatan_name', 'kelurahan_code', 'kelurahan_name', 'poverty_rate', 'poverty_rate__suppressed']),
      );
      for (const r of got) {
        const w = want.get(r.kelurahan_code as string)!;
        expect(r.kelurahan_name).toBe(w.name);
        for (const id of indicators) {
          if (w[id] === null) expect(r[id], `${String(r.kelurahan_code)} ${id}`).toBeNull();
          else expect(r[id] as number).toBeCloseTo(w[id] as number, 9);
        }
      }
    }
  });

  it('says what is wrong with bad arguments', () => {
    expect(() => parseAggregateArgs(['--level', 'desa', '--out', 'x.csv'])).toThrow(/--level must be one of/);
    expect(() => parseAggregateArgs(['--out', 'x.txt'])).toThrow(/\.csv or \.parquet/);
    expect(() => parseAggregateArgs(['--out', 'x.csv', '--indicators', 'nope'])).toThrow(/unknown indicator/);
    expect(() => parseAggregateArgs(['--out', 'x.csv', '--min-cell', '0'])).toThrow(/min-cell/);
  });
});
