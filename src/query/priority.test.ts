import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAreasSql } from './areas';
import { INDICATOR_IDS } from './catalogue';
import { buildCubeSql } from './cube';
import { buildRankingQuery, type PriorityComponent, type PrioritySpec } from './priority';
import * as fx from '../../test/fixtures/tiny-jakarta';
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

const comp = (id: string, weight: number, higherIsWorse = true): PriorityComponent => ({ id, weight, higherIsWorse });

async function rank(
  spec: PrioritySpec,
  minCell: number,
  columns: string[] = [],
): Promise<Map<string, Record<string, unknown>>> {
  const sql = buildRankingQuery({ level: 'rw', columns, minCell, priority: spec });
  return new Map((await rows(conn, sql)).map((r) => [r.rw_code as string, r]));
}

const ranksOf = (m: Map<string, Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries([...m].map(([code, r]) => [code, r.priority_rank]));

// By hand, from the fixture comments (no suppression at k = 1):
//   extreme-poor households: A 4, B 5, C 0, D 0  → min–max: A 0.8, B 1, C 0, D 0
//   poor households:         A 7, B 5, C 10, D 0 → min–max: A 0.7, B 0.5, C 1, D 0
describe('priority index worked out by hand (tiny fixture, RW level)', () => {
  it('min–max, equal weights: A and B tie at 0.75 and share rank 1; the next rank is 3', async () => {
    const m = await rank({ components: [comp('extreme_poor_households', 1), comp('poor_households', 1)], normalisation: 'minmax', missing: 'exclude' }, 1);
    expect(m.get(fx.RW_A)!.extreme_poor_households__score).toBeCloseTo(0.8, 12);
    expect(m.get(fx.RW_A)!.poor_households__score).toBeCloseTo(0.7, 12);
    expect(m.get(fx.RW_A)!.priority_index).toBeCloseTo(0.75, 12);
    expect(m.get(fx.RW_B)!.priority_index).toBeCloseTo(0.75, 12);
    expect(m.get(fx.RW_C)!.priority_index).toBeCloseTo(0.5, 12);
    expect(m.get(fx.RW_D)!.priority_index).toBe(0);
    expect(ranksOf(m)).toEqual({ [fx.RW_A]: 1, [fx.RW_B]: 1, [fx.RW_C]: 3, [fx.RW_D]: 4 });
    expect([fx.RW_A, fx.RW_B, fx.RW_C, fx.RW_D].map((c) => m.get(c)!.priority_tied)).toEqual([true, true, false, false]);
    expect(m.get(fx.RW_A)!.priority_ranked_count).toBe(4);
  });

  it('min–max, weights 3 : 1: B (0.875) before A (0.775), C 0.25, D 0', async () => {
    const m = await rank({ components: [comp('extreme_poor_households', 3), comp('poor_households', 1)], normalisation: 'minmax', missing: 'exclude' }, 1);
    expect(m.get(fx.RW_B)!.priority_index).toBeCloseTo(0.875, 12);
    expect(m.get(fx.RW_A)!.priority_index).toBeCloseTo(0.775, 12);
    expect(m.get(fx.RW_C)!.priority_index).toBeCloseTo(0.25, 12);
    expect(ranksOf(m)).toEqual({ [fx.RW_B]: 1, [fx.RW_A]: 2, [fx.RW_C]: 3, [fx.RW_D]: 4 });
    // Rows come ordered by rank.
    expect([...m.keys()]).toEqual([fx.RW_B, fx.RW_A, fx.RW_C, fx.RW_D]);
  });

  it('direction overridden to "lower is worse" flips the component: poor A 0.3, B 0.5, C 0, D 1', async () => {
    const m = await rank({ components: [comp('extreme_poor_households', 1), comp('poor_households', 1, false)], normalisation: 'minmax', missing: 'exclude' }, 1);
    expect(m.get(fx.RW_A)!.priority_index).toBeCloseTo(0.55, 12);
    expect(m.get(fx.RW_B)!.priority_index).toBeCloseTo(0.75, 12);
    expect(m.get(fx.RW_C)!.priority_index).toBeCloseTo(0, 12);
    expect(m.get(fx.RW_D)!.priority_index).toBeCloseTo(0.5, 12);
    expect(ranksOf(m)).toEqual({ [fx.RW_B]: 1, [fx.RW_A]: 2, [fx.RW_D]: 3, [fx.RW_C]: 4 });
  });

  it('z-score with population standard deviation', async () => {
    const m = await rank({ components: [comp('extreme_poor_households', 1), comp('poor_households', 1)], normalisation: 'zscore', missing: 'exclude' }, 1);
    // extreme: mean 2.25, sd √(20.75 / 4); poor: mean 5.5, sd √(53 / 4).
    const sdE = Math.sqrt(20.75 / 4);
    const sdP = Math.sqrt(53 / 4);
    const z = (e: number, p: number): number => ((e - 2.25) / sdE + (p - 5.5) / sdP) / 2;
    expect(m.get(fx.RW_A)!.priority_index).toBeCloseTo(z(4, 7), 12);
    expect(m.get(fx.RW_B)!.priority_index).toBeCloseTo(z(5, 5), 12);
    expect(m.get(fx.RW_C)!.priority_index).toBeCloseTo(z(0, 10), 12);
    expect(m.get(fx.RW_D)!.priority_index).toBeCloseTo(z(0, 0), 12);
    expect(ranksOf(m)).toEqual({ [fx.RW_A]: 1, [fx.RW_B]: 2, [fx.RW_C]: 3, [fx.RW_D]: 4 });
  });

  // At k = 10 the extreme-poor counts of A (4) and B (5) are suppressed; C and D have 0 (shown,
  // min = max = 0, so the component scores 0). Slum RWs (no disclosure): A 1, B 0, C 1, D 0.
  it('suppressed components: "exclude" leaves A and B unranked, "reweight" ranks them on what they have', async () => {
    const parts = [comp('extreme_poor_households', 1), comp('kumuh_rw', 1)];
    const ex = await rank({ components: parts, normalisation: 'minmax', missing: 'exclude' }, 10);
    expect(ex.get(fx.RW_A)!.extreme_poor_households).toBeNull();
    expect(ex.get(fx.RW_A)!.extreme_poor_households__suppressed).toBe(true);
    expect(ex.get(fx.RW_A)!.priority_index).toBeNull();
    expect(ex.get(fx.RW_A)!.priority_tied).toBe(false);
    expect(ex.get(fx.RW_C)!.priority_index).toBeCloseTo(0.5, 12);
    expect(ranksOf(ex)).toEqual({ [fx.RW_C]: 1, [fx.RW_D]: 2, [fx.RW_A]: null, [fx.RW_B]: null });
    expect(ex.get(fx.RW_C)!.priority_ranked_count).toBe(2);

    const re = await rank({ components: parts, normalisation: 'minmax', missing: 'reweight' }, 10);
    expect(re.get(fx.RW_A)!.priority_index).toBeCloseTo(1, 12);
    expect(re.get(fx.RW_B)!.priority_index).toBe(0);
    expect(ranksOf(re)).toEqual({ [fx.RW_A]: 1, [fx.RW_C]: 2, [fx.RW_B]: 3, [fx.RW_D]: 3 });
    expect(re.get(fx.RW_B)!.priority_tied).toBe(true);
    // A's index used 1 of 2 components; C's both.
    expect(re.get(fx.RW_A)!.priority_components).toBe(1);
    expect(re.get(fx.RW_C)!.priority_components).toBe(2);
  });

  it('zero weights drop a component; no component means no index and no rank', async () => {
    const m = await rank({ components: [comp('extreme_poor_households', 0)], normalisation: 'minmax', missing: 'exclude' }, 1, ['poor_households']);
    expect([...m.values()].every((r) => r.priority_index === null && r.priority_rank === null)).toBe(true);
    expect(m.get(fx.RW_A)!).not.toHaveProperty('extreme_poor_households__score');
    expect(m.get(fx.RW_A)!.poor_households).toBe(7);
    expect(() => buildRankingQuery({ level: 'rw', columns: [], priority: { components: [], normalisation: 'minmax', missing: 'exclude' } })).toThrow(/at least one/);
  });

  it('names the area and its parents, and honours the map filters', async () => {
    const sql = buildRankingQuery({
      level: 'rw',
      columns: ['poor_households'],
      minCell: 1,
      filters: { areas: ['31.71'] },
      priority: { components: [comp('poor_households', 1)], normalisation: 'minmax', missing: 'exclude' },
    });
    const out = await rows(conn, sql);
    expect(out.map((r) => r.rw_code)).toEqual([fx.RW_C, fx.RW_A, fx.RW_B]);
    expect(out[0]).toMatchObject({ kota_name: 'Jakarta Pusat', kecamatan_name: 'Gambir', kelurahan_name: 'Cideng', rw_name: 'RW 001' });
    // Normalised over the areas on screen only: C has the most (10) → 1, B the least (5) → 0.
    expect(out.map((r) => r.poor_households__score)).toEqual([1, 0.4, 0]);
  });

  it('rejects unknown ids, duplicates and negative weights', () => {
    const q = (components: PriorityComponent[]): string =>
      buildRankingQuery({ level: 'rw', columns: [], priority: { components, normalisation: 'minmax', missing: 'exclude' } });
    expect(() => q([comp('nope', 1)])).toThrow(/unknown indicator/);
    expect(() => q([comp('poor_households', 1), comp('poor_households', 2)])).toThrow(/duplicate/);
    expect(() => q([comp('poor_households', -1)])).toThrow(/≥ 0/);
  });

  it('every catalogue indicator at every level passes EXPLAIN, both normalisations and policies', async () => {
    for (const level of ['kota', 'kecamatan', 'kelurahan', 'rw'] as const) {
      for (const normalisation of ['minmax', 'zscore'] as const) {
        for (const missing of ['exclude', 'reweight'] as const) {
          const sql = buildRankingQuery({
            level,
            columns: INDICATOR_IDS,
            filters: { kumuh: ['ringan', 'berat'], ktp: 'yes' },
            priority: { components: INDICATOR_IDS.map((id, i) => comp(id, (i % 3) + 1, i % 2 === 0)), normalisation, missing },
          });
          await expect(conn.run(`EXPLAIN ${sql}`)).resolves.toBeDefined();
        }
      }
    }
  });
});
