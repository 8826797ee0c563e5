import { beforeAll, describe, expect, it } from 'vitest';
import {
  HOUSEHOLD_COLUMNS,
  KUMUH_LEVELS,
  TENURE,
  VALIDATION_STATUS,
  povertyPeriod,
} from '../../src/db/contracts';
import { RW_PER_KOTA, allocateRw, readKelurahan, rwCode } from './areas';
import {
  TARGET_KJP_PLUS,
  TARGET_KLJ,
  VALIDATION_END_DAY,
  VALIDATION_START_DAY,
  generateHouseholds,
  householdRow,
  householdStats,
  type GeneratedHouseholds,
  type HouseholdStats,
} from './households';
import {
  KUMUH_PER_GRADE,
  moransI,
  KUMUH_PER_KOTA,
  buildRwProfiles,
  cityScale,
  type RwProfile,
  type RwSite,
} from './rw-profile';
import { buildUpgrading } from './upgrading';

const N = 20_000;
const SEED = 20_230_203;
const SCALE = cityScale(N);

/** Synthetic centroids: kelurahan on a spiral around a point per kota, RWs on a small spiral. */
function stubSites(seed: number): RwSite[] {
  const center: Record<string, [number, number]> = {
    '31.01': [106.55, -5.7],
    '31.71': [106.83, -6.18],
    '31.72': [106.88, -6.12],
    '31.73': [106.75, -6.17],
    '31.74': [106.81, -6.27],
    '31.75': [106.9, -6.23],
  };
  const seen = new Map<string, number>();
  return allocateRw(readKelurahan(), seed).flatMap((k) => {
    const j = seen.get(k.kota_code) ?? 0;
    seen.set(k.kota_code, j + 1);
    const [cx, cy] = center[k.kota_code]!;
    const kx = cx + 0.006 * Math.sqrt(j) * Math.cos(j * 2.4);
    const ky = cy + 0.006 * Math.sqrt(j) * Math.sin(j * 2.4);
    return Array.from({ length: k.rw_count }, (_, i) => ({
      rw_code: rwCode(k.kelurahan_code, i + 1),
      kelurahan_code: k.kelurahan_code,
      rw_number: i + 1,
      area_km2: 0.2,
      centroid: [
        kx + 0.0012 * Math.sqrt(i + 1) * Math.cos(i * 2.4),
        ky + 0.0012 * Math.sqrt(i + 1) * Math.sin(i * 2.4),
      ] as const,
    }));
  });
}

let sites: RwSite[];
let profiles: RwProfile[];
let gen: GeneratedHouseholds;
let stats: HouseholdStats;

beforeAll(() => {
  sites = stubSites(SEED);
  profiles = buildRwProfiles(sites, SEED, SCALE);
  gen = generateHouseholds(profiles, N, SEED);
  stats = householdStats(gen.columns, gen.rws);
});

describe('RW profiles', () => {
  it('has the 2021 RW count per kota and a population of about 10.7 M × scale', () => {
    expect(profiles).toHaveLength(2731);
    for (const [kota, count] of Object.entries(RW_PER_KOTA)) {
      expect(profiles.filter((p) => p.kota_code === kota)).toHaveLength(count);
    }
    const population = profiles.reduce((s, p) => s + p.population, 0);
    expect(Math.abs(population - 10_700_000 * SCALE)).toBeLessThan(10);
  });

  it('has about 4,000 people and 1,000–1,300 households per RW at full scale', () => {
    const full = buildRwProfiles(sites, SEED, 1);
    const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(full.map((p) => p.population))).toBeGreaterThan(3_500);
    expect(median(full.map((p) => p.population))).toBeLessThan(4_500);
    expect(median(full.map((p) => p.households))).toBeGreaterThan(1_000);
    expect(median(full.map((p) => p.households))).toBeLessThan(1_300);
  });

  it('marks exactly 445 RW kumuh with the BPS grade and kota split', () => {
    const kumuh = profiles.filter((p) => p.kumuh_level !== 'tidak');
    expect(kumuh).toHaveLength(445);
    for (const [grade, count] of Object.entries(KUMUH_PER_GRADE)) {
      expect(kumuh.filter((p) => p.kumuh_level === grade)).toHaveLength(count);
    }
    for (const [kota, count] of Object.entries(KUMUH_PER_KOTA)) {
      expect(kumuh.filter((p) => p.kota_code === kota)).toHaveLength(count);
    }
  });

  it('puts kumuh, and heavier grades, where deprivation is higher', () => {
    const meanDep = (ps: RwProfile[]): number =>
      ps.reduce((s, p) => s + p.deprivation, 0) / ps.length;
    const byLevel = KUMUH_LEVELS.map((l) => meanDep(profiles.filter((p) => p.kumuh_level === l)));
    for (let i = 1; i < byLevel.length; i++) expect(byLevel[i]!).toBeGreaterThan(byLevel[i - 1]!);
  });

  it('has a spatially smooth deprivation score', () => {
    const mainland = profiles.filter((p) => p.kota_code !== '31.01');
    expect(
      moransI(
        mainland,
        mainland.map((p) => p.deprivation),
      ),
    ).toBeGreaterThan(0.4);
  });
});

