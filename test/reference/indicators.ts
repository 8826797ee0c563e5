/**
 * An independent, plain-JS computation of every catalogue indicator from household rows. It is
 * written from the rules in words (DOMAIN.md and the catalogue descriptions), not from the SQL,
 * so that tests can compare the SQL builders against it.
 */
import type { HouseholdRow } from '../../src/db/contracts/households';
import type { KumuhLevel, Level } from '../../src/db/contracts/areas';
import type { UpgradingRow } from '../../src/db/contracts/upgrading';

export interface RefRw {
  rw_code: string;
  kelurahan_code: string;
  population: number;
  households: number;
  kumuh_level: KumuhLevel;
}

export interface RefKelurahan {
  kelurahan_code: string;
  kecamatan_code: string;
  kota_code: string;
}

export interface RefOptions {
  level: Level;
  povertyLine: number;
  extremeLine: number;
  minCell: number;
  areas?: string[];
  kumuh?: KumuhLevel[];
  ktp?: 'all' | 'yes' | 'no';
  upgradingYear?: number | null;
}

/** Per area code: indicator id -> value (null = suppressed or no denominator). */
export type RefResult = Map<string, Record<string, number | null>>;

function codeAt(level: Level, rw: RefRw, kel: RefKelurahan): string {
  switch (level) {
    case 'provinsi':
      return '31';
    case 'kota':
      return kel.kota_code;
    case 'kecamatan':
      return kel.kecamatan_code;
    case 'kelurahan':
      return kel.kelurahan_code;
    case 'rw':
      return rw.rw_code;
  }
}

interface Acc {
  population: number;
  households: number;
  kumuh: number;
  upgraded: number;
  hh: number;
  [k: string]: number;
}

const add = (acc: Acc, key: string, v: number): void => {
  acc[key] = (acc[key] ?? 0) + v;
};

function isRtlh(h: HouseholdRow): boolean {
  let n = 0;
  if (h.floor_area_m2 / h.members < 8) n++;
  if (['tanah', 'bambu', 'kayu_murah'].includes(h.floor_material)) n++;
  if (['bambu', 'kayu', 'tembok_tanpa_plester'].includes(h.wall_material)) n++;
  if (['rumbia', 'seng'].includes(h.roof_material)) n++;
  return n >= 2;
}

/** Eligible units and received units of each program for one household. */
function programs(h: HouseholdRow): Record<string, { e: number; r: number; leak: boolean }> {
  const reg = h.desil <= 4;
  const regKtp = reg && h.ktp_dki;
  return {
    kb: { e: reg && h.pus ? 1 : 0, r: h.pus && h.kb_active ? 1 : 0, leak: false },
    pmt_balita: { e: reg ? h.toddlers : 0, r: h.pmt_balita, leak: true },
    pmt_lansia: { e: h.desil <= 2 ? h.elderly : 0, r: h.pmt_lansia, leak: true },
    kjp_plus: { e: regKtp ? h.school_age : 0, r: h.kjp_plus, leak: true },
    kaj: { e: regKtp ? h.children_0_6 : 0, r: h.kartu_anak, leak: true },
    klj: { e: regKtp ? h.elderly : 0, r: h.kartu_lansia, leak: true },
    kpdj: { e: regKtp ? h.disabled : 0, r: h.kartu_disabilitas, leak: true },
  };
}

