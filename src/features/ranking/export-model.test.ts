/**
 * The bar of issue 5: the ranking on a hand-made fixture is exported to CSV (both dialects),
 * XLSX and GeoJSON, each file is parsed back by an independent reader (DuckDB's CSV reader,
 * read-excel-file, JSON + turf validation) and equals the SQL rows cell by cell.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { booleanValid } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/universal';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContractTables, openNative, rows } from '../../../scripts/lib/native-db';
import * as fx from '../../../test/fixtures/tiny-jakarta';
import { BOM, toCsv } from '../../lib/export/csv';
import { toGeoJson } from '../../lib/export/geojson';
import { escapeFormula, type ExportCell, type ExportTable } from '../../lib/export/table';
import { SHEETS, xlsxBlob } from '../../lib/export/xlsx';
import { buildAreasSql } from '../../query/areas';
import { buildCubeSql } from '../../query/cube';
import { activeComponents, buildRankingQuery } from '../../query/priority';
import { literal } from '../../query/sql';
import type { Boundaries } from '../../state/dataset';
import {
  DEFAULT_RANKING,
  prioritySpec,
  shownColumns,
  toRankingRows,
  topCodes,
  visibleRows,
  type RankingData,
  type RankingSettings,
} from '../../state/use-ranking';
import { DEFAULT_VIEW, type View } from '../../state/view-state';
import { exportColumns, formulaText, geometryByCode, rankingExportTable, rankingFileName, rankingMetadata } from './export-model';

const NASTY = '=Cideng; "Baru", Timur';

let conn: DuckDBConnection;
const dir = mkdtempSync(join(tmpdir(), 'sasaran-export-'));

beforeAll(async () => {
  conn = await openNative();
  await loadContractTables(conn, {
    households: fx.households as unknown as Record<string, unknown>[],
    rw: fx.rw,
    kelurahan: fx.kelurahan,
    upgrading: fx.upgrading as unknown as Record<string, unknown>[],
  });
  await conn.run(buildAreasSql());
  // A kelurahan name that needs quoting in both dialects and escaping against formulas.
  await conn.run(`UPDATE areas SET name = ${literal(NASTY)} WHERE code = '31.71.01.1002'`);
  await conn.run(buildCubeSql(fx.LINES));
});

const settings: RankingSettings = {
  ...DEFAULT_RANKING,
  columns: ['poverty_rate', 'poor_households', 'kumuh_rw'],
  components: [
    { id: 'extreme_poor_households', weight: 30, direction: 'auto' },
    { id: 'kumuh_rw', weight: 10, direction: 'auto' },
  ],
  missing: 'reweight',
};
const view: View = { ...DEFAULT_VIEW, level: 'rw', minCell: 10 };

async function ranking(): Promise<{ data: RankingData; raw: Map<string, Record<string, unknown>> }> {
  const spec = prioritySpec(settings);
  const columns = shownColumns(settings);
  const components = activeComponents(spec);
  const out = await rows(conn, buildRankingQuery({ level: 'rw', columns, minCell: view.minCell, priority: spec }));
  const data: RankingData = {
    key: 'test',
    level: 'rw',
    columns,
    components,
    rows: toRankingRows(out, 'rw', columns, components),
    rankedCount: Number(out[0]?.priority_ranked_count ?? 0),
    elapsedMs: 0,
  };
  return { data, raw: new Map(out.map((r) => [r.rw_code as string, r])) };
}

/** What each export row must hold: the SQL row's cells under the export's keys, in screen order. */
function expected(table: ExportTable, raw: Map<string, Record<string, unknown>>, codes: readonly string[], escape: boolean): ExportCell[][] {
  return codes.map((code) => {
    const r = raw.get(code)!;
    return table.columns.map((c) => {
      const v = (r[c.key] ?? null) as ExportCell;
      return escape && typeof v === 'string' ? escapeFormula(v) : v;
    });
  });
}

function duckColumns(table: ExportTable): string {
  const type = { text: 'VARCHAR', number: 'DOUBLE', boolean: 'BOOLEAN' } as const;
  return `{${table.columns.map((c) => `${literal(c.key)}: ${literal(type[c.kind])}`).join(', ')}}`;
}

