/**
 * The indicator catalogue: one entry per indicator drives the map, legend, charts, rankings and
 * exports. Values are ratios of summed parts (never averages of rates); rates are fractions 0–1.
 */
import { AREA_MEASURES, MEASURE_NAMES } from './measures';
import { PROGRAMS, type ProgramId } from './programs';

/** Bilingual text. */
export interface Text {
  readonly id: string;
  readonly en: string;
}

/** Unit of an indicator value. */
export type IndicatorUnit = 'households' | 'persons' | 'fraction' | 'rw';
/** Thematic group, used to order menus and pick defaults. */
export type IndicatorGroup = 'need' | 'coverage' | 'gap' | 'leakage' | 'validation' | 'upgrading';
/** Sequential palette ids (colour-blind safe, see src/lib/palettes). */
export type PaletteId = 'YlOrRd' | 'YlGnBu' | 'Purples' | 'cividis';

/** One indicator. */
export interface Indicator {
  readonly id: string;
  readonly label: Text;
  readonly description: Text;
  readonly unit: IndicatorUnit;
  readonly group: IndicatorGroup;
  /** Measure summed for the numerator (cube or area measure). */
  readonly numerator: string;
  /** Measure summed for the denominator; null for counts. */
  readonly denominator: string | null;
  /** Household-count measures that must be 0 or ≥ k for the value to be shown. */
  readonly disclosure: readonly string[];
  readonly higherIsWorse: boolean;
  readonly palette: PaletteId;
  readonly program?: ProgramId;
}

const need = (
  id: string,
  label: Text,
  description: Text,
  unit: IndicatorUnit,
  numerator: string,
  denominator: string | null,
  disclosure: string[],
): Indicator => ({
  id,
  label,
  description,
  unit,
  group: 'need',
  numerator,
  denominator,
  disclosure,
  higherIsWorse: true,
  palette: 'YlOrRd',
});