/** Computes every indicator for every area of `level`. */
export function referenceIndicators(
  households: readonly HouseholdRow[],
  rws: readonly RefRw[],
  kelurahan: readonly RefKelurahan[],
  upgrading: readonly UpgradingRow[],
  opt: RefOptions,
): RefResult {
  const kelBy = new Map(kelurahan.map((k) => [k.kelurahan_code, k]));
  const inArea = (rw: RefRw): boolean =>
    !opt.areas ||
    opt.areas.length === 0 ||
    opt.areas.some((a) => a === '31' || rw.rw_code === a || rw.rw_code.startsWith(`${a}.`));
  const keptRw = rws.filter(
    (rw) =>
      inArea(rw) && (!opt.kumuh || opt.kumuh.length === 0 || opt.kumuh.includes(rw.kumuh_level)),
  );
  const upgraded = new Set(
    upgrading
      .filter(
        (u) =>
          (u.status === 'berjalan' || u.status === 'selesai') &&
          (opt.upgradingYear == null || u.year <= opt.upgradingYear),
      )
      .map((u) => u.rw_code),
  );
  const accs = new Map<string, Acc>();
  const rwArea = new Map<string, string>();
  for (const rw of keptRw) {
    const kel = kelBy.get(rw.kelurahan_code)!;
    const code = codeAt(opt.level, rw, kel);
    rwArea.set(rw.rw_code, code);
    let acc = accs.get(code);
    if (!acc) {
      acc = { population: 0, households: 0, kumuh: 0, upgraded: 0, hh: 0 };
      accs.set(code, acc);
    }
    acc.population += rw.population;
    acc.households += rw.households;
    if (rw.kumuh_level !== 'tidak') {
      acc.kumuh++;
      if (upgraded.has(rw.rw_code)) acc.upgraded++;
    }
  }
  for (const h of households) {
    const code = rwArea.get(h.rw_code);
    if (code === undefined) continue;
    if (opt.ktp === 'yes' && !h.ktp_dki) continue;
    if (opt.ktp === 'no' && h.ktp_dki) continue;
    const acc = accs.get(code)!;
    const poor = h.expenditure_per_capita < opt.povertyLine;
    const extreme = h.expenditure_per_capita < opt.extremeLine;
    add(acc, 'hh', 1);
    if (h.desil <= 4) add(acc, 'registry', 1);
    if (h.desil === 1) add(acc, 'desil1', 1);
    if (poor) {
      add(acc, 'poor_hh', 1);
      add(acc, 'poor_people', h.members);
      add(acc, 'poor_toddlers', h.toddlers);
      add(acc, 'poor_elderly', h.elderly);
      if (h.toddlers > 0) add(acc, 'poor_toddlers_hh', 1);
      if (h.elderly > 0) add(acc, 'poor_elderly_hh', 1);
    }
    if (extreme) {
      add(acc, 'extreme_hh', 1);
      add(acc, 'extreme_people', h.members);
    }
    if (isRtlh(h)) add(acc, 'rtlh', 1);
    if (h.water_source === 'sumur_tak_terlindung' || h.water_source === 'sungai')
      add(acc, 'water', 1);
    if (h.sanitation !== 'sendiri') add(acc, 'toilet', 1);
    if (!h.ktp_dki) add(acc, 'nonktp', 1);
    if (h.validation_status !== 'belum') add(acc, 'visited', 1);
    add(acc, `status_${h.validation_status}`, 1);
    if (h.desil === 1) {
      const reachedBy = Object.values(programs(h)).filter((p) => Math.min(p.e, p.r) > 0).length;
      add(acc, reachedBy === 0 ? 'd1_none' : reachedBy === 1 ? 'd1_one' : 'd1_many', 1);
    }
    for (const [id, p] of Object.entries(programs(h))) {
      const reach = Math.min(p.e, p.r);
      add(acc, `${id}_e`, p.e);
      add(acc, `${id}_reach`, reach);
      add(acc, `${id}_gap`, p.e - reach);
      add(acc, `${id}_recv`, p.r);
      add(acc, `${id}_leak`, h.desil > 4 ? p.r : 0);
      if (p.e > 0) add(acc, `${id}_e_hh`, 1);
      if (reach > 0) add(acc, `${id}_reach_hh`, 1);
      if (p.e > reach) add(acc, `${id}_gap_hh`, 1);
      if (p.r > 0) add(acc, `${id}_recv_hh`, 1);
      if (h.desil > 4 && p.r > 0) add(acc, `${id}_leak_hh`, 1);
    }
  }

  const k = opt.minCell;
  const small = (n: number): boolean => n > 0 && n < k;
  const out: RefResult = new Map();
  for (const [code, a] of [...accs].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const g = (key: string): number => a[key] ?? 0;
    const hhSmall = small(g('hh'));
    const val = (num: number, den: number | null, disclosure: number[]): number | null => {
      if (hhSmall || disclosure.some(small)) return null;
      if (den === null) return num;
      return den === 0 ? null : num / den;
    };
    const r: Record<string, number | null> = {
      extreme_poor_households: val(g('extreme_hh'), null, [g('extreme_hh')]),
      extreme_poverty_rate: val(g('extreme_people'), a.population, [g('extreme_hh')]),
      poor_households: val(g('poor_hh'), null, [g('poor_hh')]),
      poverty_rate: val(g('poor_people'), a.population, [g('poor_hh')]),
      registry_households: val(g('registry'), null, [g('registry')]),
      desil1_share: val(g('desil1'), g('hh'), [g('desil1')]),
      rtlh_rate: val(g('rtlh'), g('hh'), [g('rtlh')]),
      unsafe_water_rate: val(g('water'), g('hh'), [g('water')]),
      no_own_toilet_rate: val(g('toilet'), g('hh'), [g('toilet')]),
      non_ktp_dki_share: val(g('nonktp'), g('hh'), [g('nonktp')]),
      poor_toddlers: val(g('poor_toddlers'), null, [g('poor_toddlers_hh')]),
      poor_elderly: val(g('poor_elderly'), null, [g('poor_elderly_hh')]),
      validation_progress: val(g('visited'), g('hh'), [g('visited')]),
      validation_valid_share: val(g('status_valid'), g('visited'), [
        g('status_valid'),
        g('visited'),
      ]),
      validation_not_eligible_share: val(g('status_tidak_layak'), g('visited'), [
        g('status_tidak_layak'),
        g('visited'),
      ]),
      validation_moved_share: val(g('status_pindah'), g('visited'), [
        g('status_pindah'),
        g('visited'),
      ]),
      validation_deceased_share: val(g('status_meninggal'), g('visited'), [
        g('status_meninggal'),
        g('visited'),
      ]),
      validation_not_found_share: val(g('status_tidak_ditemukan'), g('visited'), [
        g('status_tidak_ditemukan'),
        g('visited'),
      ]),
      desil1_unreached_households: val(g('d1_none'), null, [g('d1_none')]),
      desil1_unreached_share: val(g('d1_none'), g('desil1'), [g('d1_none'), g('desil1')]),
      desil1_one_program_share: val(g('d1_one'), g('desil1'), [g('d1_one'), g('desil1')]),
      desil1_multi_program_share: val(g('d1_many'), g('desil1'), [g('d1_many'), g('desil1')]),
      kumuh_rw: a.kumuh,
      upgrading_coverage: a.kumuh === 0 ? null : a.upgraded / a.kumuh,
    };
    for (const id of ['kb', 'pmt_balita', 'pmt_lansia', 'kjp_plus', 'kaj', 'klj', 'kpdj']) {
      r[`${id}_coverage`] = val(g(`${id}_reach`), g(`${id}_e`), [
        g(`${id}_reach_hh`),
        g(`${id}_e_hh`),
      ]);
      r[`${id}_gap`] = val(g(`${id}_gap`), null, [g(`${id}_gap_hh`)]);
      r[`${id}_gap_rate`] = val(g(`${id}_gap`), g(`${id}_e`), [g(`${id}_gap_hh`), g(`${id}_e_hh`)]);
      if (id !== 'kb') {
        r[`${id}_leakage_rate`] = val(g(`${id}_leak`), g(`${id}_recv`), [
          g(`${id}_leak_hh`),
          g(`${id}_recv_hh`),
        ]);
      }
    }
    out.set(code, r);
  }
  return out;
}
