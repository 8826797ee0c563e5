/**
 * The JavaScript contenders of the benchmark, each computing the cube measures per RW from the
 * same households: arquero (a dataframe library), an array-of-objects group-by driven by a
 * measure list (what a hand-rolled dashboard does) and a hand-fused single pass over typed
 * columns (about the fastest plain JS can go). The rules are re-stated here from programs.ts and
 * cube.ts; the benchmark checks every engine against DuckDB, so a drift shows as a mismatch.
 */
import * as aq from 'arquero';
import type { HouseholdRow } from '../../src/db/contracts';
import type { CubeParams } from '../../src/query/cube';

/** The household columns the measures read. */
export const MEASURE_INPUTS = [
  'rw_code',
  'desil',
  'members',
  'expenditure_per_capita',
  'ktp_dki',
  'toddlers',
  'children_0_6',
  'school_age',
  'elderly',
  'disabled',
  'pus',
  'kb_active',
  'floor_area_m2',
  'floor_material',
  'wall_material',
  'roof_material',
  'water_source',
  'sanitation',
  'kjp_plus',
  'kartu_anak',
  'kartu_lansia',
  'kartu_disabilitas',
  'pmt_balita',
  'pmt_lansia',
  'validation_status',
] as const satisfies readonly (keyof HouseholdRow)[];

/** One household with the measure inputs only. */
export type BenchHousehold = Pick<HouseholdRow, (typeof MEASURE_INPUTS)[number]>;

/** Per-RW measure sums: rw_code → values in {@link JS_MEASURE_NAMES} order. */
export type RwSums = Map<string, Float64Array>;

const PROGRAM_RULES: readonly (readonly [id: string, eligible: string, received: string, leakage: boolean])[] = [
  ['kb', 'd.registry && d.pus ? 1 : 0', 'd.pus && d.kb_active ? 1 : 0', false],
  ['pmt_balita', 'd.registry ? d.toddlers : 0', 'd.pmt_balita', true],
  ['pmt_lansia', 'd.desil <= 2 ? d.elderly : 0', 'd.pmt_lansia', true],
  ['kjp_plus', 'd.registry && d.ktp_dki ? d.school_age : 0', 'd.kjp_plus', true],
  ['kaj', 'd.registry && d.ktp_dki ? d.children_0_6 : 0', 'd.kartu_anak', true],
  ['klj', 'd.registry && d.ktp_dki ? d.elderly : 0', 'd.kartu_lansia', true],
  ['kpdj', 'd.registry && d.ktp_dki ? d.disabled : 0', 'd.kartu_disabilitas', true],
];
const PROGRAM_IDS = PROGRAM_RULES.map((p) => p[0]);

const oneOf = (col: string, values: readonly string[]): string =>
  `(${values.map((v) => `d.${col} === '${v}'`).join(' || ')})`;

/**
 * Per-household derived fields as arquero expressions over a row `d` and params `$` (`$.pl`,
 * `$.el`: poverty lines); each may use the fields before it. Both arquero and the
 * array-of-objects engine evaluate these same strings.
 */
const DERIVED: readonly (readonly [string, string])[] = [
  ['registry', 'd.desil <= 4'],
  ['poor', 'd.expenditure_per_capita < $.pl'],
  ['extreme', 'd.expenditure_per_capita < $.el'],
  [
    'rtlh',
    `((d.floor_area_m2 < 8 * d.members ? 1 : 0) + (${oneOf('floor_material', ['tanah', 'bambu', 'kayu_murah'])} ? 1 : 0)` +
      ` + (${oneOf('wall_material', ['bambu', 'kayu', 'tembok_tanpa_plester'])} ? 1 : 0) + (${oneOf('roof_material', ['rumbia', 'seng'])} ? 1 : 0)) >= 2`,
  ],
  ['unsafe_water', oneOf('water_source', ['sumur_tak_terlindung', 'sungai'])],
  ['no_own_toilet', "d.sanitation !== 'sendiri'"],
  ...PROGRAM_RULES.flatMap(([id, e, r]): [string, string][] => [
    [`e_${id}`, e],
    [`r_${id}`, r],
  ]),
  ...PROGRAM_IDS.map((id): [string, string] => [`x_${id}`, `d.r_${id} < d.e_${id} ? d.r_${id} : d.e_${id}`]),
  ['n_reached', PROGRAM_IDS.map((id) => `(d.x_${id} > 0 ? 1 : 0)`).join(' + ')],
];

