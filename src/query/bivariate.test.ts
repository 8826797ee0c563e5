import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEVELS } from '../db/contracts/areas';
import { buildAreasSql } from './areas';
import { buildBivariateQuery } from './bivariate';
import { buildCubeSql } from './cube';
import * as fx from '../../test/fixtures/overlay-jakarta';
import { loadContractTables, openNative, rows } from '../../scripts/lib/native-db';

let conn: DuckDBConnection;

beforeAll(async () => {
  conn = await openNative();
  await loadContractTables(conn, {
    households: fx.households as unknown as Record<string, unknown>[],
    rw: fx.rw,
    kelurahan: fx.kelurahan,
    upgrading: fx.upgrading as unknown as Record<string, unknown>[],
  });
  await conn.run(buildAreasSql());
  await conn.run(buildCubeSql(fx.LINES));
});

async function bivariate(minCell: number) {
  const sql = buildBivariateQuery({ level: 'rw', need: 'desil1_share', coverage: 'kb_coverage', minCell });
  return new Map((await rows(conn, sql)).map((r) => [r.code as string, r]));
}

describe('bivariate classes on the hand-made fixture', () => {
  it('cuts each axis into terciles and classes every RW (k = 1)', async () => {
    const got = await bivariate(1);
    // Need: RW 1 = 2/25, RW i = i/10 otherwise. Sorted .08 .2 .3 .4 … .9: quantile_cont at 1/3 sits
    // between the 3rd and 4th value (.3 + 2/3 · .1), at 2/3 between the 6th and 7th (.6 + 1/3 · .1).
    const r1 = got.get(fx.rwCode(1))!;
    expect(r1.need).toBeCloseTo(2 / 25, 12);
    expect(r1.need_t1).toBeCloseTo(0.3 + (2 / 3) * 0.1, 12);
    expect(r1.need_t2).toBeCloseTo(0.6 + (1 / 3) * 0.1, 12);
    // Coverage .5 .9 .6 .8 .4 .1 .7 .3 .2: sorted .1 … .9, the same bounds.
    expect(r1.coverage_t1).toBeCloseTo(0.3 + (2 / 3) * 0.1, 12);
    expect(r1.coverage_t2).toBeCloseTo(0.6 + (1 / 3) * 0.1, 12);
    const classes = [...got.values()].map((r) => [r.need_class, r.coverage_class]);
    expect(classes).toEqual([
      [0, 1], // RW 1: need .08, coverage .5
      [0, 2], // RW 2: .2, .9
      [0, 1], // RW 3: .3, .6
      [1, 2], // RW 4: .4, .8
      [1, 1], // RW 5: .5, .4
      [1, 0], // RW 6: .6, .1
      [2, 2], // RW 7: .7, .7
      [2, 0], // RW 8: .8, .3
      [2, 0], // RW 9: .9, .2
    ]);
  });

  it('ranks the high-need, low-coverage RWs by need, highest first', async () => {
    const got = await bivariate(1);
    const ranked = [...got.values()]
      .filter((r) => r.hnlc_rank !== null)
      .sort((a, b) => (a.hnlc_rank as number) - (b.hnlc_rank as number))
      .map((r) => r.code);
    // RW 9 (need .9, coverage .2) before RW 8 (need .8, coverage .3); RW 6 is only middle need.
    expect(ranked).toEqual([fx.rwCode(9), fx.rwCode(8)]);
  });

  it('leaves suppressed areas out of the terciles and the ranking (k = 10)', async () => {
    const got = await bivariate(10);
    // Desil-1 counts 2·i are below 10 for RW 1–4; KB users are below 10 in RW 5, 6, 8, 9.
    // Only RW 7 (14 desil-1 households, 14 KB users) has both values.
    const shown = [...got.values()].filter((r) => r.need_class !== null).map((r) => r.code);
    expect(shown).toEqual([fx.rwCode(7)]);
    const r7 = got.get(fx.rwCode(7))!;
    expect(r7.need_t1).toBeCloseTo(0.7, 12);
    expect(r7.need_t2).toBeCloseTo(0.7, 12);
    expect([r7.need_class, r7.coverage_class]).toEqual([0, 0]);
    const r9 = got.get(fx.rwCode(9))!;
    expect(r9.suppressed).toBe(true);
    expect(r9.coverage).toBeNull();
    expect(r9.need).toBeCloseTo(0.9, 12);
    expect(r9.need_class).toBeNull();
    expect([...got.values()].every((r) => r.hnlc_rank === null)).toBe(true);
  });

  it('aggregates before classing at the kelurahan level', async () => {
    const sql = buildBivariateQuery({ level: 'kelurahan', need: 'desil1_share', coverage: 'kb_coverage', minCell: 10 });
    const [row] = await rows(conn, sql);
    // 90 desil-1 of 185 households; 90 KB users of 180 PUS.
    expect(row!.need).toBeCloseTo(90 / 185, 12);
    expect(row!.coverage).toBeCloseTo(90 / 180, 12);
    expect([row!.need_class, row!.coverage_class]).toEqual([0, 0]);
  });

  for (const level of LEVELS) {
    it(`EXPLAINs at ${level} with filters`, async () => {
      const sql = buildBivariateQuery({
        level,
        need: 'extreme_poverty_rate',
        coverage: 'pmt_balita_coverage',
        filters: { areas: ['31.71'], kumuh: ['berat'], ktp: 'yes' },
      });
      await expect(conn.run(`EXPLAIN ${sql}`)).resolves.toBeDefined();
    });
  }

  it('refuses the same indicator on both axes and unknown ids', () => {
    expect(() => buildBivariateQuery({ level: 'rw', need: 'kb_coverage', coverage: 'kb_coverage' })).toThrow(/different/);
    expect(() => buildBivariateQuery({ level: 'rw', need: 'nope', coverage: 'kb_coverage' })).toThrow(/unknown indicator/);
  });
});
