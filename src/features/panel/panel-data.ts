/**
 * Pure readers from the area-details rows to what the panel draws. A suppressed flag always wins:
 * a suppressed value never leaves this module as a number, even if a stray one is in the row.
 */
import { PROGRAMS, type ProgramRule } from '../../query/programs';
import type { IndicatorRow } from '../../state/use-area-details';

/** One indicator in one area: value and parts, all null when suppressed. */
export interface PanelCell {
  readonly value: number | null;
  readonly suppressed: boolean;
  /** Numerator (null when suppressed). */
  readonly num: number | null;
  /** Denominator (null when suppressed or for counts). */
  readonly den: number | null;
}

const finite = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null;

/** Reads indicator `id` from a row; null when the row itself is missing. */
export function readCell(row: IndicatorRow | null, id: string): PanelCell | null {
  if (!row) return null;
  if (row[`${id}__suppressed`] === true)
    return { value: null, suppressed: true, num: null, den: null };
  return {
    value: finite(row[id]),
    suppressed: false,
    num: finite(row[`${id}__num`]),
    den: finite(row[`${id}__den`]),
  };
}

/** A program's eligible and reached counts in one area. */
export interface ProgramCoverage {
  readonly program: ProgramRule;
  readonly suppressed: boolean;
  /** Eligible units (persons or households), from `<program>_coverage__den`. */
  readonly eligible: number | null;
  /** Eligible units reached, from `<program>_coverage__num`. */
  readonly reached: number | null;
  /** reached / eligible, 0–1; null when suppressed or nobody is eligible. */
  readonly coverage: number | null;
  /** `<program>_gap`: eligible units not reached (its own suppression flag). */
  readonly gap: PanelCell;
}

const EMPTY: PanelCell = { value: null, suppressed: false, num: null, den: null };

/** Coverage of every program in PROGRAMS order; an empty list when the row is missing. */
export function programCoverage(row: IndicatorRow | null): ProgramCoverage[] {
  if (!row) return [];
  return PROGRAMS.map((program) => {
    const c = readCell(row, `${program.id}_coverage`) ?? EMPTY;
    return {
      program,
      suppressed: c.suppressed,
      eligible: c.den,
      reached: c.num,
      coverage: c.value,
      gap: readCell(row, `${program.id}_gap`) ?? EMPTY,
    };
  });
}

/** Validation outcome indicators, in display order. */
export const OUTCOME_IDS = [
  'validation_valid_share',
  'validation_not_eligible_share',
  'validation_moved_share',
  'validation_deceased_share',
  'validation_not_found_share',
] as const;

/** Key-count indicators shown in the panel's description list. */
export const KEY_COUNT_IDS = [
  'registry_households',
  'poor_households',
  'extreme_poor_households',
  'poor_toddlers',
  'poor_elderly',
  'kumuh_rw',
  'upgrading_coverage',
] as const;
