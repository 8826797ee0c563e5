/**
 * The briefing page as plain text and numbers, already formatted in one language: the single
 * source that the on-screen page, the PNG and the PDF all draw. Pure.
 */
import type { Breaks } from '../../lib/classify';
import { distinctDigits, formatCount, formatPercent, formatRupiah, formatValue } from '../../lib/format';
import { LOCALE, t, type Lang } from '../../lib/i18n';
import { HATCH_HEX, NO_DATA_HEX, SUPPRESSED_HEX } from '../../lib/palettes';
import type { Indicator } from '../../query/catalogue';
import type { BriefingData, BriefingFigure } from '../../state/use-briefing';
import type { View } from '../../state/view-state';
import { PROGRAM_SHORT, b } from './strings';

/** Page orientation. */
export type Orientation = 'landscape' | 'portrait';

/** One legend row: a swatch (fill colour, optional hatch) and its text. */
export interface DocLegendRow {
  readonly fill: string;
  readonly hatch: string | null;
  readonly label: string;
  readonly count: string;
  /** The count without its unit word, for narrow boxes. */
  readonly countShort: string;
}

/** One headline figure. */
export interface DocFigure {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
}

/** One chart bar: a fraction 0–1 or null. */
export interface DocBar {
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
}

/** Everything on the page but the map picture and the logo. */
export interface BriefingDoc {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly legend: { readonly title: string; readonly rows: readonly DocLegendRow[]; readonly note: string };
  readonly figures: readonly DocFigure[];
  readonly table: {
    readonly title: string;
    readonly columns: readonly [string, string, string];
    readonly rows: readonly (readonly [string, string, string])[];
    readonly note: string;
  };
  readonly chart: { readonly title: string; readonly bars: readonly DocBar[] };
  /** Footer lines, top to bottom; the synthetic notice (when shown) is the first. */
  readonly footer: readonly string[];
  readonly syntheticNotice: string | null;
  /** Letter on the north arrow. */
  readonly north: string;
  /** Suggested download name without extension. */
  readonly fileName: string;
}

/** The map's classification as the legend shows it. */
export interface DocChoropleth {
  readonly breaks: Breaks;
  readonly colors: readonly string[];
  readonly counts: readonly number[];
  readonly suppressed: number;
  readonly noData: number;
}

/** What a briefing page is made from. */
export interface BriefingDocInput {
  readonly lang: Lang;
  /** The user's title; null or blank = the default title. */
  readonly title: string | null;
  readonly indicator: Indicator;
  readonly view: Pick<View, 'level' | 'filters' | 'minCell'>;
  readonly data: BriefingData;
  readonly choropleth: DocChoropleth;
  /** Names of areas by code, for the parents of ranked areas. */
  readonly names: ReadonlyMap<string, string>;
  readonly period: { readonly label: string; readonly povertyLine: number };
  readonly source: { readonly synthetic: boolean; readonly households: number; readonly seed: number | null };
  readonly generatedAt: Date;
}

const METHOD_KEY = { quantile: 'methodQuantile', jenks: 'methodJenks', equal: 'methodEqual', manual: 'methodManual' } as const;

/** The default title: indicator and area. */
export function defaultTitle(lang: Lang, indicator: Indicator, areaName: string): string {
  return b(lang, 'defaultTitle', { indicator: indicator.label[lang], area: areaName });
}

