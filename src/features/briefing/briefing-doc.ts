/**
 * The briefing page as plain text and numbers, already formatted in one language: the single
 * source that the on-screen page, the PNG and the PDF all draw. Pure.
 */
import type { Breaks } from '../../lib/classify';
import { classRangeLabel, distinctDigits, formatCount, formatPercent, formatRupiah, formatValue } from '../../lib/format';
import { LOCALE, t, type Lang } from '../../lib/i18n';
import { BIVARIATE_HEX, HATCH_HEX, NO_DATA_HEX, SUPPRESSED_HEX } from '../../lib/palettes';
import { indicator as indicatorById, type Indicator } from '../../query/catalogue';
import { overlayText } from '../../state/overlay-strings';
import type { LegendClass, OverlayLegend } from '../../state/overlays';
import type { BriefingData, BriefingFigure } from '../../state/use-briefing';
import type { View } from '../../state/view-state';
import { CSS_PX_PER_MM } from './layout';
import { PROGRAM_SHORT, b } from './strings';

/** Page orientation. */
export type Orientation = 'landscape' | 'portrait';

/** One legend row: a swatch (fill colour, optional hatch) and its text. */
export interface DocLegendRow {
  /** How the swatch is drawn: a filled box, a dot (a symbol's colour) or a line (an outline's colour). */
  readonly shape: 'box' | 'dot' | 'line';
  readonly fill: string;
  /** Thickness of a line swatch, mm. */
  readonly lineWidth?: number;
  readonly hatch: string | null;
  readonly label: string;
  readonly count: string;
  /** The count without its unit word, for narrow boxes. */
  readonly countShort: string;
}

/** A line of text in an overlay's legend. */
export interface DocLegendNote {
  readonly note: string;
}

/** Type guard: a legend line that is text only. */
export function isLegendNote(line: DocLegendRow | DocLegendNote): line is DocLegendNote {
  return 'note' in line;
}

/** One overlay's legend: its title, then swatch rows and notes in order. */
export interface DocLegendSection {
  readonly id: string;
  readonly title: string;
  readonly lines: readonly (DocLegendRow | DocLegendNote)[];
}