const count = (cond: string): string => `${cond} ? 1 : 0`;
const VALIDATION: readonly (readonly [string, string])[] = [
  ['valid_hh', 'valid'],
  ['not_eligible_hh', 'tidak_layak'],
  ['moved_hh', 'pindah'],
  ['deceased_hh', 'meninggal'],
  ['not_found_hh', 'tidak_ditemukan'],
];

/** Every measure as an arquero expression over a derived row, in cube order (measures.ts). */
const JS_MEASURES: readonly (readonly [string, string])[] = [
  ['hh', '1'],
  ['people', 'd.members'],
  ['registry_hh', count('d.registry')],
  ...Array.from({ length: 10 }, (_, i): [string, string] => [`desil${i + 1}_hh`, count(`d.desil === ${i + 1}`)]),
  ['poor_hh', count('d.poor')],
  ['poor_people', 'd.poor ? d.members : 0'],
  ['extreme_hh', count('d.extreme')],
  ['extreme_people', 'd.extreme ? d.members : 0'],
  ['rtlh_hh', count('d.rtlh')],
  ['unsafe_water_hh', count('d.unsafe_water')],
  ['no_toilet_hh', count('d.no_own_toilet')],
  ['non_ktp_hh', count('!d.ktp_dki')],
  ['poor_toddlers', 'd.poor ? d.toddlers : 0'],
  ['poor_toddlers_hh', count('d.poor && d.toddlers > 0')],
  ['poor_elderly', 'd.poor ? d.elderly : 0'],
  ['poor_elderly_hh', count('d.poor && d.elderly > 0')],
  ['visited_hh', count("d.validation_status !== 'belum'")],
  ...VALIDATION.map(([name, v]): [string, string] => [name, count(`d.validation_status === '${v}'`)]),
  ...PROGRAM_RULES.flatMap(([id, , , leakage]): [string, string][] => {
    const e = `d.e_${id}`;
    const r = `d.r_${id}`;
    const x = `d.x_${id}`;
    const list: [string, string][] = [
      [`${id}_elig`, e],
      [`${id}_elig_hh`, count(`${e} > 0`)],
      [`${id}_reach`, x],
      [`${id}_reach_hh`, count(`${x} > 0`)],
      [`${id}_gap`, `${e} - ${x}`],
      [`${id}_gap_hh`, count(`${e} > ${x}`)],
    ];
    if (leakage) {
      list.push(
        [`${id}_recv`, r],
        [`${id}_recv_hh`, count(`${r} > 0`)],
        [`${id}_leak`, `d.desil > 4 ? ${r} : 0`],
        [`${id}_leak_hh`, count(`d.desil > 4 && ${r} > 0`)],
      );
    }
    return list;
  }),
  ['d1_reached_0_hh', count('d.desil === 1 && d.n_reached === 0')],
  ['d1_reached_1_hh', count('d.desil === 1 && d.n_reached === 1')],
  ['d1_reached_2plus_hh', count('d.desil === 1 && d.n_reached >= 2')],
];

/** Names of the measures the JS engines compute, in the order of their result vectors. */
export const JS_MEASURE_NAMES: readonly string[] = JS_MEASURES.map(([name]) => name);

const M = JS_MEASURES.length;
const lines = (p: CubeParams) => ({ pl: p.povertyLine, el: p.extremeLine });

/** The slice of arquero's ColumnTable the benchmark uses (its bundled types do not resolve for lint). */
export interface ArqueroTable {
  params(values: Record<string, number>): ArqueroTable;
  derive(values: Record<string, string>): ArqueroTable;
  groupby(key: string): ArqueroTable;
  rollup(values: Record<string, string>): ArqueroTable;
  numRows(): number;
  column(name: string): { at(row: number): unknown } | undefined;
}

const arqueroTable = aq.table as unknown as (columns: Record<string, unknown[]>) => ArqueroTable;

