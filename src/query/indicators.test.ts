import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEVELS, type KumuhLevel, type Level } from '../db/contracts/areas';
import { buildAreasSql } from './areas';
import { INDICATORS, INDICATOR_IDS, unknownMeasures } from './catalogue';
import { buildCubeSql } from './cube';
import { buildCountsQuery, buildIndicatorQuery, type Filters } from './indicators';
import * as fx from '../../test/fixtures/tiny-jakarta';
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

async function run(
  level: Level,
  filters: Filters = {},
  minCell = 10,
  upgradingYear: number | null = null,
) {
  const sql = buildIndicatorQuery({
    level,
    indicators: INDICATOR_IDS,
    filters,
    minCell,
    upgradingYear,
  });
  return new Map((await rows(conn, sql)).map((r) => [r.code as string, r]));
}

describe('catalogue', () => {
  it('refers only to measures that exist', () => {
    expect(unknownMeasures()).toEqual([]);
  });

  it('has unique snake_case ids and both languages', () => {
    expect(new Set(INDICATOR_IDS).size).toBe(INDICATOR_IDS.length);
    for (const i of INDICATORS) {
      expect(i.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(i.label.id.length).toBeGreaterThan(2);
      expect(i.label.en.length).toBeGreaterThan(2);
      expect(i.description.id).not.toEqual(i.description.en);
    }
  });
});

describe('indicator SQL on the hand-made fixture', () => {
  it('counts and rates worked out by hand (k = 10)', async () => {
    const rwRows = await run('rw');
    const a = rwRows.get(fx.RW_A)!;
    // 4 extreme-poor households: 0 < 4 < 10, suppressed with a flag.
    expect(a.extreme_poor_households).toBeNull();
    expect(a.extreme_poor_households__suppressed).toBe(true);
    // RW B has 5 households in all: every household number is suppressed.
    const b = rwRows.get(fx.RW_B)!;
    expect(b.poor_households).toBeNull();
    expect(b.poverty_rate).toBeNull();
    // RW C: 10 poor households of 4 people over a population of 500.
    const c = rwRows.get(fx.RW_C)!;
    expect(c.poor_households).toBe(10);
    expect(c.poverty_rate).toBeCloseTo(40 / 500, 12);
    // RW C: 10 of 20 registry households use river water.
    expect(c.unsafe_water_rate).toBeCloseTo(0.5, 12);
    // RW C validation: 10 of 20 visited, 6 valid and 4 moved of the 10 visited.
    expect(c.validation_progress).toBeCloseTo(0.5, 12);
    // 4 "moved" households: a count below 10, so the share is suppressed.
    expect(c.validation_moved_share).toBeNull();
    // RW D: none poor is 0, not suppressed; KLJ reaches 12 of 15 elderly.
    const d = rwRows.get(fx.RW_D)!;
    expect(d.poor_households).toBe(0);
    expect(d.poor_households__suppressed).toBe(false);
    expect(d.klj_coverage).toBeCloseTo(12 / 15, 12);
    expect(d.klj_gap).toBeNull(); // 3 households unreached: below 10
    expect(d.kumuh_rw).toBe(0);
    expect(d.upgrading_coverage).toBeNull();
  });

  it('aggregates parts, not rates, up the hierarchy (k = 10)', async () => {
    const kel = await run('kelurahan');
    // Gambir = RW A + RW B: 4 + 3 + 5 = 12 poor households; people 20 + 12 + 10 = 42 of 700.
    const gambir = kel.get('31.71.01.1001')!;
    expect(gambir.poor_households).toBe(12);
    expect(gambir.poverty_rate).toBeCloseTo(42 / 700, 12);
    expect(gambir.extreme_poor_households).toBeNull(); // 4 + 5 = 9 < 10
    expect(gambir.kumuh_rw).toBe(1);
    expect(gambir.upgrading_coverage).toBe(1);
    const kec = (await run('kecamatan')).get('31.71.01')!;
    expect(kec.poor_households).toBe(22);
    expect(kec.poverty_rate).toBeCloseTo(82 / 1200, 12);
    expect(kec.upgrading_coverage).toBe(0.5); // RW A done, RW C only planned
    const prov = (await run('provinsi')).get('31')!;
    expect(prov.poverty_rate).toBeCloseTo(82 / 2200, 12);
    expect(prov.extreme_poor_households).toBeNull(); // 4 + 5 = 9 < 10, even province-wide
    const prov1 = (await run('provinsi', {}, 1)).get('31')!;
    expect(prov1.extreme_poor_households).toBe(9);
    expect(prov1.extreme_poverty_rate).toBeCloseTo(30 / 2200, 12);
  });

  it('applies a smaller minimum cell size when asked (k = 3)', async () => {
    const a = (await run('rw', {}, 3)).get(fx.RW_A)!;
    expect(a.extreme_poor_households).toBe(4);
    expect(a.poverty_rate).toBeCloseTo((4 * 5 + 3 * 4) / 400, 12);
    // KB: 4 PUS in registry households, 2 active users: 2 < 3 reveals too much.
    expect(a.kb_coverage).toBeNull();
    // KJP Plus: the 3 poor households have no KTP DKI, so nobody is eligible: no value.
    expect(a.kjp_plus_coverage).toBeNull();
    // KJP Plus leakage: 3 recipients, 2 of them in desil-6 households; 0 < 1, 2 < 3 suppressed.
    expect(a.kjp_plus_leakage_rate).toBeNull();
    // RTLH: the 4 extreme-poor households have an earth floor and bamboo walls.
    expect(a.rtlh_rate).toBeCloseTo(4 / 12, 12);
    const leak = (await run('rw', {}, 2)).get(fx.RW_A)!;
    expect(leak.kjp_plus_leakage_rate).toBeCloseTo(2 / 3, 12);
    expect(leak.kb_coverage).toBeCloseTo(0.5, 12);
  });

  it('filters by area, slum grade and KTP DKI', async () => {
    const onlyUtara = await run('kota', { areas: ['31.72'] });
    expect([...onlyUtara.keys()]).toEqual(['31.72']);
    const berat = (await run('provinsi', { kumuh: ['berat'] })).get('31')!;
    expect(berat.poor_households).toBe(10);
    expect(berat.poverty_rate).toBeCloseTo(40 / 500, 12);
    const noKtp = (await run('provinsi', { ktp: 'no' }, 3)).get('31')!;
    expect(noKtp.poor_households).toBe(3);
  });

  const levels = LEVELS;
  const filterCases: { name: string; filters: Filters }[] = [
    { name: 'none', filters: {} },
    { name: 'kota 31.71', filters: { areas: ['31.71'] } },
    { name: 'kelurahan + rw', filters: { areas: ['31.71.01.1002', fx.RW_D] } },
    { name: 'kumuh ringan/berat', filters: { kumuh: ['ringan', 'berat'] as KumuhLevel[] } },
    { name: 'ktp yes', filters: { ktp: 'yes' } },
    { name: 'ktp no + kumuh tidak', filters: { ktp: 'no', kumuh: ['tidak'] as KumuhLevel[] } },
  ];
  for (const level of levels) {
    for (const fc of filterCases) {
      for (const k of [1, 3, 10]) {
        it(`equals the independent computation: ${level}, ${fc.name}, k=${k}`, async () => {
          const got = await run(level, fc.filters, k);
          const want = referenceIndicators(fx.households, fx.rw, fx.kelurahan, fx.upgrading, {
            level,
            ...fx.LINES,
            minCell: k,
            ...fc.filters,
            areas: fc.filters.areas ? [...fc.filters.areas] : undefined,
            kumuh: fc.filters.kumuh ? [...fc.filters.kumuh] : undefined,
          });
          expect([...got.keys()]).toEqual([...want.keys()]);
          for (const [code, values] of want) {
            const row = got.get(code)!;
            for (const id of INDICATOR_IDS) {
              const w = values[id];
              expect(w, `reference lacks ${id}`).not.toBeUndefined();
              if (w === null) expect(row[id], `${code} ${id}`).toBeNull();
              else expect(row[id] as number, `${code} ${id}`).toBeCloseTo(w!, 12);
            }
          }
        });
      }
    }
  }

  it('counts upgrading only up to the chosen year', async () => {
    const before = (await run('kelurahan', {}, 10, 2021)).get('31.71.01.1001')!;
    expect(before.upgrading_coverage).toBe(0);
    const after = (await run('kelurahan', {}, 10, 2022)).get('31.71.01.1001')!;
    expect(after.upgrading_coverage).toBe(1);
  });
});

describe('SQL validity (EXPLAIN every builder output)', () => {
  for (const level of LEVELS) {
    it(`explains the indicator query at ${level} with parts and filters`, async () => {
      const sql = buildIndicatorQuery({
        level,
        indicators: INDICATOR_IDS,
        filters: { areas: ['31.71', '31.72.01'], kumuh: ['sedang'], ktp: 'yes' },
        withParts: true,
        upgradingYear: 2024,
        codes: ['31.71'],
      });
      await expect(conn.run(`EXPLAIN ${sql}`)).resolves.toBeDefined();
    });
  }

  it('rejects unsafe input instead of pasting it', () => {
    expect(() =>
      buildIndicatorQuery({
        level: 'rw',
        indicators: ['extreme_poverty_rate'],
        filters: { areas: ["31'; DROP TABLE rw; --"] },
      }),
    ).toThrow(/not an area code/);
    expect(() => buildIndicatorQuery({ level: 'rw', indicators: ['nope'] })).toThrow(
      /unknown indicator/,
    );
    expect(() =>
      buildIndicatorQuery({ level: 'rw', indicators: ['poverty_rate'], minCell: 0 }),
    ).toThrow(/positive integer/);
  });
});

describe('counts query', () => {
  it('returns the desil distribution with suppression', async () => {
    const sql = buildCountsQuery({ level: 'rw', measures: ['desil1_hh', 'desil4_hh', 'desil6_hh'], minCell: 3, codes: [fx.RW_A, fx.RW_C] });
    const got = new Map((await rows(conn, sql)).map((r) => [r.code as string, r]));
    // RW A: 4 desil-1 households, 0 desil-4, 2 desil-6 (< 3: suppressed).
    expect(got.get(fx.RW_A)).toMatchObject({ desil1_hh: 4, desil4_hh: 0, desil6_hh: null, desil6_hh__suppressed: true });
    // RW C: 10 desil-1 and 10 desil-4 households.
    expect(got.get(fx.RW_C)).toMatchObject({ desil1_hh: 10, desil4_hh: 10, desil6_hh: 0 });
  });

  it('refuses person measures (they have no household count to check)', () => {
    expect(() => buildCountsQuery({ level: 'rw', measures: ['poor_people'] })).toThrow(/household-count/);
  });
});
