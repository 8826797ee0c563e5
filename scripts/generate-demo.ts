/**
 * Generates the synthetic demo data set (data/demo by default):
 *   npm run data -- [--households N] [--seed S] [--out DIR] [--if-missing]
 * Same options, same bytes: no timestamps, seeded randomness, single-threaded Parquet writer.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_PERIOD_ID,
  UPGRADING_COLUMNS,
  type KumuhLevel,
  type UpgradingRow,
} from '../src/db/contracts';
import { allocateRw, readKelurahan, type KelurahanWithRw } from './generate/areas';
import { generateHouseholds, householdStats } from './generate/households';
import {
  buildRwProfiles,
  cityScale,
  kecamatanOf,
  kotaOf,
  type RwProfile,
  type RwSite,
} from './generate/rw-profile';
import { buildUpgrading } from './generate/upgrading';
import {
  fileDigest,
  writeCsv,
  writeHouseholdsParquet,
  writeJson,
  type FileDigest,
} from './generate/write';

/** Options of one generation run. */
export interface DemoOptions {
  /** registry households (rows of households.parquet), 1,000–5,000,000; default 700,000 */
  households: number;
  /** RNG seed; default 20230203 */
  seed: number;
  /** output directory; default data/demo */
  out: string;
}

/** Defaults: 700k households (the real registry scale), seed 20230203, data/demo. */
export const DEFAULT_OPTIONS: Readonly<DemoOptions> = {
  households: 700_000,
  seed: 20_230_203,
  out: 'data/demo',
};
/** Allowed range of --households. */
export const HOUSEHOLDS_RANGE = [1_000, 5_000_000] as const;

/** A GeoJSON feature with the given properties (geometry passed through untouched). */
export interface Feature<P> {
  type: 'Feature';
  geometry: unknown;
  properties: P;
}
/** A GeoJSON FeatureCollection. */
export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}
interface KotaBase {
  kota_code: string;
  kota_name: string;
  area_km2: number;
}
interface KecamatanBase extends KotaBase {
  kecamatan_code: string;
  kecamatan_name: string;
}
interface KelurahanBase extends KecamatanBase {
  kelurahan_code: string;
  kelurahan_name: string;
}
/** What the demo needs from the geometry builder (scripts/generate/geometry.ts). */
export interface DemoGeometry {
  kota: FeatureCollection<KotaBase>;
  kecamatan: FeatureCollection<KecamatanBase>;
  kelurahan: FeatureCollection<KelurahanBase>;
  rw: FeatureCollection<RwSite>;
}
/** Builds the synthetic geometry for the kelurahan and their RW counts. */
export type GeometryBuilder = (kelurahan: readonly KelurahanWithRw[], seed: number) => DemoGeometry;

/** manifest.json: options, counts, file digests and the measured calibration. */
export interface Manifest {
  synthetic: true;
  seed: number;
  households: number;
  generated_by: 'sasaran demo generator';
  counts: {
    kota: number;
    kecamatan: number;
    kelurahan: number;
    rw: number;
    households: number;
    settlement_upgrading: number;
  };
  files: Record<string, FileDigest>;
  calibration: {
    period: string;
    /** people under the poverty line / all residents, fraction */
    poverty_rate_people: number;
    /** people under the extreme line / all residents, fraction */
    extreme_poverty_rate_people: number;
    rw_kumuh: number;
    kjp_plus_children: number;
    klj_elderly: number;
  };
}

/** A mistake in the command line, reported without a stack trace. */
export class UsageError extends Error {}

const fmt = (n: number): string => n.toLocaleString('en');

/** Usage text of the CLI. */
export const USAGE = `usage: npm run data -- [--households N] [--seed S] [--out DIR] [--if-missing]
  --households N  registry households to generate, ${fmt(HOUSEHOLDS_RANGE[0])}–${fmt(HOUSEHOLDS_RANGE[1])} (default ${fmt(DEFAULT_OPTIONS.households)})
  --seed S        random seed, a non-negative integer (default ${DEFAULT_OPTIONS.seed})
  --out DIR       output directory (default ${DEFAULT_OPTIONS.out})
  --if-missing    do nothing when DIR/manifest.json matches these options`;