/** The households as arquero wants them: one array per column. */
export function toArqueroTable(rows: readonly BenchHousehold[]): ArqueroTable {
  const cols: Record<string, unknown[]> = {};
  for (const c of MEASURE_INPUTS) cols[c] = rows.map((r) => r[c]);
  return arqueroTable(cols);
}

/** arquero: derive the per-household fields, then group by RW and roll up every measure. */
export function aggregateArquero(table: ArqueroTable, params: CubeParams): RwSums {
  let t = table.params(lines(params));
  for (const [name, expr] of DERIVED) t = t.derive({ [name]: `(d, $) => ${expr}` });
  const rollup = Object.fromEntries(JS_MEASURES.map(([name, expr]) => [name, `d => op.sum(${expr})`]));
  const out = t.groupby('rw_code').rollup(rollup);
  const result: RwSums = new Map();
  const rw = out.column('rw_code')!;
  const cols = JS_MEASURE_NAMES.map((name) => out.column(name)!);
  for (let i = 0; i < out.numRows(); i++) {
    const v = new Float64Array(M);
    cols.forEach((c, j) => (v[j] = Number(c.at(i))));
    result.set(String(rw.at(i)), v);
  }
  return result;
}

/** A household with its derived fields, as the array-of-objects engine builds it per row. */
interface DerivedRow extends BenchHousehold {
  registry: boolean;
  poor: boolean;
  extreme: boolean;
  rtlh: boolean;
  unsafe_water: boolean;
  no_own_toilet: boolean;
  /** Eligible, received and reached units per program id. */
  e: Record<string, number>;
  r: Record<string, number>;
  x: Record<string, number>;
  n_reached: number;
}

const BAD_FLOOR = ['tanah', 'bambu', 'kayu_murah'];
const BAD_WALL = ['bambu', 'kayu', 'tembok_tanpa_plester'];
const BAD_ROOF = ['rumbia', 'seng'];
const UNSAFE_WATER = ['sumur_tak_terlindung', 'sungai'];

/** The derived fields of one household, written as a dashboard would (a fresh object per row). */
function deriveRow(h: BenchHousehold, pl: number, el: number): DerivedRow {
  const registry = h.desil <= 4;
  const regKtp = registry && h.ktp_dki;
  const rtlhCount =
    (h.floor_area_m2 < 8 * h.members ? 1 : 0) +
    (BAD_FLOOR.includes(h.floor_material) ? 1 : 0) +
    (BAD_WALL.includes(h.wall_material) ? 1 : 0) +
    (BAD_ROOF.includes(h.roof_material) ? 1 : 0);
  const e: Record<string, number> = {
    kb: registry && h.pus ? 1 : 0,
    pmt_balita: registry ? h.toddlers : 0,
    pmt_lansia: h.desil <= 2 ? h.elderly : 0,
    kjp_plus: regKtp ? h.school_age : 0,
    kaj: regKtp ? h.children_0_6 : 0,
    klj: regKtp ? h.elderly : 0,
    kpdj: regKtp ? h.disabled : 0,
  };
  const r: Record<string, number> = {
    kb: h.pus && h.kb_active ? 1 : 0,
    pmt_balita: h.pmt_balita,
    pmt_lansia: h.pmt_lansia,
    kjp_plus: h.kjp_plus,
    kaj: h.kartu_anak,
    klj: h.kartu_lansia,
    kpdj: h.kartu_disabilitas,
  };
  const x: Record<string, number> = {};
  let reached = 0;
  for (const id of PROGRAM_IDS) {
    x[id] = Math.min(e[id]!, r[id]!);
    if (x[id] > 0) reached++;
  }
  return {
    ...h,
    registry,
    poor: h.expenditure_per_capita < pl,
    extreme: h.expenditure_per_capita < el,
    rtlh: rtlhCount >= 2,
    unsafe_water: UNSAFE_WATER.includes(h.water_source),
    no_own_toilet: h.sanitation !== 'sendiri',
    e,
    r,
    x,
    n_reached: reached,
  };
}

type ObjectMeasure = readonly [string, (d: DerivedRow) => number];
const n = (b: boolean): number => (b ? 1 : 0);

