/**
 * Cube measures: additive sums over households, pre-aggregated per (rw_code, ktp_dki) so that
 * every indicator is a ratio of summed parts and a filter change scans a few thousand rows, not
 * millions. Each measure is SQL over one row of the `hh_flags` projection (see cube.ts).
 */
import { PROGRAMS } from './programs';

/** One additive measure of the cube. */
export interface Measure {
  /** Column name in the cube (snake_case, whitelisted). */
  readonly name: string;
  /** SQL expression summed over households (a number per household row). */
  readonly expr: string;
  /**
   * For a household count: the condition alone. The cube counts it with `count_if`, about twice
   * as fast in DuckDB-WASM as summing the equivalent CASE (issue 8).
   */
  readonly condition?: string;
  /** What a unit of the sum is. */
  readonly unit: 'households' | 'persons';
}

const hh = (name: string, condition: string): Measure => ({
  name,
  expr: `CASE WHEN ${condition} THEN 1 ELSE 0 END`,
  condition,
  unit: 'households',
});
const persons = (name: string, expr: string): Measure => ({ name, expr, unit: 'persons' });

const base: Measure[] = [
  hh('hh', 'TRUE'),
  persons('people', 'members'),
  hh('registry_hh', 'registry'),
  ...Array.from({ length: 10 }, (_, i) => hh(`desil${i + 1}_hh`, `desil = ${i + 1}`)),
  hh('poor_hh', 'poor'),
  persons('poor_people', 'CASE WHEN poor THEN members ELSE 0 END'),
  hh('extreme_hh', 'extreme'),
  persons('extreme_people', 'CASE WHEN extreme THEN members ELSE 0 END'),
  hh('rtlh_hh', 'rtlh'),
  hh('unsafe_water_hh', 'unsafe_water'),
  hh('no_toilet_hh', 'no_own_toilet'),
  hh('non_ktp_hh', 'NOT ktp_dki'),
  persons('poor_toddlers', 'CASE WHEN poor THEN toddlers ELSE 0 END'),
  hh('poor_toddlers_hh', 'poor AND toddlers > 0'),
  persons('poor_elderly', 'CASE WHEN poor THEN elderly ELSE 0 END'),
  hh('poor_elderly_hh', 'poor AND elderly > 0'),
  hh('visited_hh', "validation_status <> 'belum'"),
  hh('valid_hh', "validation_status = 'valid'"),
  hh('not_eligible_hh', "validation_status = 'tidak_layak'"),
  hh('moved_hh', "validation_status = 'pindah'"),
  hh('deceased_hh', "validation_status = 'meninggal'"),
  hh('not_found_hh', "validation_status = 'tidak_ditemukan'"),
];

/** Per-program measures: eligible, reached (eligible and receiving), gap, received, leakage. */
const perProgram: Measure[] = PROGRAMS.flatMap((p) => {
  const e = `(${p.eligible})`;
  const r = `(${p.received})`;
  const reach = `least(${r}, ${e})`;
  const list: Measure[] = [
    { name: `${p.id}_elig`, expr: e, unit: p.unit },
    hh(`${p.id}_elig_hh`, `${e} > 0`),
    { name: `${p.id}_reach`, expr: reach, unit: p.unit },
    hh(`${p.id}_reach_hh`, `${reach} > 0`),
    { name: `${p.id}_gap`, expr: `${e} - ${reach}`, unit: p.unit },
    hh(`${p.id}_gap_hh`, `${e} > ${reach}`),
  ];
  if (p.leakage) {
    list.push(
      { name: `${p.id}_recv`, expr: r, unit: p.unit },
      hh(`${p.id}_recv_hh`, `${r} > 0`),
      { name: `${p.id}_leak`, expr: `CASE WHEN desil > 4 THEN ${r} ELSE 0 END`, unit: p.unit },
      hh(`${p.id}_leak_hh`, `desil > 4 AND ${r} > 0`),
    );
  }
  return list;
});

/**
 * SQL over a `hh_flags` row: how many programs reach the household (eligible and receiving),
 * 0 to the number of programs.
 */
export const PROGRAMS_REACHED_SQL = `(${PROGRAMS.map(
  (p) => `CASE WHEN least((${p.received}), (${p.eligible})) > 0 THEN 1 ELSE 0 END`,
).join(' + ')})`;

/** Convergence: desil-1 households by the number of programs that reach them (none, one, 2+). */
const convergence: Measure[] = [
  hh('d1_reached_0_hh', `desil = 1 AND ${PROGRAMS_REACHED_SQL} = 0`),
  hh('d1_reached_1_hh', `desil = 1 AND ${PROGRAMS_REACHED_SQL} = 1`),
  hh('d1_reached_2plus_hh', `desil = 1 AND ${PROGRAMS_REACHED_SQL} >= 2`),
];

/** Every cube measure, in column order. */
export const MEASURES: readonly Measure[] = [...base, ...perProgram, ...convergence];

/** Measure names, for whitelisting. */
export const MEASURE_NAMES: ReadonlySet<string> = new Set(MEASURES.map((m) => m.name));

/**
 * Area measures: computed from the rw and settlement_upgrading tables, not from households.
 * `population` and `households_all` are all residents (denominators of population rates).
 */
export const AREA_MEASURES = [
  'population',
  'households_all',
  'rw_count',
  'kumuh_rw',
  'upgraded_rw',
] as const;
/** An area measure name. */
export type AreaMeasure = (typeof AREA_MEASURES)[number];
