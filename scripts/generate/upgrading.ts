/**
 * The settlement-upgrading list: for each handled RW kumuh a community action plan (CAP) in year t
 * and its implementation (CIP) in t+1. DOMAIN.md: ~200 RW handled by 2023, ~211 of the 445 left in
 * 2026, about Rp 2 bn per RW.
 */
import { KUMUH_LEVELS, type UpgradingRow } from '../../src/db/contracts';
import type { RwProfile } from './rw-profile';
import { createRng, deriveSeed, normal } from './rng';

/** The data are "as of" this year: earlier years are done, this one runs, later ones are plans. */
export const AS_OF_YEAR = 2025;

/**
 * RWs whose CAP falls in each year. CIPs of 2019–2023 (CAP 2018–2022) are the ~200 handled by
 * 2023; 34 more follow to 2026, leaving 445 − 234 = 211 unhandled. 2020 is low (pandemic).
 */
export const CAP_PER_YEAR: Readonly<Record<number, number>> = {
  2018: 30,
  2019: 45,
  2020: 25,
  2021: 45,
  2022: 55,
  2023: 14,
  2024: 10,
  2025: 10,
};

/** Upper bound of a CIP budget (the contract's range), Rp. */
const CIP_MAX = 2_000_000_000;

/** Plain code order (not locale-dependent). */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Status of a stage in `year`, relative to AS_OF_YEAR. */
export function statusOf(year: number): UpgradingRow['status'] {
  return year < AS_OF_YEAR ? 'selesai' : year === AS_OF_YEAR ? 'berjalan' : 'rencana';
}

/**
 * Builds the upgrading rows, sorted by rw_code then year. Priority among RW kumuh is the slum
 * grade plus deprivation plus noise; earlier years go to higher priority (with noise). CIP budget
 * Rp 1.7–2.0 bn, CAP about Rp 150 M (log-normal), both rounded to Rp 1 M.
 */
export function buildUpgrading(rws: readonly RwProfile[], seed: number): UpgradingRow[] {
  const rng = createRng(deriveSeed(seed, 'upgrading'));
  const kumuh = rws.filter((r) => r.kumuh_level !== 'tidak');
  const priority = new Map(
    kumuh.map((r) => [
      r.rw_code,
      KUMUH_LEVELS.indexOf(r.kumuh_level) * 0.6 + 0.5 * r.deprivation + normal(rng),
    ]),
  );
  const byPriority = [...kumuh].sort(
    (a, b) => priority.get(b.rw_code)! - priority.get(a.rw_code)! || byCode(a.rw_code, b.rw_code),
  );
  const total = Object.values(CAP_PER_YEAR).reduce((s, x) => s + x, 0);
  const handled = byPriority.slice(0, Math.min(total, byPriority.length));
  const order = new Map(handled.map((r, i) => [r.rw_code, i + 4 * normal(rng)]));
  handled.sort(
    (a, b) => order.get(a.rw_code)! - order.get(b.rw_code)! || byCode(a.rw_code, b.rw_code),
  );
  const rows: UpgradingRow[] = [];
  let at = 0;
  for (const [year, count] of Object.entries(CAP_PER_YEAR).map(
    ([y, c]) => [Number(y), c] as const,
  )) {
    for (let j = 0; j < count && at < handled.length; j++) {
      const rw = handled[at++]!;
      const cap = Math.round((150_000_000 * Math.exp(0.2 * normal(rng))) / 1e6) * 1e6;
      const cip = Math.round((CIP_MAX * (1 - 0.15 * Math.pow(rng(), 1.5))) / 1e6) * 1e6;
      rows.push({
        rw_code: rw.rw_code,
        stage: 'cap',
        year,
        status: statusOf(year),
        budget_idr: cap,
      });
      rows.push({
        rw_code: rw.rw_code,
        stage: 'cip',
        year: year + 1,
        status: statusOf(year + 1),
        budget_idr: cip,
      });
    }
  }
  return rows.sort((a, b) => byCode(a.rw_code, b.rw_code) || a.year - b.year);
}
