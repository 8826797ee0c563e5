/** Poverty lines per period (BPS DKI Jakarta), selectable by the user; never constants in SQL. */

/** One BPS measurement period with its lines. */
export interface PovertyPeriod {
  readonly id: string;
  readonly label: { readonly id: string; readonly en: string };
  /** Rp per person per month */
  readonly povertyLine: number;
  /** Rp per person per month (USD 1.90 PPP/day = Rp 11,633/day, BPS DKI) */
  readonly extremeLine: number;
  /** Official poverty rate of people, for comparison (fraction). */
  readonly officialRate: number;
}

/** Rp 11,633 per person per day × 30 days. */
export const EXTREME_LINE_MONTHLY = 348_990;

export const POVERTY_PERIODS: readonly PovertyPeriod[] = [
  {
    id: '2023-03',
    label: { id: 'Maret 2023', en: 'March 2023' },
    povertyLine: 792_515,
    extremeLine: EXTREME_LINE_MONTHLY,
    officialRate: 0.0444,
  },
  {
    id: '2024-03',
    label: { id: 'Maret 2024', en: 'March 2024' },
    povertyLine: 825_288,
    extremeLine: EXTREME_LINE_MONTHLY,
    officialRate: 0.043,
  },
  {
    id: '2024-09',
    label: { id: 'September 2024', en: 'September 2024' },
    povertyLine: 846_085,
    extremeLine: EXTREME_LINE_MONTHLY,
    officialRate: 0.0414,
  },
  {
    id: '2025-03',
    label: { id: 'Maret 2025', en: 'March 2025' },
    povertyLine: 852_798,
    extremeLine: EXTREME_LINE_MONTHLY,
    officialRate: 0.0428,
  },
];

/** The default period: the demo data is calibrated to March 2024. */
export const DEFAULT_PERIOD_ID = '2024-03';

/** Looks a period up by id; throws on an unknown id (a programmer error). */
export function povertyPeriod(id: string): PovertyPeriod {
  const p = POVERTY_PERIODS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown poverty period ${id}`);
  return p;
}