const NEED: Indicator[] = [
  need(
    'extreme_poor_households',
    { id: 'Rumah tangga miskin ekstrem', en: 'Extreme-poor households' },
    {
      id: 'Rumah tangga dengan pengeluaran per kapita di bawah garis kemiskinan ekstrem.',
      en: 'Households whose expenditure per person is below the extreme-poverty line.',
    },
    'households',
    'extreme_hh',
    null,
    ['extreme_hh'],
  ),
  need(
    'extreme_poverty_rate',
    { id: 'Tingkat kemiskinan ekstrem', en: 'Extreme-poverty rate' },
    {
      id: 'Penduduk di rumah tangga miskin ekstrem dibagi seluruh penduduk.',
      en: 'People in extreme-poor households divided by the whole population.',
    },
    'fraction',
    'extreme_people',
    'population',
    ['extreme_hh'],
  ),
  need(
    'poor_households',
    { id: 'Rumah tangga miskin', en: 'Poor households' },
    {
      id: 'Rumah tangga dengan pengeluaran per kapita di bawah garis kemiskinan periode terpilih.',
      en: 'Households whose expenditure per person is below the selected period’s poverty line.',
    },
    'households',
    'poor_hh',
    null,
    ['poor_hh'],
  ),
  need(
    'poverty_rate',
    { id: 'Tingkat kemiskinan', en: 'Poverty rate' },
    {
      id: 'Penduduk di rumah tangga miskin dibagi seluruh penduduk.',
      en: 'People in poor households divided by the whole population.',
    },
    'fraction',
    'poor_people',
    'population',
    ['poor_hh'],
  ),
  need(
    'registry_households',
    { id: 'Rumah tangga terdata (desil 1–4)', en: 'Registry households (desil 1–4)' },
    {
      id: 'Rumah tangga dalam data sasaran dengan desil 1–4.',
      en: 'Households in the registry with desil 1–4.',
    },
    'households',
    'registry_hh',
    null,
    ['registry_hh'],
  ),
  need(
    'desil1_share',
    { id: 'Porsi desil 1', en: 'Desil 1 share' },
    {
      id: 'Rumah tangga desil 1 (10 % termiskin) dibagi rumah tangga terdata.',
      en: 'Desil-1 households (poorest 10 %) divided by registry households.',
    },
    'fraction',
    'desil1_hh',
    'hh',
    ['desil1_hh', 'hh'],
  ),
  need(
    'rtlh_rate',
    { id: 'Rumah tidak layak huni (RTLH)', en: 'Uninhabitable housing (RTLH)' },
    {
      id: 'Rumah tangga terdata yang memenuhi ≥ 2 kriteria: luas < 8 m²/orang, lantai tanah/bambu/kayu murah, dinding bambu/kayu/tanpa plester, atap rumbia/seng.',
      en: 'Registry households meeting ≥ 2 criteria: < 8 m² per person, earth/bamboo/cheap-wood floor, bamboo/wood/unplastered walls, thatch/zinc roof.',
    },
    'fraction',
    'rtlh_hh',
    'hh',
    ['rtlh_hh', 'hh'],
  ),
  need(
    'unsafe_water_rate',
    { id: 'Tanpa air minum layak', en: 'No safe drinking water' },
    {
      id: 'Rumah tangga terdata dengan sumber air sumur tak terlindung atau sungai.',
      en: 'Registry households drinking from an unprotected well or a river.',
    },
    'fraction',
    'unsafe_water_hh',
    'hh',
    ['unsafe_water_hh', 'hh'],
  ),
  need(
    'no_own_toilet_rate',
    { id: 'Tanpa jamban sendiri', en: 'No own toilet' },
    {
      id: 'Rumah tangga terdata tanpa jamban sendiri (bersama, umum, atau tidak ada).',
      en: 'Registry households without their own toilet (shared, public or none).',
    },
    'fraction',
    'no_toilet_hh',
    'hh',
    ['no_toilet_hh', 'hh'],
  ),
  need(
    'non_ktp_dki_share',
    { id: 'Tanpa KTP DKI', en: 'Without a Jakarta ID' },
    {
      id: 'Rumah tangga terdata yang kepala rumah tangganya tidak ber-KTP DKI.',
      en: 'Registry households whose head has no Jakarta ID card.',
    },
    'fraction',
    'non_ktp_hh',
    'hh',
    ['non_ktp_hh', 'hh'],
  ),
  need(
    'poor_toddlers',
    { id: 'Balita di rumah tangga miskin', en: 'Toddlers in poor households' },
    {
      id: 'Jumlah balita (0–4) di rumah tangga miskin.',
      en: 'Toddlers (0–4) living in poor households.',
    },
    'persons',
    'poor_toddlers',
    null,
    ['poor_toddlers_hh'],
  ),
  need(
    'poor_elderly',
    { id: 'Lansia di rumah tangga miskin', en: 'Elderly in poor households' },
    {
      id: 'Jumlah lansia (60+) di rumah tangga miskin.',
      en: 'Elderly (60+) living in poor households.',
    },
    'persons',
    'poor_elderly',
    null,
    ['poor_elderly_hh'],
  ),
];

const unitWord = (unit: 'households' | 'persons'): Text =>
  unit === 'households' ? { id: 'rumah tangga', en: 'households' } : { id: 'orang', en: 'persons' };

function programIndicators(): Indicator[] {
  return PROGRAMS.flatMap((p) => {
    const u = unitWord(p.unit);
    const list: Indicator[] = [
      {
        id: `${p.id}_coverage`,
        label: { id: `Cakupan ${p.label.id}`, en: `${p.label.en} coverage` },
        description: {
          id: `Sasaran yang menerima dibagi sasaran yang berhak. ${p.rule.id}`,
          en: `Eligible ${u.en} reached divided by eligible ${u.en}. ${p.rule.en}`,
        },
        unit: 'fraction',
        group: 'coverage',
        numerator: `${p.id}_reach`,
        denominator: `${p.id}_elig`,
        disclosure: [`${p.id}_reach_hh`, `${p.id}_elig_hh`],
        higherIsWorse: false,
        palette: 'YlGnBu',
        program: p.id,
      },
      {
        id: `${p.id}_gap`,
        label: { id: `Belum terjangkau ${p.label.id}`, en: `${p.label.en} gap` },
        description: {
          id: `Jumlah ${u.id} yang berhak tetapi belum menerima. ${p.rule.id}`,
          en: `Eligible ${u.en} not reached. ${p.rule.en}`,
        },
        unit: p.unit,
        group: 'gap',
        numerator: `${p.id}_gap`,
        denominator: null,
        disclosure: [`${p.id}_gap_hh`],
        higherIsWorse: true,
        palette: 'YlOrRd',
        program: p.id,
      },
      {
        id: `${p.id}_gap_rate`,
        label: { id: `Kesenjangan ${p.label.id} (%)`, en: `${p.label.en} gap rate` },
        description: {
          id: `Sasaran berhak yang belum menerima dibagi sasaran berhak. ${p.rule.id}`,
          en: `Eligible ${u.en} not reached divided by eligible ${u.en}. ${p.rule.en}`,
        },
        unit: 'fraction',
        group: 'gap',
        numerator: `${p.id}_gap`,
        denominator: `${p.id}_elig`,
        disclosure: [`${p.id}_gap_hh`, `${p.id}_elig_hh`],
        higherIsWorse: true,
        palette: 'YlOrRd',
        program: p.id,
      },
    ];
    if (p.leakage) {
      list.push({
        id: `${p.id}_leakage_rate`,
        label: { id: `Kebocoran ${p.label.id}`, en: `${p.label.en} leakage` },
        description: {
          id: `Penerima di rumah tangga desil > 4 dibagi seluruh penerima.`,
          en: `Recipients in desil > 4 households divided by all recipients.`,
        },
        unit: 'fraction',
        group: 'leakage',
        numerator: `${p.id}_leak`,
        denominator: `${p.id}_recv`,
        disclosure: [`${p.id}_leak_hh`, `${p.id}_recv_hh`],
        higherIsWorse: true,
        palette: 'Purples',
        program: p.id,
      });
    }
    return list;
  });
}