describe('ranking exports equal the SQL (tiny fixture, RW, k = 10, reweight)', () => {
  it('the table holds the SQL cells: suppressed values empty with a flag, never small numbers', async () => {
    const { data, raw } = await ranking();
    const visible = visibleRows(data.rows, settings, 'id');
    const table = rankingExportTable(data, visible);
    expect(table.rows).toEqual(expected(table, raw, visible.map((r) => r.code), false));
    const keys = table.columns.map((c) => c.key);
    const a = table.rows[visible.findIndex((r) => r.code === fx.RW_A)]!;
    // RW A: 4 extreme-poor and 7 poor households, both below 10: empty, flagged.
    expect(a[keys.indexOf('extreme_poor_households')]).toBeNull();
    expect(a[keys.indexOf('extreme_poor_households__suppressed')]).toBe(true);
    expect(a[keys.indexOf('poor_households')]).toBeNull();
    expect(a[keys.indexOf('poor_households__suppressed')]).toBe(true);
    expect(keys.slice(0, 12)).toEqual([
      'kota_code',
      'kota_name',
      'kecamatan_code',
      'kecamatan_name',
      'kelurahan_code',
      'kelurahan_name',
      'rw_code',
      'rw_name',
      'priority_rank',
      'priority_tied',
      'priority_index',
      'priority_components',
    ]);
  });

  for (const dialect of ['rfc4180', 'excel-id'] as const) {
    it(`CSV ${dialect}, read back by DuckDB, equals the SQL`, async () => {
      const { data, raw } = await ranking();
      const visible = visibleRows(data.rows, settings, 'id');
      const table = rankingExportTable(data, visible);
      const text = toCsv(table, dialect);
      expect(text.startsWith(BOM)).toBe(true);
      const path = join(dir, `ranking-${dialect}.csv`);
      writeFileSync(path, text, 'utf8');
      const options =
        dialect === 'rfc4180'
          ? "delim = ',', decimal_separator = '.'"
          : "delim = ';', decimal_separator = ','";
      const back = await rows(
        conn,
        `SELECT * FROM read_csv(${literal(path)}, header = true, quote = '"', escape = '"', ${options}, columns = ${duckColumns(table)})`,
      );
      expect(back.map((r) => table.columns.map((c) => r[c.key] ?? null))).toEqual(expected(table, raw, visible.map((r) => r.code), true));
      // The formula-like name was escaped, so a spreadsheet shows it as text.
      expect(back.some((r) => r.kelurahan_name === `'${NASTY}`)).toBe(true);
    });
  }

  it('XLSX, read back by read-excel-file: typed data sheet equals the SQL; metadata sheet says what it holds', async () => {
    const { data, raw } = await ranking();
    const visible = visibleRows(data.rows, settings, 'id');
    const table = rankingExportTable(data, visible);
    const meta = rankingMetadata(data, visible, {
      view,
      settings,
      manifest: { synthetic: true, generated_by: 'sasaran demo generator', seed: 7 },
      synthetic: true,
      areaCode: null,
      areaName: null,
      now: new Date('2026-11-28T10:00:00Z'),
    });
    const blob = xlsxBlob(table, meta);
    writeFileSync(join(dir, 'ranking.xlsx'), new Uint8Array(await blob.arrayBuffer()));
    const sheets = await readXlsxFile(blob);
    expect(sheets.map((x) => x.sheet)).toEqual([SHEETS.data, SHEETS.metadata]);
    const [head, ...body] = sheets[0]!.data;
    expect(head).toEqual(table.columns.map((c) => c.key));
    const want = expected(table, raw, visible.map((r) => r.code), true);
    expect(body.map((row) => table.columns.map((_, j) => row[j] ?? null))).toEqual(want);
    // Numbers are typed numbers, not text.
    const idx = table.columns.findIndex((c) => c.key === 'priority_index');
    expect(body.every((row) => row[idx] === null || typeof row[idx] === 'number')).toBe(true);

    const metaRows = sheets[1]!.data;
    const find = (label: string): unknown[] | undefined => metaRows.find((r) => typeof r[0] === 'string' && r[0].startsWith(label));
    expect(find('Data sintetis')?.[1]).toBe(true);
    expect(find('Ukuran sel minimum')?.[1]).toBe(10);
    expect(find('Sumber data')?.[1]).toBe('sasaran demo generator (seed 7)');
    expect(find('Tanggal data')?.[1]).toBe('2024-03');
    expect(find('Jumlah baris')?.[1]).toBe(visible.length);
    expect(find('Normalisasi')?.[1]).toBe('minmax');
    const comp = metaRows.findIndex((r) => r[0] === 'component');
    expect(metaRows.slice(comp + 1, comp + 3).map((r) => r.slice(0, 4))).toEqual([
      ['extreme_poor_households', 30, 0.75, true],
      ['kumuh_rw', 10, 0.25, true],
    ]);
    const defs = metaRows.findIndex((r) => r[0] === 'id' && r[1] === 'label_id');
    const defIds = metaRows.slice(defs + 1).map((r) => r[0]);
    expect(defIds).toEqual(['poverty_rate', 'poor_households', 'kumuh_rw', 'extreme_poor_households']);
    expect(metaRows[defs + 1]!.slice(1, 3)).toEqual(['Tingkat kemiskinan', 'Poverty rate']);
    expect(String(find('Rumus / Formula (en)')?.[1])).toContain('I = (30·s₁ + 10·s₂)');
  });

  it('GeoJSON: valid features with the boundary geometry and the same properties', async () => {
    const { data, raw } = await ranking();
    const visible = visibleRows(data.rows, settings, 'id');
    const table = rankingExportTable(data, visible);
    const square = (code: string, i: number): Feature<Polygon> => ({
      type: 'Feature',
      properties: { rw_code: code },
      geometry: { type: 'Polygon', coordinates: [[[106.8 + i * 0.01, -6.2], [106.81 + i * 0.01, -6.2], [106.81 + i * 0.01, -6.19], [106.8 + i * 0.01, -6.19], [106.8 + i * 0.01, -6.2]]] },
    });
    const empty = { type: 'FeatureCollection' as const, features: [] };
    const boundaries: Boundaries = { kota: empty, kecamatan: empty, kelurahan: empty, rw: { type: 'FeatureCollection', features: fx.rw.map((r, i) => square(r.rw_code, i)) } };
    const meta = rankingMetadata(data, visible, { view, settings, manifest: null, synthetic: true, areaCode: null, areaName: null, now: new Date() });
    const parsed = JSON.parse(JSON.stringify(toGeoJson(table, 'rw_code', geometryByCode(boundaries, 'rw'), meta))) as {
      type: string;
      features: Feature<Polygon>[];
      metadata: { synthetic: boolean; min_cell: number };
    };
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.metadata).toMatchObject({ synthetic: true, min_cell: 10 });
    expect(parsed.features.map((f) => f.id)).toEqual(visible.map((r) => r.code));
    for (const f of parsed.features) {
      expect(f.type).toBe('Feature');
      expect(booleanValid(f)).toBe(true);
      expect(f.geometry).toEqual(square(String(f.id), fx.rw.findIndex((r) => r.rw_code === f.id)).geometry);
    }
    const want = expected(table, raw, visible.map((r) => r.code), false);
    expect(parsed.features.map((f) => table.columns.map((c) => (f.properties as Record<string, ExportCell>)[c.key]))).toEqual(want);
  });
});