describe('households calibration (N = 20,000)', () => {
  it('puts 4.3 % of people under the Mar-2024 poverty line', () => {
    expect(stats.povertyRatePeople).toBeGreaterThan(0.043 * 0.9);
    expect(stats.povertyRatePeople).toBeLessThan(0.043 * 1.1);
  });

  it('puts about 0.9 % of people under the extreme line, Utara highest and Barat lowest', () => {
    expect(stats.extremeRatePeople).toBeGreaterThan(0.009 * 0.9);
    expect(stats.extremeRatePeople).toBeLessThan(0.009 * 1.1);
    const mainland = Object.entries(stats.extremeRateByKota).filter(([k]) => k !== '31.01');
    const sorted = [...mainland].sort((a, b) => b[1] - a[1]);
    expect(sorted[0]![0]).toBe('31.72');
    expect(sorted[sorted.length - 1]![0]).toBe('31.73');
  });

  it('recomputes the rates for another period line', () => {
    const sep = householdStats(gen.columns, gen.rws, povertyPeriod('2024-09'));
    expect(sep.povertyRatePeople).toBeGreaterThan(stats.povertyRatePeople);
  });

  it('gives KJP Plus to ≈ 533k × N/700k children and KLJ to ≈ 102k × N/700k elderly', () => {
    expect(Math.abs(stats.kjpPlusChildren / (TARGET_KJP_PLUS * SCALE) - 1)).toBeLessThan(0.1);
    expect(Math.abs(stats.kjpPlusChildren / (500_000 * SCALE) - 1)).toBeLessThan(0.1);
    expect(Math.abs(stats.kljElderly / (TARGET_KLJ * SCALE) - 1)).toBeLessThan(0.1);
  });

  it('has 8–12 % desil 5–10 rows, 10–15 % without KTP DKI, 60–70 % visited, KB among PUS 55–65 %', () => {
    expect(stats.leakageShare).toBeGreaterThanOrEqual(0.08);
    expect(stats.leakageShare).toBeLessThanOrEqual(0.12);
    expect(1 - stats.ktpDkiShare).toBeGreaterThanOrEqual(0.1);
    expect(1 - stats.ktpDkiShare).toBeLessThanOrEqual(0.15);
    expect(stats.visitedShare).toBeGreaterThanOrEqual(0.6);
    expect(stats.visitedShare).toBeLessThanOrEqual(0.7);
    expect(stats.kbAmongPus).toBeGreaterThanOrEqual(0.55);
    expect(stats.kbAmongPus).toBeLessThanOrEqual(0.65);
  });

  it('clusters poverty: RW poverty rates correlate with their neighbours', () => {
    const poor = new Array<number>(gen.rws.length).fill(0);
    const c = gen.columns;
    const line = povertyPeriod('2024-03').povertyLine;
    for (let i = 0; i < c.length; i++)
      if (c.expenditure_per_capita[i]! < line) poor[c.rw_code[i]!]! += c.members[i]!;
    const mainland = gen.rws.flatMap((r, i) => (r.kota_code === '31.01' ? [] : [i]));
    const rate = mainland.map((i) => poor[i]! / gen.rws[i]!.population);
    expect(
      moransI(
        mainland.map((i) => gen.rws[i]!),
        rate,
      ),
    ).toBeGreaterThan(0.3);
  });
});