const validationShare = (id: string, measure: string, label: Text, what: Text): Indicator => ({
  id,
  label,
  description: {
    id: `Rumah tangga dengan hasil verifikasi "${what.id}" dibagi rumah tangga yang sudah dikunjungi.`,
    en: `Households validated as "${what.en}" divided by households visited.`,
  },
  unit: 'fraction',
  group: 'validation',
  numerator: measure,
  denominator: 'visited_hh',
  disclosure: [measure, 'visited_hh'],
  higherIsWorse: false,
  palette: 'cividis',
});

const VALIDATION: Indicator[] = [
  {
    id: 'validation_progress',
    label: { id: 'Progres verifikasi lapangan', en: 'Field validation progress' },
    description: {
      id: 'Rumah tangga terdata yang sudah dikunjungi petugas dibagi seluruh rumah tangga terdata.',
      en: 'Registry households visited in the field divided by all registry households.',
    },
    unit: 'fraction',
    group: 'validation',
    numerator: 'visited_hh',
    denominator: 'hh',
    disclosure: ['visited_hh', 'hh'],
    higherIsWorse: false,
    palette: 'cividis',
  },
  validationShare(
    'validation_valid_share',
    'valid_hh',
    { id: 'Hasil verifikasi: valid', en: 'Validated: valid' },
    { id: 'valid', en: 'valid' },
  ),
  validationShare(
    'validation_not_eligible_share',
    'not_eligible_hh',
    { id: 'Hasil verifikasi: tidak layak', en: 'Validated: not eligible' },
    { id: 'tidak layak', en: 'not eligible' },
  ),
  validationShare(
    'validation_moved_share',
    'moved_hh',
    { id: 'Hasil verifikasi: pindah', en: 'Validated: moved' },
    { id: 'pindah', en: 'moved' },
  ),
  validationShare(
    'validation_deceased_share',
    'deceased_hh',
    { id: 'Hasil verifikasi: meninggal', en: 'Validated: deceased' },
    { id: 'meninggal', en: 'deceased' },
  ),
  validationShare(
    'validation_not_found_share',
    'not_found_hh',
    { id: 'Hasil verifikasi: tidak ditemukan', en: 'Validated: not found' },
    { id: 'tidak ditemukan', en: 'not found' },
  ),
];

const UPGRADING: Indicator[] = [
  {
    id: 'kumuh_rw',
    label: { id: 'RW kumuh', en: 'Slum RWs (RW kumuh)' },
    description: {
      id: 'Jumlah RW dengan tingkat kumuh sangat ringan sampai berat.',
      en: 'Number of RWs graded very light to heavy slum.',
    },
    unit: 'rw',
    group: 'upgrading',
    numerator: 'kumuh_rw',
    denominator: null,
    disclosure: [],
    higherIsWorse: true,
    palette: 'YlOrRd',
  },
  {
    id: 'upgrading_coverage',
    label: { id: 'Cakupan penataan kampung', en: 'Settlement upgrading coverage' },
    description: {
      id: 'RW kumuh yang sudah atau sedang ditata (CAP/CIP berjalan atau selesai) dibagi seluruh RW kumuh.',
      en: 'Slum RWs with upgrading under way or done (CAP/CIP) divided by all slum RWs.',
    },
    unit: 'fraction',
    group: 'upgrading',
    numerator: 'upgraded_rw',
    denominator: 'kumuh_rw',
    disclosure: [],
    higherIsWorse: false,
    palette: 'YlGnBu',
  },
];