/** Date and time as the footer prints them, e.g. '28 November 2026 18.20'. */
export function formatGenerated(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

function legendRows(input: BriefingDocInput): DocLegendRow[] {
  const { lang, choropleth: c, indicator } = input;
  const digits = distinctDigits(c.breaks.breaks, indicator.unit, lang);
  const fmt = (v: number): string => formatValue(v, indicator.unit, lang, { digits });
  const areas = (n: number): string => t(lang, n === 1 ? 'legend.areasOne' : 'legend.areas', { n: formatCount(n, lang) });
  const rows: DocLegendRow[] = [];
  for (let i = 0; i < c.breaks.k; i++) {
    const lo = c.breaks.breaks[i];
    const hi = c.breaks.breaks[i + 1];
    if (lo === undefined || hi === undefined) break;
    rows.push({
      fill: c.colors[i] ?? NO_DATA_HEX,
      hatch: null,
      label: lo === hi ? fmt(lo) : `${fmt(lo)} – ${fmt(hi)}`,
      count: areas(c.counts[i] ?? 0),
      countShort: formatCount(c.counts[i] ?? 0, lang),
    });
  }
  if (c.suppressed > 0) {
    rows.push({
      fill: SUPPRESSED_HEX,
      hatch: HATCH_HEX,
      label: t(lang, 'legend.suppressed', { k: formatCount(input.view.minCell, lang) }),
      count: areas(c.suppressed),
      countShort: formatCount(c.suppressed, lang),
    });
  }
  if (c.noData > 0) {
    rows.push({ fill: NO_DATA_HEX, hatch: null, label: t(lang, 'legend.noData'), count: areas(c.noData), countShort: formatCount(c.noData, lang) });
  }
  return rows;
}

function figures(input: BriefingDocInput): DocFigure[] {
  const { lang } = input;
  const f = input.data.figures;
  const hidden = (): Pick<DocFigure, 'value' | 'detail'> => ({
    value: b(lang, 'suppressed'),
    detail: b(lang, 'suppressedDetail', { k: formatCount(input.view.minCell, lang) }),
  });
  const gap = (fig: BriefingFigure): Pick<DocFigure, 'value' | 'detail'> =>
    fig.suppressed
      ? hidden()
      : {
          value: formatCount(fig.num, lang),
          detail: b(lang, 'figGapDetail', { rate: formatPercent(fig.value, lang), den: formatCount(fig.den, lang) }),
        };
  const extreme = f.extreme_poor_households;
  const up = f.upgrading_coverage;
  return [
    {
      label: b(lang, 'figExtreme'),
      ...(extreme.suppressed ? hidden() : { value: formatCount(extreme.value, lang), detail: b(lang, 'figExtremeDetail') }),
    },
    { label: b(lang, 'figKb'), ...gap(f.kb_gap_rate) },
    { label: b(lang, 'figPmt'), ...gap(f.pmt_balita_gap_rate) },
    {
      label: b(lang, 'figUpgraded'),
      value: formatCount(up.num, lang),
      detail: b(lang, 'figUpgradedDetail', { den: formatCount(up.den, lang), rate: formatPercent(up.value, lang) }),
    },
  ];
}

/** A safe file name part: letters, digits and dashes. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .toLowerCase()
      .slice(0, 40) || 'briefing'
  );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Builds the page's text in `input.lang`. */
export function buildBriefingDoc(input: BriefingDocInput): BriefingDoc {
  const { lang, indicator, data, view } = input;
  const levelName = t(lang, `level.${view.level}`);
  const filters: string[] = [];
  if (view.filters.ktp !== 'all') filters.push(b(lang, view.filters.ktp === 'yes' ? 'ktpYes' : 'ktpNo'));
  if (view.filters.kumuh.length > 0) filters.push(b(lang, 'kumuh', { levels: view.filters.kumuh.join(', ').replace(/_/g, ' ') }));
  const subtitle =
    b(lang, 'subtitle', { indicator: indicator.label[lang], level: levelName, area: data.areaName, period: input.period.label }) +
    (filters.length > 0 ? b(lang, 'subtitleFilters', { filters: filters.join(', ') }) : '');

  const breaks = input.choropleth.breaks;
  const note =
    b(lang, 'legendNote', { method: b(lang, METHOD_KEY[breaks.method]) }) +
    (breaks.locked === 'province' ? b(lang, 'lockedProvince') : '');

  const showUnit = indicator.unit === 'households' || indicator.unit === 'persons' || indicator.unit === 'rw';
  const tableRows = data.top.map((r, i): [string, string, string] => {
    const parent = r.parent && view.level !== 'kota' ? input.names.get(r.parent) : undefined;
    return [formatCount(i + 1, lang), parent ? `${r.name}, ${parent}` : r.name, formatValue(r.value, indicator.unit, lang)];
  });

  const k = formatCount(view.minCell, lang);
  const footer = [
    input.source.synthetic
      ? b(lang, 'sourceSynthetic', { households: formatCount(input.source.households, lang), seed: String(input.source.seed ?? '–') })
      : b(lang, 'sourceReal', { households: formatCount(input.source.households, lang) }),
    `${b(lang, 'vintage', { period: input.period.label, line: formatRupiah(input.period.povertyLine, lang).replace(/^Rp\s*/, '') })} · ${b(lang, 'minCell', { k })}`,
    b(lang, 'generated', { datetime: formatGenerated(input.generatedAt, lang) }),
  ];

  const d = input.generatedAt;
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
  return {
    lang,
    title: input.title?.trim() ? input.title.trim() : defaultTitle(lang, indicator, data.areaName),
    subtitle,
    legend: {
      title: indicator.label[lang] + (showUnit ? ` (${t(lang, `unit.${indicator.unit}`)})` : ''),
      rows: legendRows(input),
      note,
    },
    figures: figures(input),
    table: {
      title: b(lang, indicator.higherIsWorse ? 'tableTitleWorse' : 'tableTitleBetter', {
        n: String(data.top.length),
        level: levelName,
      }),
      columns: [b(lang, 'tableRank'), b(lang, 'tableArea'), b(lang, 'tableValue')],
      rows: tableRows,
      note: data.top.length === 0 ? b(lang, 'tableEmpty') : b(lang, 'tableOf', { n: formatCount(data.ranked, lang) }),
    },
    chart: {
      title: b(lang, 'chartTitle', { area: data.areaName }),
      bars: data.coverage.map((c) => ({
        label: PROGRAM_SHORT[c.program]?.[lang] ?? c.program,
        value: c.value,
        text: c.suppressed ? b(lang, 'suppressed') : c.value === null ? b(lang, 'noValue') : formatPercent(c.value, lang),
      })),
    },
    footer,
    syntheticNotice: input.source.synthetic ? b(lang, 'syntheticNotice') : null,
    north: b(lang, 'north'),
    fileName: `sasaran-${slug(data.areaName)}-${slug(indicator.id)}-${stamp}`,
  };
}
