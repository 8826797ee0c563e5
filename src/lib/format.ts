/** Number formatting in id-ID / en-US through Intl (formatters are cached per locale and options). */
import { LOCALE, t, type Lang } from './i18n';

/** Units a displayed value can have; 'fraction' is 0–1 shown as a percentage. */
export type ValueUnit = 'households' | 'persons' | 'fraction' | 'rp' | 'count' | 'rw';

const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** What to show for a missing or non-finite number. */
export const MISSING = '–';

/** A plain number with up to `maxDigits` decimals (default 2), grouped by thousands. */
export function formatNumber(value: number | null, lang: Lang, maxDigits = 2): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return nf(lang, { maximumFractionDigits: maxDigits }).format(value);
}

/** A fraction 0–1 as a percentage with `digits` decimals (default 1): 0.0123 → '1,2%' (id) / '1.2%' (en). */
export function formatPercent(value: number | null, lang: Lang, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return nf(lang, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Rupiah without decimals: 825288 → 'Rp 825.288' (id) / 'Rp 825,288' (en); the space is a no-break space. */
export function formatRupiah(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return nf(lang, {
    style: 'currency',
    currency: 'IDR',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(value);
}

/** A count rounded to a whole number with thousands grouping: 12345 → '12.345' (id) / '12,345' (en). */
export function formatCount(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return nf(lang, { maximumFractionDigits: 0 }).format(value);
}

/**
 * A value in its unit. `digits` sets decimals: for 'fraction' the percentage decimals (default 1),
 * for counts the decimals shown when the value is not whole (default 1; whole values never get any).
 * With `withUnit`, counts get their unit word: '1.234 rumah tangga'.
 */
export function formatValue(
  value: number | null,
  unit: ValueUnit,
  lang: Lang,
  opts: { digits?: number; withUnit?: boolean } = {},
): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  switch (unit) {
    case 'fraction':
      return formatPercent(value, lang, opts.digits ?? 1);
    case 'rp':
      return formatRupiah(value, lang);
    case 'households':
    case 'persons':
    case 'count':
    case 'rw': {
      const digits = Number.isInteger(value) ? 0 : (opts.digits ?? 1);
      const text = nf(lang, { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(
        value,
      );
      return opts.withUnit && unit !== 'count' ? `${text} ${t(lang, `unit.${unit}`)}` : text;
    }
  }
}

/**
 * The label of class `i` of a classification with `bounds` (k + 1 values): 'lo – hi', or one value
 * when the class is a single value. A class that follows a single-value class at its lower bound
 * (quantiles of data with many zeros: [0, 0, 1.9 %]) starts above it, and says so: '> 0,0% – 1,9%'.
 */
export function classRangeLabel(bounds: readonly number[], i: number, fmt: (v: number) => string): string {
  const lo = bounds[i];
  const hi = bounds[i + 1];
  if (lo === undefined || hi === undefined) return '';
  if (lo === hi) return fmt(lo);
  const open = i > 0 && bounds[i - 1] === lo;
  return `${open ? '> ' : ''}${fmt(lo)} – ${fmt(hi)}`;
}

/**
 * The fewest decimals (from `min`, at most min+3) at which consecutive bounds print differently, so
 * that a legend never shows '1,2% – 1,2%' for distinct bounds.
 */
export function distinctDigits(
  bounds: readonly number[],
  unit: ValueUnit,
  lang: Lang,
  min = unit === 'fraction' ? 1 : 0,
): number {
  for (let d = min; d < min + 3; d++) {
    const texts = bounds.map((b) => formatValue(b, unit, lang, { digits: d }));
    let ok = true;
    for (let i = 1; i < bounds.length; i++) {
      if (bounds[i] !== bounds[i - 1] && texts[i] === texts[i - 1]) ok = false;
    }
    if (ok) return d;
  }
  return min + 3;
}
