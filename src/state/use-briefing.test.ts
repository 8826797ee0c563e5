import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAreasSql } from '../query/areas';
import { buildCubeSql } from '../query/cube';
import { buildIndicatorQuery } from '../query/indicators';
import { PROGRAM_IDS } from '../query/programs';
import * as fx from '../../test/fixtures/tiny-jakarta';
import { loadContractTables, openNative, rows } from '../../scripts/lib/native-db';
import { briefingArea, briefingData, briefingQueries, topAreas } from './use-briefing';
import { DEFAULT_VIEW, type View } from './view-state';

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

const view = (over: Partial<View>): View => ({ ...DEFAULT_VIEW, ...over });

describe('briefingArea', () => {
  it('is the province, the drilled area, the deeper filter, or null when they contradict', () => {
    expect(briefingArea(view({}))).toBe('31');
    expect(briefingArea(view({ parent: '31.71', level: 'kecamatan' }))).toBe('31.71');
    expect(briefingArea(view({ filters: { ...DEFAULT_VIEW.filters, kota: '31.71', kecamatan: '31.71.01' } }))).toBe('31.71.01');
    expect(briefingArea(view({ parent: '31.72', filters: { ...DEFAULT_VIEW.filters, kota: '31.71' } }))).toBeNull();
  });
});

describe('briefing queries on DuckDB', () => {
  it('rank exactly the map query values and summarize the area with parts, under the minimum cell size', async () => {
    const v = view({ level: 'kelurahan', parent: '31.71', indicator: 'poverty_rate', minCell: 5 });
    const q = briefingQueries(v)!;
    const [summary, ranking] = [await rows(conn, q.summary), await rows(conn, q.ranking)];
    expect(summary.map((r) => r.code)).toEqual(['31.71']);
    const map = await rows(
      conn,
      buildIndicatorQuery({ level: 'kelurahan', indicators: ['poverty_rate'], filters: { areas: ['31.71'], kumuh: [], ktp: 'all' }, minCell: 5 }),
    );
    expect(ranking.map((r) => [r.code, r.poverty_rate])).toEqual(map.map((r) => [r.code, r.poverty_rate]));
    const data = briefingData('k', '31.71', summary, ranking, 'poverty_rate');
    expect(data.areaName).toBe('Jakarta Pusat');
    expect(data.coverage.map((c) => c.program)).toEqual([...PROGRAM_IDS]);
    const up = data.figures.upgrading_coverage;
    if (up.den !== null && up.den > 0) expect(up.value).toBeCloseTo((up.num ?? 0) / up.den, 12);
    const values = data.top.map((r) => r.value!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(data.ranked).toBe(map.filter((r) => r.poverty_rate !== null).length);
  });

  it('returns no queries when the filters contradict', () => {
    expect(briefingQueries(view({ parent: '31.72', filters: { ...DEFAULT_VIEW.filters, kota: '31.71' } }))).toBeNull();
  });
});

describe('topAreas', () => {
  const r = (code: string, v: number | null) => ({ code, name: code, parent_code: '31', x: v, x__suppressed: v === null });
  it('orders worst first by direction, skips areas without a value, breaks ties by code, keeps n', () => {
    const list = [r('a', 0.2), r('b', null), r('c', 0.5), r('d', 0.2), r('e', 0.1)];
    expect(topAreas(list, 'x', true).map((t) => t.code)).toEqual(['c', 'a', 'd', 'e']);
    expect(topAreas(list, 'x', false, 2).map((t) => t.code)).toEqual(['e', 'a']);
    expect(topAreas(list, 'x', true)[0]!.parent).toBe('31');
  });
});