describe('households rows', () => {
  it('keeps every value in the contract range or list', () => {
    const c = gen.columns;
    const bad: string[] = [];
    for (const spec of HOUSEHOLD_COLUMNS) {
      if (spec.name === 'hh_id' || spec.name === 'rw_code') continue;
      const arr = c[spec.name];
      const values = 'values' in spec ? spec.values : undefined;
      const range = 'range' in spec ? spec.range : undefined;
      for (let i = 0; i < c.length; i++) {
        const v = arr[i]!;
        const ok = values
          ? Number.isInteger(v) && v < values.length
          : !range || (v >= range[0] && v <= range[1]);
        if (!ok) bad.push(`${spec.name}[${i}] = ${v}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('has unique 12-hex ids, rows ordered by RW then RT, and RT numbers 1–16', () => {
    const c = gen.columns;
    expect(new Set(c.hh_id).size).toBe(N);
    expect(c.hh_id.every((id) => /^[0-9a-f]{12}$/.test(id))).toBe(true);
    for (let i = 1; i < c.length; i++) {
      const a = c.rw_code[i - 1]! * 100 + c.rt_number[i - 1]!;
      const b = c.rw_code[i]! * 100 + c.rt_number[i]!;
      if (b < a) expect.fail(`row ${i} out of order`);
    }
    expect(Math.max(...c.rt_number)).toBeLessThanOrEqual(16);
    expect(Math.min(...c.rt_number)).toBe(1);
  });

  it('keeps member counts, receipts and validation consistent on every row', () => {
    const c = gen.columns;
    for (let i = 0; i < c.length; i++) {
      const r = householdRow(c, i);
      const ok =
        r.toddlers <= r.children_0_6 &&
        r.children_0_6 + r.school_age + r.elderly <= r.members &&
        r.disabled <= r.members &&
        r.kjp_plus + r.kjmu <= r.school_age &&
        r.kartu_anak <= r.children_0_6 &&
        r.kartu_lansia <= r.elderly &&
        r.kartu_disabilitas <= r.disabled &&
        r.kpar <= r.children_0_6 + r.school_age &&
        r.pmt_balita <= r.toddlers &&
        r.pmt_lansia <= r.elderly &&
        (!r.kb_active || r.pus) &&
        (r.validated_on === null) === (r.validation_status === 'belum');
      if (!ok) expect.fail(`row ${i} inconsistent: ${JSON.stringify(r)}`);
    }
  });

  it('dates field visits between 2023-02-03 and 2024-12-31', () => {
    const days = [...gen.columns.validated_on].filter((d) => d >= 0);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(VALIDATION_START_DAY);
    expect(Math.max(...days)).toBeLessThanOrEqual(VALIDATION_END_DAY);
    const outcomes = new Set([...gen.columns.validation_status].map((s) => VALIDATION_STATUS[s]));
    expect([...outcomes].sort()).toEqual([...VALIDATION_STATUS].sort());
  });

  it('never puts more registry rows or people in an RW than it has residents', () => {
    const rows = new Array<number>(gen.rws.length).fill(0);
    const people = new Array<number>(gen.rws.length).fill(0);
    for (let i = 0; i < gen.columns.length; i++) {
      rows[gen.columns.rw_code[i]!]!++;
      people[gen.columns.rw_code[i]!]! += gen.columns.members[i]!;
    }
    gen.rws.forEach((r, i) => {
      expect(rows[i]!).toBeLessThanOrEqual(r.households);
      expect(people[i]!).toBeLessThanOrEqual(r.population);
    });
  });

  it('targets programs mostly at eligible households, with uneven reach by RW', () => {
    const c = gen.columns;
    let kjp = 0;
    let kjpEligible = 0;
    const school = new Array<number>(gen.rws.length).fill(0);
    const got = new Array<number>(gen.rws.length).fill(0);
    for (let i = 0; i < c.length; i++) {
      kjp += c.kjp_plus[i]!;
      if (c.desil[i]! <= 4 && c.ktp_dki[i]) kjpEligible += c.kjp_plus[i]!;
      school[c.rw_code[i]!]! += c.school_age[i]!;
      got[c.rw_code[i]!]! += c.kjp_plus[i]!;
    }
    expect(kjpEligible / kjp).toBeGreaterThan(0.9);
    expect(kjpEligible).toBeLessThan(kjp);
    const coverage = school.flatMap((s, i) => (s >= 20 ? [got[i]! / s] : []));
    const mean = coverage.reduce((s, x) => s + x, 0) / coverage.length;
    const sd = Math.sqrt(coverage.reduce((s, x) => s + (x - mean) ** 2, 0) / coverage.length);
    expect(mean).toBeLessThan(0.9);
    expect(sd / mean).toBeGreaterThan(0.15);
  });

  it('makes poorer households larger and worse housed, and kumuh RWs worse housed', () => {
    const c = gen.columns;
    const mean = (pred: (i: number) => boolean, val: (i: number) => number): number => {
      let s = 0;
      let k = 0;
      for (let i = 0; i < c.length; i++) {
        if (!pred(i)) continue;
        s += val(i);
        k++;
      }
      return s / k;
    };
    expect(
      mean(
        (i) => c.desil[i] === 1,
        (i) => c.members[i]!,
      ),
    ).toBeGreaterThan(
      mean(
        (i) => c.desil[i]! >= 4,
        (i) => c.members[i]!,
      ),
    );
    const badFloor = (i: number): number => (c.floor_material[i]! >= 2 ? 1 : 0);
    expect(mean((i) => c.desil[i] === 1, badFloor)).toBeGreaterThan(
      mean((i) => c.desil[i]! >= 4, badFloor),
    );
    const kumuh = (i: number): boolean => gen.rws[c.rw_code[i]!]!.kumuh_level !== 'tidak';
    const shared = (i: number): number => (c.sanitation[i]! >= 1 ? 1 : 0);
    expect(mean(kumuh, shared)).toBeGreaterThan(mean((i) => !kumuh(i), shared));
    const owner = TENURE.indexOf('milik');
    expect(
      mean(
        (i) => c.desil[i] === 1,
        (i) => (c.tenure[i] === owner ? 1 : 0),
      ),
    ).toBeLessThan(
      mean(
        (i) => c.desil[i]! >= 5,
        (i) => (c.tenure[i] === owner ? 1 : 0),
      ),
    );
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const again = generateHouseholds(profiles, N, SEED).columns;
    expect(again.hh_id).toEqual(gen.columns.hh_id);
    expect(again.expenditure_per_capita).toEqual(gen.columns.expenditure_per_capita);
    expect(again.kjp_plus).toEqual(gen.columns.kjp_plus);
    const other = generateHouseholds(profiles, N, SEED + 1).columns;
    expect(other.hh_id).not.toEqual(gen.columns.hh_id);
  });
});

describe('settlement upgrading', () => {
  it('handles ~200 RW kumuh by 2023 and leaves ~211 in 2026, CAP in t and CIP in t+1', () => {
    const rows = buildUpgrading(gen.rws, SEED);
    const kumuh = new Set(gen.rws.filter((r) => r.kumuh_level !== 'tidak').map((r) => r.rw_code));
    expect(rows.every((r) => kumuh.has(r.rw_code))).toBe(true);
    const cap = new Map(rows.filter((r) => r.stage === 'cap').map((r) => [r.rw_code, r.year]));
    const cip = new Map(rows.filter((r) => r.stage === 'cip').map((r) => [r.rw_code, r.year]));
    expect([...cap].every(([rw, year]) => cip.get(rw) === year + 1)).toBe(true);
    expect(cap.size).toBe(cip.size);
    const doneBy2023 = [...cip.values()].filter((y) => y <= 2023).length;
    expect(doneBy2023).toBeGreaterThanOrEqual(180);
    expect(doneBy2023).toBeLessThanOrEqual(220);
    expect(445 - cap.size).toBe(211);
    for (const r of rows) {
      expect(r.year).toBeGreaterThanOrEqual(2018);
      expect(r.year).toBeLessThanOrEqual(2026);
      expect(r.status).toBe(r.year < 2025 ? 'selesai' : r.year === 2025 ? 'berjalan' : 'rencana');
      expect(r.budget_idr).toBeLessThanOrEqual(2_000_000_000);
      expect(r.budget_idr).toBeGreaterThan(r.stage === 'cip' ? 1_500_000_000 : 50_000_000);
    }
  });
});
