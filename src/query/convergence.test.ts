import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEVELS } from '../db/contracts/areas';
import { buildAreasSql } from './areas';
import { CONVERGENCE_INDICATORS, CONVERGENCE_MEASURES, buildCombinationsQuery } from './convergence';
import { buildCubeSql } from './cube';
import { buildCountsQuery, buildIndicatorQuery } from './indicators';
import * as fx from '../../test/fixtures/overlay-jakarta';
import { referenceIndicators } from '../../test/reference/indicators';
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

describe('convergence measures on the hand-made fixture', () => {
  it('counts desil-1 households by the number of programs reaching them', async () => {
    const sql = buildCountsQuery({ level: 'rw', measures: [...CONVERGENCE_MEASURES, 'desil1_hh'], minCell: 1, codes: [fx.rwCode(1), fx.rwCode(9)] });
    const got = new Map((await rows(conn, sql)).map((r) => [r.code as string, r]));
    // RW 9: {kb, klj} 2, {kb} 2, {klj} 6, none 8 (a desil-1 elderly eligible for PMT lansia
    // without receiving it is not reached by it).
    expect(got.get(fx.rwCode(9))).toMatchObject({ d1_reached_0_hh: 8, d1_reached_1_hh: 8, d1_reached_2plus_hh: 2, desil1_hh: 18 });
    // RW 1: both desil-1 households use KB and nothing else.
    expect(got.get(fx.rwCode(1))).toMatchObject({ d1_reached_0_hh: 0, d1_reached_1_hh: 2, d1_reached_2plus_hh: 0 });
  });

  it('gives the convergence indicators with the minimum cell size', async () => {
    const ids = [...CONVERGENCE_INDICATORS];
    const at = async (k: number) =>
      (await rows(conn, buildIndicatorQuery({ level: 'rw', indicators: ids, minCell: k, codes: [fx.rwCode(9)] })))[0]!;
    const k1 = await at(1);
    expect(k1.desil1_unreached_share).toBeCloseTo(8 / 18, 12);
    expect(k1.desil1_one_program_share).toBeCloseTo(8 / 18, 12);
    expect(k1.desil1_multi_program_share).toBeCloseTo(2 / 18, 12);
    expect(k1.desil1_unreached_households).toBe(8);
    const k5 = await at(5);
    expect(k5.desil1_unreached_share).toBeCloseTo(8 / 18, 12);
    expect(k5.desil1_multi_program_share).toBeNull(); // 2 < 5
    expect(k5.desil1_multi_program_share__suppressed).toBe(true);
    const k10 = await at(10);
    expect(k10.desil1_unreached_households).toBeNull(); // 8 < 10
    // Kelurahan: desil-1 households are the first 2·i of RW i and KB users the first REACHED[i],
    // so RWs 5, 6, 8 leave 10 − 8, 12 − 2, 16 − 6 unreached; with RW 9's 8: 30 of 90.
    const [kel] = await rows(conn, buildIndicatorQuery({ level: 'kelurahan', indicators: ids, minCell: 1 }));
    expect(kel!.desil1_unreached_share).toBeCloseTo(30 / 90, 12);
  });

  for (const level of LEVELS) {
    it(`equals the independent computation at ${level}`, async () => {
      for (const k of [1, 5, 10]) {
        const got = await rows(conn, buildIndicatorQuery({ level, indicators: [...CONVERGENCE_INDICATORS], minCell: k }));
        const want = referenceIndicators(fx.households, fx.rw, fx.kelurahan, fx.upgrading, { level, ...fx.LINES, minCell: k });
        expect(got.map((r) => r.code)).toEqual([...want.keys()]);
        for (const row of got) {
          for (const id of CONVERGENCE_INDICATORS) {
            const w = want.get(row.code as string)![id];
            if (w === null || w === undefined) expect(row[id], `${String(row.code)} ${id} k=${k}`).toBeNull();
            else expect(row[id] as number, `${String(row.code)} ${id} k=${k}`).toBeCloseTo(w, 12);
          }
        }
      }
    });
  }
});

describe('program combinations of desil-1 households', () => {
  const combos = async (minCell: number) =>
    rows(conn, buildCombinationsQuery({ params: fx.LINES, filters: { areas: [fx.rwCode(9)] }, minCell }));

  it('lists every combination when k = 1', async () => {
    expect(await combos(1)).toEqual([
      { programs: '', n_programs: 0, households: 8, suppressed: false },
      { programs: 'klj', n_programs: 1, households: 6, suppressed: false },
      { programs: 'kb', n_programs: 1, households: 2, suppressed: false },
      { programs: 'kb+klj', n_programs: 2, households: 2, suppressed: false },
    ]);
  });

  it('merges small combinations into "other" (k = 3)', async () => {
    expect(await combos(3)).toEqual([
      { programs: '', n_programs: 0, households: 8, suppressed: false },
      { programs: 'klj', n_programs: 1, households: 6, suppressed: false },
      { programs: null, n_programs: null, households: 4, suppressed: false },
    ]);
  });

  it('adds the smallest shown combination when "other" is still small (k = 5)', async () => {
    // Other = 2 + 2 = 4 < 5, so {klj} (6) joins it: 10. Only "none" (8) stays on its own.
    expect(await combos(5)).toEqual([
      { programs: null, n_programs: null, households: 10, suppressed: false },
      { programs: '', n_programs: 0, households: 8, suppressed: false },
    ]);
  });

  it('filters by area and KTP, and EXPLAINs with every filter', async () => {
    const all = await rows(conn, buildCombinationsQuery({ params: fx.LINES, minCell: 1 }));
    // 90 desil-1 households in the kelurahan: 30 none (see above), 6 KLJ only, 2 KB + KLJ, 52 KB only.
    expect(all.map((r) => [r.programs, r.households])).toEqual([['kb', 52], ['', 30], ['klj', 6], ['kb+klj', 2]]);
    const noKtp = await rows(conn, buildCombinationsQuery({ params: fx.LINES, filters: { ktp: 'no' }, minCell: 1 }));
    expect(noKtp).toEqual([]);
    const sql = buildCombinationsQuery({ params: fx.LINES, filters: { areas: ['31.71', fx.rwCode(2)], kumuh: ['berat'], ktp: 'yes' } });
    await expect(conn.run(`EXPLAIN ${sql}`)).resolves.toBeDefined();
    expect(() => buildCombinationsQuery({ params: fx.LINES, filters: { areas: ["x' OR 1=1"] } })).toThrow(/not an area code/);
  });
});
