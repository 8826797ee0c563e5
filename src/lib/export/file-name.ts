/** File names that say what an export holds: app, level, area, subject (indicator or index), date. */

/** What a file name is made of. */
export interface FileNameParts {
  /** Map level, e.g. `rw`. */
  readonly level: string;
  /** Code of the area the rows are restricted to, or null for the whole province. */
  readonly area: string | null;
  /** Indicator id or index name, e.g. `indeks-prioritas`. */
  readonly subject: string;
  /** Export date (local calendar day). */
  readonly date: Date;
  /** Extra qualifier, e.g. `excel-id`; omitted when null. */
  readonly variant?: string | null;
  /** Extension without the dot: csv, xlsx, geojson. */
  readonly ext: string;
}

const safe = (part: string): string =>
  part
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** YYYY-MM-DD of a date in local time. */
export function isoDay(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** E.g. `sasaran_rw_31.71_indeks-prioritas_2026-11-28_excel-id.csv`; only [a-z0-9._-] survive. */
export function exportFileName(p: FileNameParts): string {
  const parts = ['sasaran', safe(p.level), p.area ? safe(p.area) : 'dki-jakarta', safe(p.subject), isoDay(p.date)];
  if (p.variant) parts.push(safe(p.variant));
  return `${parts.filter((x) => x.length > 0).join('_')}.${safe(p.ext)}`;
}
