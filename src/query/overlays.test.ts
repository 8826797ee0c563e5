import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAreasSql } from './areas';
import { buildCubeSql } from './cube';
import { buildIndicatorQuery } from './indicators';
import { buildUpgradingOverlayQuery, buildUpgradingYearsQuery } from './overlays';
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

const GAP_LEAK = ['pmt_balita_gap', 'pmt_balita_gap_rate', 'pmt_balita_leakage_rate', 'kb_gap', 'kb_gap_rate', 'kb_coverage'];

async function rw1(minCell: number) {
  const sql = buildIndicatorQuery({ level: 'rw', indicators: GAP_LEAK, minCell, withParts: true, codes: [fx.rwCode(1)] });
  return (await rows(conn, sql))[0]!;
}

describe('gap and leakage on the hand-made fixture', () => {
  it('PMT balita in RW 1: 12 eligible toddlers, 7 reached, 5 leaked to desil 7 (k = 5)', async () => {
    const r = await rw1(5);
    expect(r.pmt_balita_gap).toBe(5); // 12 − 7, in 5 households: exactly k
    expect(r.pmt_balita_gap_rate).toBeCloseTo(5 / 12, 12);
    expect(r.pmt_balita_gap_rate__den).toBe(12);
    // Received: 7 eligible + 5 desil-7 toddlers = 12; leaked 5.
    expect(r.pmt_balita_leakage_rate).toBeCloseTo(5 / 12, 12);
    expect(r.pmt_balita_leakage_rate__num).toBe(5);
    expect(r.pmt_balita_leakage_rate__den).toBe(12);
  });

  it('KB in RW 1: 20 eligible PUS, 10 users, gap 10 (k = 10)', async () => {
    const r = await rw1(10);
    expect(r.kb_gap).toBe(10);
    expect(r.kb_gap_rate).toBeCloseTo(0.5, 12);
    expect(r.kb_coverage).toBeCloseTo(0.5, 12);
    // The PMT gap (5 households) and leakage (5 households) are below k = 10: hidden.
    expect(r.pmt_balita_gap).toBeNull();
    expect(r.pmt_balita_gap__suppressed).toBe(true);
    expect(r.pmt_balita_leakage_rate).toBeNull();
    expect(r.pmt_balita_leakage_rate__num).toBeNull();
  });

  it('sums gaps over the kelurahan: KB 180 eligible, 90 users', async () => {
    const [kel] = await rows(conn, buildIndicatorQuery({ level: 'kelurahan', indicators: GAP_LEAK, minCell: 10 }));
    expect(kel!.kb_gap).toBe(90);
    expect(kel!.kb_gap_rate).toBeCloseTo(0.5, 12);
  });
});

describe('settlement-upgrading overlay', () => {
  it('takes the latest step up to the year', async () => {
    expect(await rows(conn, buildUpgradingOverlayQuery({ year: 2022 }))).toEqual([
      { code: fx.rwCode(1), kumuh_level: 'berat', stage: 'cap', status: 'selesai', year: 2022 },
      { code: fx.rwCode(2), kumuh_level: 'sedang', stage: null, status: null, year: null },
      { code: fx.rwCode(3), kumuh_level: 'ringan', stage: 'cip', status: 'selesai', year: 2022 },
    ]);
    const all = await rows(conn, buildUpgradingOverlayQuery({ year: null }));
    expect(all.map((r) => [r.stage, r.status, r.year])).toEqual([
      ['cip', 'berjalan', 2023],
      ['cap', 'rencana', 2024],
      ['cip', 'selesai', 2022],
    ]);
  });

  it('filters by area and slum grade, lists years, refuses bad input', async () => {
    const berat = await rows(conn, buildUpgradingOverlayQuery({ year: null, filters: { kumuh: ['berat'], areas: ['31.71.01'] } }));
    expect(berat.map((r) => r.code)).toEqual([fx.rwCode(1)]);
    expect(await rows(conn, buildUpgradingOverlayQuery({ year: null, filters: { areas: ['31.72'] } }))).toEqual([]);
    expect((await rows(conn, buildUpgradingYearsQuery())).map((r) => r.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(() => buildUpgradingOverlayQuery({ year: 0 })).toThrow(/positive integer/);
    expect(() => buildUpgradingOverlayQuery({ year: null, filters: { areas: ['31; DROP TABLE rw'] } })).toThrow(/not an area code/);
  });
});