/** Parses CLI arguments; throws UsageError with what was wrong and how to fix it. */
export function parseArgs(
  argv: readonly string[],
): DemoOptions & { ifMissing: boolean; help: boolean } {
  const opts = { ...DEFAULT_OPTIONS, ifMissing: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const integer = (v: string): number => {
      const clean = v.replaceAll('_', '');
      if (!/^\d+$/.test(clean))
        throw new UsageError(`${flag} must be a whole number, got "${v}"\n${USAGE}`);
      return Number(clean);
    };
    switch (flag) {
      case '--households': {
        const n = integer(value());
        if (n < HOUSEHOLDS_RANGE[0] || n > HOUSEHOLDS_RANGE[1]) {
          throw new UsageError(
            `--households must be between ${fmt(HOUSEHOLDS_RANGE[0])} and ${fmt(HOUSEHOLDS_RANGE[1])}, got ${fmt(n)}`,
          );
        }
        opts.households = n;
        break;
      }
      case '--seed': {
        const s = integer(value());
        if (s > 0xffffffff) throw new UsageError(`--seed must be below 2^32, got ${s}`);
        opts.seed = s;
        break;
      }
      case '--out':
        opts.out = value();
        break;
      case '--if-missing':
        opts.ifMissing = true;
        break;
      case '--help':
      case '-h':
        opts.help = true;
        break;
      default:
        throw new UsageError(`unknown option "${arg}"\n${USAGE}`);
    }
  }
  return opts;
}

/** The files of a demo data set, in the order they are written (manifest.json last). */
export const DEMO_FILES = [
  'kota.geojson',
  'kecamatan.geojson',
  'kelurahan.geojson',
  'rw.geojson',
  'households.parquet',
  'settlement_upgrading.csv',
] as const;

/** True when DIR/manifest.json was made with these options and its files are all there. */
export function isUpToDate(options: DemoOptions): boolean {
  const path = join(options.out, 'manifest.json');
  if (!existsSync(path)) return false;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    if (m.seed !== options.seed || m.households !== options.households || !m.files) return false;
    return DEMO_FILES.every((f) => {
      const file = join(options.out, f);
      return (
        m.files?.[f] !== undefined && existsSync(file) && statSync(file).size === m.files[f].bytes
      );
    });
  } catch {
    return false;
  }
}

/** Loads the real geometry builder lazily (it is heavy and owned by scripts/generate/geometry.ts). */
async function defaultGeometry(): Promise<GeometryBuilder> {
  const mod = await import('./generate/geometry');
  return mod.buildGeometry;
}

const feature = <P>(geometry: unknown, properties: P): Feature<P> => ({
  type: 'Feature',
  geometry,
  properties,
});
const collection = <P>(features: Feature<P>[]): FeatureCollection<P> => ({
  type: 'FeatureCollection',
  features,
});
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Sums population and households of the RWs by a key of the RW code. */
function totals(
  rws: readonly RwProfile[],
  key: (r: RwProfile) => string,
): Map<string, { population: number; households: number }> {
  const out = new Map<string, { population: number; households: number }>();
  for (const r of rws) {
    const t = out.get(key(r)) ?? { population: 0, households: 0 };
    t.population += r.population;
    t.households += r.households;
    out.set(key(r), t);
  }
  return out;
}

/**
 * Generates every file of the demo into options.out and returns the manifest. Progress lines go
 * to `log` (default: nothing).
 */
