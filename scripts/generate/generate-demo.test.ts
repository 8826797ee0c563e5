import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOUSEHOLD_COLUMNS,
  KUMUH_LEVELS,
  RW_COLUMNS,
  UPGRADING_COLUMNS,
  povertyPeriod,
  type ColumnSpec,
} from '../../src/db/contracts';
import { insertRows, openNative, readGeoJsonProperties, rows } from '../lib/native-db';
import {
  DEMO_FILES,
  generateDemo,
  isUpToDate,
  parseArgs,
  UsageError,
  type DemoGeometry,
  type GeometryBuilder,
  type Manifest,
} from '../generate-demo';
import { rwCode, type KelurahanWithRw } from './areas';
import { moransI } from './rw-profile';
import { fileDigest } from './write';

const N = 20_000;
const SEED = 20_230_203;
const SCALE = N / 700_000;

/**
 * A stand-in for scripts/generate/geometry.ts while it does not exist: squares on spirals around
 * one point per kota. The real builder is used as soon as the file is there.
 */
const stubGeometry: GeometryBuilder = (kelurahan: readonly KelurahanWithRw[]): DemoGeometry => {
  const center: Record<string, [number, number]> = {
    '31.01': [106.55, -5.7],
    '31.71': [106.83, -6.18],
    '31.72': [106.88, -6.12],
    '31.73': [106.75, -6.17],
    '31.74': [106.81, -6.27],
    '31.75': [106.9, -6.23],
  };
  const square = (x: number, y: number, h: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x - h, y - h],
        [x + h, y - h],
        [x + h, y + h],
        [x - h, y + h],
        [x - h, y - h],
      ],
    ],
  });
  const g: DemoGeometry = {
    kota: { type: 'FeatureCollection', features: [] },
    kecamatan: { type: 'FeatureCollection', features: [] },
    kelurahan: { type: 'FeatureCollection', features: [] },
    rw: { type: 'FeatureCollection', features: [] },
  };
  const seen = new Map<string, number>();
  const kec = new Set<string>();
  for (const k of kelurahan) {
    const j = seen.get(k.kota_code) ?? 0;
    seen.set(k.kota_code, j + 1);
    const [cx, cy] = center[k.kota_code]!;
    if (j === 0) {
      g.kota.features.push({
        type: 'Feature',
        geometry: square(cx, cy, 0.05),
        properties: { kota_code: k.kota_code, kota_name: k.kota_name, area_km2: 100 },
      });
    }
    const kx = cx + 0.006 * Math.sqrt(j) * Math.cos(j * 2.4);
    const ky = cy + 0.006 * Math.sqrt(j) * Math.sin(j * 2.4);
    if (!kec.has(k.kecamatan_code)) {
      kec.add(k.kecamatan_code);
      g.kecamatan.features.push({
        type: 'Feature',
        geometry: square(kx, ky, 0.02),
        properties: {
          kecamatan_code: k.kecamatan_code,
          kecamatan_name: k.kecamatan_name,
          kota_code: k.kota_code,
          kota_name: k.kota_name,
          area_km2: 10,
        },
      });
    }
    const { rw_count: _count, ...names } = k;
    g.kelurahan.features.push({
      type: 'Feature',
      geometry: square(kx, ky, 0.005),
      properties: { ...names, area_km2: 2 },
    });
    for (let r = 1; r <= k.rw_count; r++) {
      const c = [
        kx + 0.0012 * Math.sqrt(r) * Math.cos(r * 2.4),
        ky + 0.0012 * Math.sqrt(r) * Math.sin(r * 2.4),
      ] as const;
      g.rw.features.push({
        type: 'Feature',
        geometry: square(c[0], c[1], 0.0005),
        properties: {
          rw_code: rwCode(k.kelurahan_code, r),
          kelurahan_code: k.kelurahan_code,
          rw_number: r,
          area_km2: 0.2,
          centroid: c,
        },
      });
    }
  }
  return g;
};

const REAL_GEOMETRY = existsSync(join(import.meta.dirname, 'geometry.ts'));
const builder = REAL_GEOMETRY ? undefined : stubGeometry;

let dirA: string;
let dirB: string;
let manifestA: Manifest;
let manifestB: Manifest;
let conn: DuckDBConnection;
const parquet = (): string => `read_parquet('${join(dirA, 'households.parquet')}')`;
const one = async (sql: string): Promise<Record<string, unknown>> => (await rows(conn, sql))[0]!;