/** Every measure as a function of a derived row, in {@link JS_MEASURE_NAMES} order. */
const OBJECT_MEASURES: readonly ObjectMeasure[] = [
  ['hh', () => 1],
  ['people', (d) => d.members],
  ['registry_hh', (d) => n(d.registry)],
  ...Array.from({ length: 10 }, (_, i): ObjectMeasure => [`desil${i + 1}_hh`, (d) => n(d.desil === i + 1)]),
  ['poor_hh', (d) => n(d.poor)],
  ['poor_people', (d) => (d.poor ? d.members : 0)],
  ['extreme_hh', (d) => n(d.extreme)],
  ['extreme_people', (d) => (d.extreme ? d.members : 0)],
  ['rtlh_hh', (d) => n(d.rtlh)],
  ['unsafe_water_hh', (d) => n(d.unsafe_water)],
  ['no_toilet_hh', (d) => n(d.no_own_toilet)],
  ['non_ktp_hh', (d) => n(!d.ktp_dki)],
  ['poor_toddlers', (d) => (d.poor ? d.toddlers : 0)],
  ['poor_toddlers_hh', (d) => n(d.poor && d.toddlers > 0)],
  ['poor_elderly', (d) => (d.poor ? d.elderly : 0)],
  ['poor_elderly_hh', (d) => n(d.poor && d.elderly > 0)],
  ['visited_hh', (d) => n(d.validation_status !== 'belum')],
  ...VALIDATION.map(([name, v]): ObjectMeasure => [name, (d) => n(d.validation_status === v)]),
  ...PROGRAM_RULES.flatMap(([id, , , leakage]): ObjectMeasure[] => {
    const list: ObjectMeasure[] = [
      [`${id}_elig`, (d) => d.e[id]!],
      [`${id}_elig_hh`, (d) => n(d.e[id]! > 0)],
      [`${id}_reach`, (d) => d.x[id]!],
      [`${id}_reach_hh`, (d) => n(d.x[id]! > 0)],
      [`${id}_gap`, (d) => d.e[id]! - d.x[id]!],
      [`${id}_gap_hh`, (d) => n(d.e[id]! > d.x[id]!)],
    ];
    if (leakage) {
      list.push(
        [`${id}_recv`, (d) => d.r[id]!],
        [`${id}_recv_hh`, (d) => n(d.r[id]! > 0)],
        [`${id}_leak`, (d) => (d.desil > 4 ? d.r[id]! : 0)],
        [`${id}_leak_hh`, (d) => n(d.desil > 4 && d.r[id]! > 0)],
      );
    }
    return list;
  }),
  ['d1_reached_0_hh', (d) => n(d.desil === 1 && d.n_reached === 0)],
  ['d1_reached_1_hh', (d) => n(d.desil === 1 && d.n_reached === 1)],
  ['d1_reached_2plus_hh', (d) => n(d.desil === 1 && d.n_reached >= 2)],
];

/**
 * Array of objects: for each household, a derived copy of the row, then every measure function
 * added into the RW's accumulator object (looked up by code in a Map). Its measure list is
 * written apart from arquero's expressions; the benchmark checks both against DuckDB.
 */
export function aggregateObjects(rows: readonly BenchHousehold[], params: CubeParams): RwSums {
  const groups = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const d = deriveRow(row, params.povertyLine, params.extremeLine);
    let g = groups.get(row.rw_code);
    if (!g) {
      g = Object.fromEntries(JS_MEASURE_NAMES.map((name) => [name, 0]));
      groups.set(row.rw_code, g);
    }
    for (const [name, value] of OBJECT_MEASURES) g[name]! += value(d);
  }
  const result: RwSums = new Map();
  for (const [rw, g] of groups) result.set(rw, Float64Array.from(JS_MEASURE_NAMES, (name) => g[name]!));
  return result;
}