export async function generateDemo(
  options: DemoOptions,
  buildGeometry?: GeometryBuilder,
  log: (line: string) => void = () => {},
): Promise<Manifest> {
  const t0 = performance.now();
  const lap = (what: string): void =>
    log(`${what.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const { households: n, seed, out } = options;
  mkdirSync(out, { recursive: true });
  rmSync(join(out, 'manifest.json'), { force: true });

  const kelurahan = allocateRw(readKelurahan(), seed);
  const geometry = (buildGeometry ?? (await defaultGeometry()))(kelurahan, seed);
  lap('geometry');

  const sites: RwSite[] = geometry.rw.features
    .map((f) => f.properties)
    .map((p) => ({
      rw_code: p.rw_code,
      kelurahan_code: p.kelurahan_code,
      rw_number: p.rw_number,
      area_km2: p.area_km2,
      centroid: p.centroid,
    }))
    .sort((a, b) => (a.rw_code < b.rw_code ? -1 : a.rw_code > b.rw_code ? 1 : 0));
  const profiles = buildRwProfiles(sites, seed, cityScale(n));
  const { columns, rws } = generateHouseholds(profiles, n, seed);
  const stats = householdStats(columns, rws);
  const upgrading = buildUpgrading(rws, seed);
  lap('households');

  const rwGeometry = new Map(geometry.rw.features.map((f) => [f.properties.rw_code, f.geometry]));
  const rwFc = collection(
    rws.map((r) =>
      feature(rwGeometry.get(r.rw_code), {
        rw_code: r.rw_code,
        kelurahan_code: r.kelurahan_code,
        rw_number: r.rw_number,
        population: r.population,
        households: r.households,
        kumuh_level: r.kumuh_level satisfies KumuhLevel,
        area_km2: r.area_km2,
      }),
    ),
  );
  const byKel = totals(rws, (r) => r.kelurahan_code);
  const byKec = totals(rws, (r) => kecamatanOf(r.rw_code));
  const byKota = totals(rws, (r) => kotaOf(r.rw_code));
  const none = { population: 0, households: 0 };
  const kelFc = collection(
    geometry.kelurahan.features.map((f) => {
      const p = f.properties;
      const t = byKel.get(p.kelurahan_code) ?? none;
      return feature(f.geometry, {
        kelurahan_code: p.kelurahan_code,
        kelurahan_name: p.kelurahan_name,
        kecamatan_code: p.kecamatan_code,
        kecamatan_name: p.kecamatan_name,
        kota_code: p.kota_code,
        kota_name: p.kota_name,
        area_km2: p.area_km2,
        population: t.population,
        households: t.households,
      });
    }),
  );
  const kecFc = collection(
    geometry.kecamatan.features.map((f) => {
      const p = f.properties;
      const t = byKec.get(p.kecamatan_code) ?? none;
      return feature(f.geometry, {
        kecamatan_code: p.kecamatan_code,
        kecamatan_name: p.kecamatan_name,
        kota_code: p.kota_code,
        kota_name: p.kota_name,
        area_km2: p.area_km2,
        population: t.population,
        households: t.households,
      });
    }),
  );
  const kotaFc = collection(
    geometry.kota.features.map((f) => {
      const p = f.properties;
      const t = byKota.get(p.kota_code) ?? none;
      return feature(f.geometry, {
        kota_code: p.kota_code,
        kota_name: p.kota_name,
        area_km2: p.area_km2,
        population: t.population,
        households: t.households,
      });
    }),
  );

  writeJson(join(out, 'kota.geojson'), kotaFc);
  writeJson(join(out, 'kecamatan.geojson'), kecFc);
  writeJson(join(out, 'kelurahan.geojson'), kelFc);
  writeJson(join(out, 'rw.geojson'), rwFc);
  writeCsv<UpgradingRow>(
    join(out, 'settlement_upgrading.csv'),
    UPGRADING_COLUMNS.map((c) => c.name),
    upgrading,
  );
  lap('geojson + csv');
  await writeHouseholdsParquet(join(out, 'households.parquet'), columns);
  lap('households.parquet');

  const manifest: Manifest = {
    synthetic: true,
    seed,
    households: n,
    generated_by: 'sasaran demo generator',
    counts: {
      kota: kotaFc.features.length,
      kecamatan: kecFc.features.length,
      kelurahan: kelFc.features.length,
      rw: rwFc.features.length,
      households: columns.length,
      settlement_upgrading: upgrading.length,
    },
    files: Object.fromEntries(DEMO_FILES.map((f) => [f, fileDigest(join(out, f))])),
    calibration: {
      period: DEFAULT_PERIOD_ID,
      poverty_rate_people: round6(stats.povertyRatePeople),
      extreme_poverty_rate_people: round6(stats.extremeRatePeople),
      rw_kumuh: rws.filter((r) => r.kumuh_level !== 'tidak').length,
      kjp_plus_children: stats.kjpPlusChildren,
      klj_elderly: stats.kljElderly,
    },
  };
  writeJson(join(out, 'manifest.json'), manifest, true);
  lap('manifest');
  return manifest;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const options: DemoOptions = {
    households: opts.households,
    seed: opts.seed,
    out: resolve(opts.out),
  };
  if (opts.ifMissing && isUpToDate(options)) {
    console.log(
      `demo data in ${opts.out} is up to date (seed ${options.seed}, ${options.households} households)`,
    );
    return;
  }
  console.log(
    `generating ${options.households.toLocaleString('en')} households, seed ${options.seed}, into ${opts.out}`,
  );
  const m = await generateDemo(options, undefined, (line) => console.log(`  ${line}`));
  const c = m.calibration;
  const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
  console.log(
    `done: ${m.counts.rw} RW (${c.rw_kumuh} kumuh), ${m.counts.households.toLocaleString('en')} households; ` +
      `poverty ${pct(c.poverty_rate_people)}, extreme ${pct(c.extreme_poverty_rate_people)} of people (${c.period}); ` +
      `KJP Plus ${c.kjp_plus_children.toLocaleString('en')}, KLJ ${c.klj_elderly.toLocaleString('en')}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    if (err instanceof UsageError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  });
}