describe('ranking rows on screen', () => {
  it('filters by text and value, sorts with missing values last, and tops N by rank', async () => {
    const { data } = await ranking();
    // reweight, k = 10: kumuh A 1, B 0, C 1, D 0; extreme A, B suppressed, C 0, D 0 → A 1, C 0.25, B 0, D 0.
    expect(data.rows.map((r) => [r.code, r.rank, r.tied])).toEqual([
      [fx.RW_A, 1, false],
      [fx.RW_C, 2, false],
      [fx.RW_B, 3, true],
      [fx.RW_D, 3, true],
    ]);
    expect(data.rows.find((r) => r.code === fx.RW_C)!.index).toBeCloseTo(0.25, 12);
    expect([...topCodes(data.rows, 3)].sort()).toEqual([fx.RW_A, fx.RW_B, fx.RW_C, fx.RW_D].sort());
    expect([...topCodes(data.rows, 1)]).toEqual([fx.RW_A]);
    const byText = visibleRows(data.rows, { ...settings, text: 'cideng' }, 'id');
    expect(byText.map((r) => r.code)).toEqual([fx.RW_C]);
    const byValue = visibleRows(data.rows, { ...settings, valueFilter: { column: 'poor_households', op: 'gte', value: 1 } }, 'en');
    expect(byValue.map((r) => r.code)).toEqual([fx.RW_C]);
    const sorted = visibleRows(data.rows, { ...settings, sort: { key: 'poor_households', dir: 'asc' } }, 'en');
    // D has 0 poor households, C 10; A and B are suppressed and go last.
    expect(sorted.map((r) => r.code)).toEqual([fx.RW_D, fx.RW_C, fx.RW_A, fx.RW_B]);
  });

  it('names files by level, area, subject and date; formula in both languages', async () => {
    const { data } = await ranking();
    const date = new Date(2026, 10, 28);
    expect(rankingFileName(data, settings, null, 'id', date, 'csv', 'excel-id')).toBe('sasaran_rw_dki-jakarta_indeks-prioritas_2026-11-28_excel-id.csv');
    expect(rankingFileName(data, settings, '31.71', 'en', date, 'geojson')).toBe('sasaran_rw_31.71_priority-index_2026-11-28.geojson');
    const noIndex = { ...data, components: [] };
    expect(rankingFileName(noIndex, { ...settings, sort: { key: 'poverty_rate', dir: 'desc' } }, null, 'id', date, 'xlsx')).toBe(
      'sasaran_rw_dki-jakarta_poverty-rate_2026-11-28.xlsx',
    );
    expect(exportColumns(noIndex).some((c) => c.key.startsWith('priority_'))).toBe(false);
    const id = formulaText(data.components, 'zscore', 'exclude', 'id');
    const en = formulaText(data.components, 'zscore', 'exclude', 'en');
    expect(id.symbols).toContain('I = (30·s₁ + 10·s₂) / 40');
    expect(en.symbols).toContain('(x − x̄) / σ');
    expect(id.words).toContain('skor-z');
    expect(en.words).toContain('not ranked');
    expect(en.legend[0]).toBe('s₁: Extreme-poor households (↑, 75 %)');
  });
});