/** Households as typed columns: numbers as typed arrays, text as codes into a dictionary. */
export interface TypedHouseholds {
  readonly length: number;
  /** Index of the row's RW in `rwCodes`. */
  readonly rw: Uint16Array;
  readonly rwCodes: readonly string[];
  readonly desil: Int8Array;
  readonly members: Int8Array;
  readonly expenditure: Int32Array;
  readonly ktp: Uint8Array;
  readonly toddlers: Int8Array;
  readonly children06: Int8Array;
  readonly schoolAge: Int8Array;
  readonly elderly: Int8Array;
  readonly disabled: Int8Array;
  readonly pus: Uint8Array;
  readonly kbActive: Uint8Array;
  readonly floorArea: Float32Array;
  /** 1 when the material/source is one of the RTLH or unsafe ones (decoded once at load). */
  readonly badFloor: Uint8Array;
  readonly badWall: Uint8Array;
  readonly badRoof: Uint8Array;
  readonly unsafeWater: Uint8Array;
  readonly noToilet: Uint8Array;
  readonly kjp: Int8Array;
  readonly kaj: Int8Array;
  readonly klj: Int8Array;
  readonly kpdj: Int8Array;
  readonly pmtBalita: Int8Array;
  readonly pmtLansia: Int8Array;
  /** Validation status code: 0 belum, 1 valid, 2 tidak_layak, 3 pindah, 4 meninggal, 5 tidak_ditemukan, 6 other. */
  readonly status: Uint8Array;
}

const STATUS_CODES = ['belum', 'valid', 'tidak_layak', 'pindah', 'meninggal', 'tidak_ditemukan'];

/** Converts rows to typed columns (not timed: a columnar app would receive them like this). */
export function toTyped(rows: readonly BenchHousehold[]): TypedHouseholds {
  const n = rows.length;
  const rwIndex = new Map<string, number>();
  const rw = new Uint16Array(n);
  const i8 = () => new Int8Array(n);
  const u8 = () => new Uint8Array(n);
  const t = {
    length: n,
    rw,
    rwCodes: [] as string[],
    desil: i8(),
    members: i8(),
    expenditure: new Int32Array(n),
    ktp: u8(),
    toddlers: i8(),
    children06: i8(),
    schoolAge: i8(),
    elderly: i8(),
    disabled: i8(),
    pus: u8(),
    kbActive: u8(),
    floorArea: new Float32Array(n),
    badFloor: u8(),
    badWall: u8(),
    badRoof: u8(),
    unsafeWater: u8(),
    noToilet: u8(),
    kjp: i8(),
    kaj: i8(),
    klj: i8(),
    kpdj: i8(),
    pmtBalita: i8(),
    pmtLansia: i8(),
    status: u8(),
  };
  rows.forEach((r, i) => {
    let k = rwIndex.get(r.rw_code);
    if (k === undefined) {
      k = t.rwCodes.length;
      if (k > 0xffff) throw new Error('more than 65,536 RWs');
      rwIndex.set(r.rw_code, k);
      t.rwCodes.push(r.rw_code);
    }
    rw[i] = k;
    t.desil[i] = r.desil;
    t.members[i] = r.members;
    t.expenditure[i] = r.expenditure_per_capita;
    t.ktp[i] = r.ktp_dki ? 1 : 0;
    t.toddlers[i] = r.toddlers;
    t.children06[i] = r.children_0_6;
    t.schoolAge[i] = r.school_age;
    t.elderly[i] = r.elderly;
    t.disabled[i] = r.disabled;
    t.pus[i] = r.pus ? 1 : 0;
    t.kbActive[i] = r.kb_active ? 1 : 0;
    t.floorArea[i] = r.floor_area_m2;
    t.badFloor[i] = ['tanah', 'bambu', 'kayu_murah'].includes(r.floor_material) ? 1 : 0;
    t.badWall[i] = ['bambu', 'kayu', 'tembok_tanpa_plester'].includes(r.wall_material) ? 1 : 0;
    t.badRoof[i] = ['rumbia', 'seng'].includes(r.roof_material) ? 1 : 0;
    t.unsafeWater[i] = ['sumur_tak_terlindung', 'sungai'].includes(r.water_source) ? 1 : 0;
    t.noToilet[i] = r.sanitation !== 'sendiri' ? 1 : 0;
    t.kjp[i] = r.kjp_plus;
    t.kaj[i] = r.kartu_anak;
    t.klj[i] = r.kartu_lansia;
    t.kpdj[i] = r.kartu_disabilitas;
    t.pmtBalita[i] = r.pmt_balita;
    t.pmtLansia[i] = r.pmt_lansia;
    const s = STATUS_CODES.indexOf(r.validation_status);
    t.status[i] = s < 0 ? STATUS_CODES.length : s;
  });
  return t;
}