beforeAll(async () => {
  dirA = mkdtempSync(join(tmpdir(), 'sasaran-demo-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'sasaran-demo-b-'));
  manifestA = await generateDemo({ households: N, seed: SEED, out: dirA }, builder);
  manifestB = await generateDemo({ households: N, seed: SEED, out: dirB }, builder);
  conn = await openNative();
  await insertRows(conn, 'rw', RW_COLUMNS, readGeoJsonProperties(join(dirA, 'rw.geojson')));
}, 120_000);

afterAll(() => {
  conn?.closeSync();
  for (const d of [dirA, dirB]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('generateDemo output files', () => {
  it('writes every file and a manifest with their sizes and sha256', () => {
    expect(Object.keys(manifestA.files).sort()).toEqual([...DEMO_FILES].sort());
    for (const f of DEMO_FILES) expect(fileDigest(join(dirA, f))).toEqual(manifestA.files[f]);
    const m = JSON.parse(readFileSync(join(dirA, 'manifest.json'), 'utf8')) as Manifest;
    expect(m).toEqual(manifestA);
    expect(m.synthetic).toBe(true);
    expect(m.generated_by).toBe('sasaran demo generator');
    expect(m.counts).toMatchObject({
      kota: 6,
      kecamatan: 44,
      kelurahan: 267,
      rw: 2731,
      households: N,
    });
    expect(JSON.stringify(m)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('is byte-identical for the same seed and options', () => {
    expect(manifestB.files).toEqual(manifestA.files);
  });

  it('knows when the data is up to date', () => {
    expect(isUpToDate({ households: N, seed: SEED, out: dirB })).toBe(true);
    expect(isUpToDate({ households: N, seed: SEED + 1, out: dirB })).toBe(false);
    expect(isUpToDate({ households: N + 1, seed: SEED, out: dirB })).toBe(false);
    unlinkSync(join(dirB, 'rw.geojson'));
    expect(isUpToDate({ households: N, seed: SEED, out: dirB })).toBe(false);
  });
});

describe('households.parquet', () => {
  it('has exactly the contract columns, in order, with the contract types', async () => {
    const described = await rows(conn, `DESCRIBE SELECT * FROM ${parquet()}`);
    const norm = (t: string): string => (t === 'REAL' ? 'FLOAT' : t);
    expect(described.map((r) => [r.column_name, r.column_type])).toEqual(
      HOUSEHOLD_COLUMNS.map((c) => [c.name, norm(c.type)]),
    );
  });

  it('keeps values in range and in the allowed lists, NULL only in validated_on', async () => {
    const specs: readonly ColumnSpec[] = HOUSEHOLD_COLUMNS;
    const checks = specs.map((c) => {
      const col = `"${c.name}"`;
      const conds = [c.nullable ? 'true' : `${col} IS NOT NULL`];
      if (c.range) conds.push(`${col} IS NULL OR ${col} BETWEEN ${c.range[0]} AND ${c.range[1]}`);
      if (c.values) conds.push(`${col} IN (${c.values.map((v) => `'${v}'`).join(', ')})`);
      return `count(*) FILTER (WHERE NOT ((${conds.join(') AND (')}))) AS "${c.name}"`;
    });
    const bad = await one(`SELECT ${checks.join(', ')} FROM ${parquet()}`);
    expect(Object.entries(bad).filter(([, v]) => v !== 0)).toEqual([]);
  });

  it('has unique hh_id, rows ordered by rw_code, and every rw_code in rw.geojson', async () => {
    const r = await one(`
      WITH h AS (SELECT *, row_number() OVER () AS pos FROM ${parquet()})
      SELECT count(*) AS n, count(DISTINCT hh_id) AS ids,
        count(*) FILTER (WHERE NOT regexp_full_match(hh_id, '[0-9a-f]{12}')) AS bad_ids,
        (SELECT count(*) FROM (SELECT rw_code < lag(rw_code) OVER (ORDER BY pos) AS back FROM h) WHERE back) AS unordered,
        count(*) FILTER (WHERE rw_code NOT IN (SELECT rw_code FROM rw)) AS orphans
      FROM h`);
    expect(r).toEqual({ n: N, ids: N, bad_ids: 0, unordered: 0, orphans: 0 });
  });

  it('keeps age groups, receipts, KB and validation consistent', async () => {
    const r = await one(`SELECT
      count(*) FILTER (WHERE toddlers > children_0_6) AS toddlers,
      count(*) FILTER (WHERE children_0_6 + school_age + elderly > members) AS ages,
      count(*) FILTER (WHERE kjp_plus + kjmu > school_age OR kartu_anak > children_0_6 OR kartu_lansia > elderly
        OR kartu_disabilitas > disabled OR pmt_balita > toddlers OR pmt_lansia > elderly
        OR kpar > children_0_6 + school_age) AS receipts,
      count(*) FILTER (WHERE kb_active AND NOT pus) AS kb,
      count(*) FILTER (WHERE (validated_on IS NULL) <> (validation_status = 'belum')) AS visits,
      count(*) FILTER (WHERE validated_on < DATE '2023-02-03' OR validated_on > DATE '2024-12-31') AS dates
      FROM ${parquet()}`);
    expect(r).toEqual({ toddlers: 0, ages: 0, receipts: 0, kb: 0, visits: 0, dates: 0 });
  });
});

describe('calibration (measured in SQL)', () => {
  it('has 4.3 % poor and ≈ 0.9 % extremely poor people, matching the manifest', async () => {
    const { povertyLine, extremeLine } = povertyPeriod('2024-03');
    const r = await one(`SELECT
      sum(members) FILTER (WHERE expenditure_per_capita < ${povertyLine}) / (SELECT sum(population) FROM rw) AS poverty,
      sum(members) FILTER (WHERE expenditure_per_capita < ${extremeLine}) / (SELECT sum(population) FROM rw) AS extreme,
      sum(kjp_plus) AS kjp, sum(kartu_lansia) AS klj
      FROM ${parquet()}`);
    expect(Math.abs((r.poverty as number) / 0.043 - 1)).toBeLessThan(0.1);
    expect(Math.abs((r.extreme as number) / 0.009 - 1)).toBeLessThan(0.1);
    expect(Math.abs((r.kjp as number) / (500_000 * SCALE) - 1)).toBeLessThan(0.1);
    expect(Math.abs((r.klj as number) / (100_000 * SCALE) - 1)).toBeLessThan(0.1);
    expect(manifestA.calibration).toMatchObject({
      period: '2024-03',
      rw_kumuh: 445,
      kjp_plus_children: r.kjp,
      klj_elderly: r.klj,
    });
    expect(manifestA.calibration.poverty_rate_people).toBeCloseTo(r.poverty as number, 5);
    expect(manifestA.calibration.extreme_poverty_rate_people).toBeCloseTo(r.extreme as number, 5);
  });

  it('has the highest extreme poverty in Jakarta Utara and the lowest in Jakarta Barat', async () => {
    const { extremeLine } = povertyPeriod('2024-03');
    const byKota = await rows(
      conn,
      `WITH pop AS (SELECT left(rw_code, 5) AS kota, sum(population) AS p FROM rw GROUP BY 1),
       ext AS (SELECT left(rw_code, 5) AS kota, sum(members) AS e FROM ${parquet()}
               WHERE expenditure_per_capita < ${extremeLine} GROUP BY 1)
       SELECT pop.kota, coalesce(e, 0) / p AS rate FROM pop LEFT JOIN ext USING (kota)
       WHERE pop.kota <> '31.01' ORDER BY rate DESC`,
    );
    expect(byKota[0]!.kota).toBe('31.72');
    expect(byKota[byKota.length - 1]!.kota).toBe('31.73');
  });
  it('clusters poverty in space: RW poverty rates resemble their neighbours', async () => {
    const { povertyLine } = povertyPeriod('2024-03');
    const rates = await rows(
      conn,
      `SELECT rw.rw_code, coalesce(p, 0) / rw.population AS rate FROM rw LEFT JOIN (
         SELECT rw_code, sum(members) AS p FROM ${parquet()}
         WHERE expenditure_per_capita < ${povertyLine} GROUP BY 1) USING (rw_code)
       WHERE left(rw.rw_code, 5) <> '31.01' ORDER BY rw.rw_code`,
    );
    const fc = JSON.parse(readFileSync(join(dirA, 'rw.geojson'), 'utf8')) as {
      features: {
        geometry: { type: string; coordinates: unknown };
        properties: { rw_code: string };
      }[];
    };
    const centre = new Map(
      fc.features.map((f) => {
        const flat = (JSON.stringify(f.geometry.coordinates).match(/-?\d+(\.\d+)?/g) ?? []).map(
          Number,
        );
        let x = 0;
        let y = 0;
        for (let i = 0; i < flat.length; i += 2) {
          x += flat[i]!;
          y += flat[i + 1]!;
        }
        return [f.properties.rw_code, [x / (flat.length / 2), y / (flat.length / 2)] as const];
      }),
    );
    const points = rates.map((r) => ({ centroid: centre.get(r.rw_code as string)! }));
    expect(
      moransI(
        points,
        rates.map((r) => r.rate as number),
      ),
    ).toBeGreaterThan(0.3);
  });
});

describe('area files', () => {
  it('gives RW features the contract properties plus area_km2, with 445 kumuh by grade', () => {
    const props = readGeoJsonProperties(join(dirA, 'rw.geojson'));
    expect(props).toHaveLength(2731);
    const keys = [...RW_COLUMNS.map((c) => c.name), 'area_km2'].sort();
    expect(props.every((p) => JSON.stringify(Object.keys(p).sort()) === JSON.stringify(keys))).toBe(
      true,
    );
    const count = (level: string): number => props.filter((p) => p.kumuh_level === level).length;
    expect(KUMUH_LEVELS.map(count)).toEqual([2731 - 445, 126, 205, 99, 15]);
  });

  it('sums population and households from RW up to kelurahan, kecamatan and kota', () => {
    const rw = readGeoJsonProperties(join(dirA, 'rw.geojson'));
    const total = (ps: Record<string, unknown>[], k: string): number =>
      ps.reduce((s, p) => s + (p[k] as number), 0);
    for (const [file, key, len] of [
      ['kelurahan.geojson', 'kelurahan_code', 13],
      ['kecamatan.geojson', 'kecamatan_code', 8],
      ['kota.geojson', 'kota_code', 5],
    ] as const) {
      const areas = readGeoJsonProperties(join(dirA, file));
      for (const a of areas) {
        const mine = rw.filter((r) => (r.rw_code as string).slice(0, len) === a[key]);
        expect(a.population, `${file} ${String(a[key])}`).toBe(total(mine, 'population'));
        expect(a.households, `${file} ${String(a[key])}`).toBe(total(mine, 'households'));
      }
      expect(total(areas, 'population')).toBe(total(rw, 'population'));
    }
  });

  it('writes settlement_upgrading.csv with the contract columns, only for RW kumuh', async () => {
    const path = join(dirA, 'settlement_upgrading.csv');
    expect(readFileSync(path, 'utf8').split('\r\n')[0]).toBe(
      UPGRADING_COLUMNS.map((c) => c.name).join(','),
    );
    const types = UPGRADING_COLUMNS.map((c) => `'${c.name}': '${c.type}'`).join(', ');
    const r = await one(`
      WITH u AS (SELECT * FROM read_csv('${path}', header = true, columns = {${types}}))
      SELECT count(*) AS n,
        count(*) FILTER (WHERE rw_code NOT IN (SELECT rw_code FROM rw WHERE kumuh_level <> 'tidak')) AS not_kumuh,
        count(DISTINCT rw_code) AS handled
      FROM u`);
    expect(r.n).toBe(manifestA.counts.settlement_upgrading);
    expect(r.not_kumuh).toBe(0);
    expect(445 - (r.handled as number)).toBe(211);
  });
});

describe('parseArgs', () => {
  it('has the documented defaults', () => {
    expect(parseArgs([])).toEqual({
      households: 700_000,
      seed: 20_230_203,
      out: 'data/demo',
      ifMissing: false,
      help: false,
    });
    expect(
      parseArgs(['--households', '20000', '--seed=7', '--out', 'x', '--if-missing']),
    ).toMatchObject({
      households: 20_000,
      seed: 7,
      out: 'x',
      ifMissing: true,
    });
  });

  it('refuses household counts outside 1,000–5,000,000 and malformed options', () => {
    expect(() => parseArgs(['--households', '999'])).toThrow(/between 1,000 and 5,000,000/);
    expect(() => parseArgs(['--households', '5000001'])).toThrow(UsageError);
    expect(() => parseArgs(['--households', 'lots'])).toThrow(/whole number/);
    expect(() => parseArgs(['--seed'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--colour', 'red'])).toThrow(/unknown option/);
  });
});