const d1Share = (
  id: string,
  measure: string,
  label: Text,
  description: Text,
  group: IndicatorGroup,
  higherIsWorse: boolean,
): Indicator => ({
  id,
  label,
  description,
  unit: 'fraction',
  group,
  numerator: measure,
  denominator: 'desil1_hh',
  disclosure: [measure, 'desil1_hh'],
  higherIsWorse,
  palette: higherIsWorse ? 'YlOrRd' : 'YlGnBu',
});

/** Convergence (konvergensi): how many of the seven programs reach the poorest (desil-1) households. */
const CONVERGENCE: Indicator[] = [
  {
    id: 'desil1_unreached_households',
    label: { id: 'Desil 1 tanpa program', en: 'Desil 1 reached by no program' },
    description: {
      id: 'Rumah tangga desil 1 yang tidak dijangkau satu pun dari tujuh program (KB, PMT balita, PMT lansia, KJP Plus, KAJ, KLJ, KPDJ).',
      en: 'Desil-1 households reached by none of the seven programs (KB, PMT toddlers, PMT elderly, KJP Plus, KAJ, KLJ, KPDJ).',
    },
    unit: 'households',
    group: 'gap',
    numerator: 'd1_reached_0_hh',
    denominator: null,
    disclosure: ['d1_reached_0_hh'],
    higherIsWorse: true,
    palette: 'YlOrRd',
  },
  d1Share(
    'desil1_unreached_share',
    'd1_reached_0_hh',
    { id: 'Porsi desil 1 tanpa program', en: 'Desil 1 reached by no program (share)' },
    {
      id: 'Rumah tangga desil 1 yang tidak dijangkau program apa pun dibagi seluruh rumah tangga desil 1.',
      en: 'Desil-1 households reached by no program divided by all desil-1 households.',
    },
    'gap',
    true,
  ),
  d1Share(
    'desil1_one_program_share',
    'd1_reached_1_hh',
    { id: 'Porsi desil 1 dengan satu program', en: 'Desil 1 reached by one program' },
    {
      id: 'Rumah tangga desil 1 yang dijangkau tepat satu program dibagi seluruh rumah tangga desil 1.',
      en: 'Desil-1 households reached by exactly one program divided by all desil-1 households.',
    },
    'coverage',
    false,
  ),
  d1Share(
    'desil1_multi_program_share',
    'd1_reached_2plus_hh',
    { id: 'Konvergensi: desil 1 dengan ≥ 2 program', en: 'Convergence: desil 1 with ≥ 2 programs' },
    {
      id: 'Rumah tangga desil 1 yang dijangkau dua program atau lebih dibagi seluruh rumah tangga desil 1.',
      en: 'Desil-1 households reached by two or more programs divided by all desil-1 households.',
    },
    'coverage',
    false,
  ),
];

/** Every indicator, in menu order. */
export const INDICATORS: readonly Indicator[] = [
  ...NEED,
  ...programIndicators(),
  ...CONVERGENCE,
  ...VALIDATION,
  ...UPGRADING,
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

/** All indicator ids. */
export const INDICATOR_IDS: readonly string[] = INDICATORS.map((i) => i.id);

/** The default indicator of the map. */
export const DEFAULT_INDICATOR_ID = 'extreme_poverty_rate';

/** Whether an id names a catalogue indicator. */
export function isIndicatorId(id: string): boolean {
  return BY_ID.has(id);
}

/** Looks an indicator up; throws on an unknown id (a programmer error). */
export function indicator(id: string): Indicator {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown indicator ${id}`);
  return found;
}

/** Every measure name referred to by the catalogue must exist (checked in tests). */
export function unknownMeasures(): string[] {
  const known = new Set<string>([...MEASURE_NAMES, ...AREA_MEASURES]);
  return INDICATORS.flatMap((i) =>
    [i.numerator, i.denominator, ...i.disclosure].filter(
      (m): m is string => m !== null && !known.has(m),
    ),
  );
}