/**
 * One pass over typed columns, every measure fused into the loop body and accumulated into one
 * Float64Array (RW × measure). The writes follow {@link JS_MEASURE_NAMES} order exactly.
 */
export function aggregateTyped(h: TypedHouseholds, params: CubeParams): RwSums {
  const pl = params.povertyLine;
  const el = params.extremeLine;
  const acc = new Float64Array(h.rwCodes.length * M);
  const p = new Int32Array(14); // e, r of the seven programs
  for (let i = 0; i < h.length; i++) {
    let o = h.rw[i]! * M;
    const desil = h.desil[i]!;
    const members = h.members[i]!;
    const exp = h.expenditure[i]!;
    const ktp = h.ktp[i]!;
    const toddlers = h.toddlers[i]!;
    const elderly = h.elderly[i]!;
    const registry = desil <= 4;
    const regKtp = registry && ktp === 1;
    const poor = exp < pl;
    const extreme = exp < el;
    const status = h.status[i]!;
    const rtlh = (h.floorArea[i]! < 8 * members ? 1 : 0) + h.badFloor[i]! + h.badWall[i]! + h.badRoof[i]! >= 2;
    const pus = h.pus[i] === 1;
    p[0] = registry && pus ? 1 : 0;
    p[1] = pus && h.kbActive[i] === 1 ? 1 : 0;
    p[2] = registry ? toddlers : 0;
    p[3] = h.pmtBalita[i]!;
    p[4] = desil <= 2 ? elderly : 0;
    p[5] = h.pmtLansia[i]!;
    p[6] = regKtp ? h.schoolAge[i]! : 0;
    p[7] = h.kjp[i]!;
    p[8] = regKtp ? h.children06[i]! : 0;
    p[9] = h.kaj[i]!;
    p[10] = regKtp ? elderly : 0;
    p[11] = h.klj[i]!;
    p[12] = regKtp ? h.disabled[i]! : 0;
    p[13] = h.kpdj[i]!;

    acc[o++]! += 1;
    acc[o++]! += members;
    acc[o++]! += registry ? 1 : 0;
    acc[o + desil - 1]! += 1;
    o += 10;
    acc[o++]! += poor ? 1 : 0;
    acc[o++]! += poor ? members : 0;
    acc[o++]! += extreme ? 1 : 0;
    acc[o++]! += extreme ? members : 0;
    acc[o++]! += rtlh ? 1 : 0;
    acc[o++]! += h.unsafeWater[i]!;
    acc[o++]! += h.noToilet[i]!;
    acc[o++]! += 1 - ktp;
    acc[o++]! += poor ? toddlers : 0;
    acc[o++]! += poor && toddlers > 0 ? 1 : 0;
    acc[o++]! += poor ? elderly : 0;
    acc[o++]! += poor && elderly > 0 ? 1 : 0;
    acc[o++]! += status !== 0 ? 1 : 0;
    if (status >= 1 && status <= 5) acc[o + status - 1]! += 1;
    o += 5;
    let reached = 0;
    for (let k = 0; k < 7; k++) {
      const e = p[2 * k]!;
      const r = p[2 * k + 1]!;
      const x = r < e ? r : e;
      if (x > 0) reached++;
      acc[o++]! += e;
      acc[o++]! += e > 0 ? 1 : 0;
      acc[o++]! += x;
      acc[o++]! += x > 0 ? 1 : 0;
      acc[o++]! += e - x;
      acc[o++]! += e > x ? 1 : 0;
      if (k > 0) {
        acc[o++]! += r;
        acc[o++]! += r > 0 ? 1 : 0;
        acc[o++]! += desil > 4 ? r : 0;
        acc[o++]! += desil > 4 && r > 0 ? 1 : 0;
      }
    }
    if (desil === 1) acc[o + (reached === 0 ? 0 : reached === 1 ? 1 : 2)]! += 1;
  }
  const result: RwSums = new Map();
  h.rwCodes.forEach((code, k) => result.set(code, acc.slice(k * M, (k + 1) * M)));
  return result;
}