/** The 3 × 3 need × coverage square of the bivariate map. */
export interface DocBivariate {
  /** Fill and area count per cell: cells[coverageClass][needClass], row 0 = low coverage. */
  readonly cells: readonly (readonly { readonly fill: string; readonly count: string }[])[];
  /** Title of the x axis (need, towards the right). */
  readonly need: string;
  /** Title of the y axis (coverage, upwards). */
  readonly coverage: string;
  /** Tercile bounds of each axis. */
  readonly notes: readonly string[];
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
  readonly legend: {
    readonly title: string;
    readonly rows: readonly DocLegendRow[];
    readonly note: string;
    /** The bivariate square, drawn instead of class rows when the map is need × coverage. */
    readonly bivariate: DocBivariate | null;
    /** The overlays' legends, top layer first. */
    readonly overlays: readonly DocLegendSection[];
  };
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

/** Line counts of the overlay legends, titles included (what the layout makes room for). */
export function overlayLineCounts(doc: BriefingDoc): number[] {
  return doc.legend.overlays.map((s) => s.lines.length + 1);
}

/** The map's classification as the legend shows it. */
export interface DocChoropleth {
  readonly breaks: Breaks;
  readonly colors: readonly string[];
  readonly counts: readonly number[];
  readonly suppressed: number;
  readonly noData: number;
}

/** The bivariate map as its legend shows it (the dashboard's need × coverage picture). */
export interface DocBivariateInput {
  readonly need: Indicator;
  readonly coverage: Indicator;
  /** Areas per cell: counts[coverageClass][needClass]. */
  readonly counts: readonly (readonly number[])[];
  readonly needBounds: readonly [number, number] | null;
  readonly coverageBounds: readonly [number, number] | null;
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
  /** The map's overlay legends, bottom layer first (as `buildOverlayPicture` gives them); default none. */
  readonly overlays?: readonly OverlayLegend[];
  /** The bivariate colouring when the map shows it instead of the choropleth; default none. */
  readonly bivariate?: DocBivariateInput | null;
  /** Names of areas by code, for the parents of ranked areas. */
  readonly names: ReadonlyMap<string, string>;
  readonly period: { readonly label: string; readonly povertyLine: number };
  readonly source: { readonly synthetic: boolean; readonly households: number; readonly seed: number | null };
  readonly generatedAt: Date;
}

const METHOD_KEY = { quantile: 'methodQuantile', jenks: 'methodJenks', equal: 'methodEqual', manual: 'methodManual' } as const;

/** The default title: indicator and area. */
export function defaultTitle(lang: Lang, indicator: Indicator | string, areaName: string): string {
  return b(lang, 'defaultTitle', { indicator: typeof indicator === 'string' ? indicator : indicator.label[lang], area: areaName });
}

/** Date and time as the footer prints them, e.g. '28 November 2026 18.20'. */
export function formatGenerated(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

function areas(lang: Lang, n: number): string {
  return t(lang, n === 1 ? 'legend.areasOne' : 'legend.areas', { n: formatCount(n, lang) });
}

/** Rows for suppressed and no-data areas, when there are any. */
function missingRows(lang: Lang, suppressed: number, noData: number, minCell: number): DocLegendRow[] {
  const rows: DocLegendRow[] = [];
  if (suppressed > 0) {
    rows.push({
      shape: 'box',
      fill: SUPPRESSED_HEX,
      hatch: HATCH_HEX,
      label: t(lang, 'legend.suppressed', { k: formatCount(minCell, lang) }),
      count: areas(lang, suppressed),
      countShort: formatCount(suppressed, lang),
    });
  }
  if (noData > 0) {
    rows.push({ shape: 'box', fill: NO_DATA_HEX, hatch: null, label: t(lang, 'legend.noData'), count: areas(lang, noData), countShort: formatCount(noData, lang) });
  }
  return rows;
}

function legendRows(input: BriefingDocInput): DocLegendRow[] {
  const { lang, choropleth: c, indicator } = input;
  const digits = distinctDigits(c.breaks.breaks, indicator.unit, lang);
  const fmt = (v: number): string => formatValue(v, indicator.unit, lang, { digits });
  const rows: DocLegendRow[] = [];
  for (let i = 0; i < c.breaks.k; i++) {
    const lo = c.breaks.breaks[i];
    const hi = c.breaks.breaks[i + 1];
    if (lo === undefined || hi === undefined) break;
    rows.push({
      shape: 'box',
      fill: c.colors[i] ?? NO_DATA_HEX,
      hatch: null,
      label: classRangeLabel(c.breaks.breaks, i, fmt),
      count: areas(lang, c.counts[i] ?? 0),
      countShort: formatCount(c.counts[i] ?? 0, lang),
    });
  }
  return [...rows, ...missingRows(lang, c.suppressed, c.noData, input.view.minCell)];
}

/** Outline thickness of the upgrading rows' swatch, CSS px (a middle slum grade). */
const OUTLINE_SWATCH_PX = 2.5;

function classRows(lang: Lang, classes: readonly LegendClass[], shape: DocLegendRow['shape'], hatched: boolean): DocLegendRow[] {
  const pct = (v: number): string => formatValue(v, 'fraction', lang, { digits: 0 });
  return classes.map((c) => ({
    shape,
    fill: hatched ? '#ffffff' : c.hex,
    hatch: hatched ? c.hex : null,
    label: `${pct(c.lo)} – ${pct(c.hi)}`,
    count: areas(lang, c.count),
    countShort: formatCount(c.count, lang),
  }));
}

/** One overlay legend as briefing lines: colour classes, then what sizes or thickens the marks. */
function overlaySection(lang: Lang, legend: OverlayLegend, minCell: number): DocLegendSection {
  const name = overlayText(lang, `layer.${legend.id}`);
  const hidden = (n: number): DocLegendNote[] =>
    n > 0 ? [{ note: overlayText(lang, 'suppressed', { n: formatCount(n, lang), k: formatCount(minCell, lang) }) }] : [];
  if (legend.kind === 'outlines') {
    const grades = legend.grades.map((g) => overlayText(lang, `grade.${g.grade}`)).join(' < ');
    return {
      id: legend.id,
      title: legend.year === null ? name : `${name} (${overlayText(lang, 'upTo', { year: String(legend.year) })})`,
      lines: [
        ...legend.categories.map(
          (c): DocLegendRow => ({
            shape: 'line',
            fill: c.hex,
            hatch: null,
            lineWidth: OUTLINE_SWATCH_PX / CSS_PX_PER_MM,
            label: overlayText(lang, `cat.${c.category}`),
            count: overlayText(lang, 'areas', { n: formatCount(c.count, lang) }),
            countShort: formatCount(c.count, lang),
          }),
        ),
        { note: overlayText(lang, 'grades') },
        { note: grades },
      ],
    };
  }
  if (legend.kind === 'hatch') {
    return {
      id: legend.id,
      title: name,
      lines: [{ note: overlayText(lang, 'hatched') }, ...classRows(lang, legend.classes, 'box', true), ...hidden(legend.suppressed)],
    };
  }
  if (legend.notApplicable) return { id: legend.id, title: name, lines: [{ note: overlayText(lang, 'noLeakage') }] };
  const largest = legend.sizes[0];
  const sizeRef = largest
    ? [
        {
          note: b(lang, 'symbolSize', {
            mm: (largest.radius * 2 / CSS_PX_PER_MM).toLocaleString(LOCALE[lang], { maximumFractionDigits: 1 }),
            value: formatValue(largest.value, legend.sizeUnit, lang, { withUnit: true }),
          }),
        },
      ]
    : [];
  return {
    id: legend.id,
    title: name,
    lines: [
      { note: overlayText(lang, 'colour', { what: indicatorById(legend.indicatorId).label[lang] }) },
      ...classRows(lang, legend.classes, 'dot', false),
      { note: overlayText(lang, `size.${legend.sizeOf}`) },
      ...sizeRef,
      ...hidden(legend.suppressed),
    ],
  };
}

function bivariateKey(lang: Lang, biv: DocBivariateInput): DocBivariate {
  // The axis titles name the indicators; the bounds name only the axis, to stay on one line.
  const bounds = (x: readonly [number, number] | null, ind: Indicator, axis: 'bivNeed' | 'bivCoverage'): string[] =>
    x
      ? [
          overlayText(lang, 'bivBounds', {
            what: b(lang, axis),
            a: formatValue(x[0], ind.unit, lang),
            b: formatValue(x[1], ind.unit, lang),
          }),
        ]
      : [];
  return {
    cells: BIVARIATE_HEX.map((row, y) => row.map((fill, x) => ({ fill, count: formatCount(biv.counts[y]?.[x] ?? 0, lang) }))),
    need: biv.need.label[lang],
    coverage: biv.coverage.label[lang],
    notes: [...bounds(biv.needBounds, biv.need, 'bivNeed'), ...bounds(biv.coverageBounds, biv.coverage, 'bivCoverage')],
  };
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
  const biv = input.bivariate ?? null;
  // The map's subject: the indicator, or need × coverage when the map is bivariate.
  const subject = biv ? `${biv.need.label[lang]} × ${biv.coverage.label[lang]}` : indicator.label[lang];
  const subtitle =
    b(lang, 'subtitle', { indicator: subject, level: levelName, area: data.areaName, period: input.period.label }) +
    (filters.length > 0 ? b(lang, 'subtitleFilters', { filters: filters.join(', ') }) : '');

  const breaks = input.choropleth.breaks;
  const note =
    b(lang, 'legendNote', { method: b(lang, METHOD_KEY[breaks.method]) }) +
    (breaks.locked === 'province' ? b(lang, 'lockedProvince') : '');

  // Top layer first, as the dashboard lists them.
  const overlays = [...(input.overlays ?? [])].reverse().map((l) => overlaySection(lang, l, view.minCell));
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
    title: input.title?.trim() ? input.title.trim() : defaultTitle(lang, subject, data.areaName),
    subtitle,
    legend: biv
      ? {
          title: overlayText(lang, 'bivLegend'),
          rows: missingRows(lang, biv.suppressed, biv.noData, view.minCell),
          note: '',
          bivariate: bivariateKey(lang, biv),
          overlays,
        }
      : {
          title: indicator.label[lang] + (showUnit ? ` (${t(lang, `unit.${indicator.unit}`)})` : ''),
          rows: legendRows(input),
          note,
          bivariate: null,
          overlays,
        },
    figures: figures(input),
    table: {
      // On a bivariate map the table ranks by need: its title says which indicator.
      title:
        b(lang, indicator.higherIsWorse ? 'tableTitleWorse' : 'tableTitleBetter', {
          n: String(data.top.length),
          level: levelName,
        }) + (biv ? ` · ${indicator.label[lang]}` : ''),
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
