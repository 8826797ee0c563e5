/**
 * The side panel for the selected area: the current indicator against parent and province, the
 * desil distribution, program coverage, field-validation progress and key counts. A pure function
 * of its props; every chart is decoration over a table that carries the same numbers as text.
 */
import { useId, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import { indicator, type IndicatorUnit, type Text } from '../../query/catalogue';
import type { ProgramId } from '../../query/programs';
import { formatCount, formatPercent, formatValue } from '../../lib/format';
import { t, type Lang } from '../../lib/i18n';
import { paletteFor } from '../../lib/palettes';
import type { Level } from '../../db/contracts/areas';
import { ancestorCodes, levelOfCode } from '../../query/areas';
import type { AreaDetails } from '../../state/use-area-details';
import { BarListChart, type BarDatum } from './bar-list-chart';
import {
  KEY_COUNT_IDS,
  OUTCOME_IDS,
  programCoverage,
  readCell,
  type PanelCell,
  type ProgramCoverage,
} from './panel-data';
import { s, type PanelStringKey } from './strings';
import './area-panel.css';

/** Props of {@link AreaPanel}. */
export interface AreaPanelProps {
  readonly lang: Lang;
  /** The selected area's data; null before the first load or when nothing is selected. */
  readonly details: AreaDetails | null;
  readonly loading: boolean;
  /** Load error message, shown as an alert. */
  readonly error: string | null;
  /** Catalogue id of the indicator on the map. */
  readonly indicatorId: string;
  /** Minimum cell size in households (named in the suppression text). */
  readonly minCell: number;
  /** Level of the area in `lang`, e.g. 'Kelurahan'. */
  readonly levelLabel: string;
  /** Name of the parent area; falls back to the parent row's name. */
  readonly parentName: string | null;
  readonly onClose: () => void;
  /** Shows a "show the areas within" button when given. */
  readonly onDrill?: () => void;
}

const VIRIDIS = paletteFor('viridis', 4).hex;
/** Bar colours of the area, its parent and the province. */
const COMPARE_FILLS = [VIRIDIS[3]!, VIRIDIS[2]!, VIRIDIS[1]!] as const;
const DESIL_FILL = VIRIDIS[2]!;
const BLUES = paletteFor('YlGnBu', 5).hex;
const ELIGIBLE_FILL = BLUES[2]!;
const REACHED_FILL = BLUES[4]!;
const OUTCOME_FILLS = paletteFor('cividis', 5, { reverse: true }).hex;
const OUTCOME_KEYS: readonly PanelStringKey[] = [
  'outcomeValid',
  'outcomeNotEligible',
  'outcomeMoved',
  'outcomeDeceased',
  'outcomeNotFound',
];
const CHART_WIDTH = 320;

const SHORT_PROGRAM: Record<ProgramId, Text> = {
  kb: { id: 'KB', en: 'KB' },
  pmt_balita: { id: 'PMT balita', en: 'PMT toddlers' },
  pmt_lansia: { id: 'PMT lansia', en: 'PMT elderly' },
  kjp_plus: { id: 'KJP Plus', en: 'KJP Plus' },
  kaj: { id: 'KAJ', en: 'KAJ' },
  klj: { id: 'KLJ', en: 'KLJ' },
  kpdj: { id: 'KPDJ', en: 'KPDJ' },
};

interface Fmt {
  readonly lang: Lang;
  /** The full suppression text, e.g. 'disembunyikan (< 10 rumah tangga)'. */
  readonly suppressed: string;
}

function cellText(cell: PanelCell | null, unit: IndicatorUnit, f: Fmt, withUnit = false): string {
  if (!cell) return s(f.lang, 'noData');
  if (cell.suppressed) return f.suppressed;
  if (cell.value === null) return s(f.lang, 'noData');
  return formatValue(cell.value, unit, f.lang, { withUnit });
}

function unitHeader(unit: IndicatorUnit, lang: Lang): string {
  return t(lang, `unit.${unit}`);
}

function Section(props: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  className?: string;
}): ReactElement {
  const id = useId();
  return (
    <section className={`area-panel__section ${props.className ?? ''}`} aria-labelledby={id}>
      <h3 id={id}>{props.title}</h3>
      {props.subtitle !== undefined && <p className="area-panel__subtitle">{props.subtitle}</p>}
      {props.children}
    </section>
  );
}

/** A collapsed table: the chart's text alternative, one keypress away. */
function DataTable(props: { lang: Lang; children: ReactNode }): ReactElement {
  return (
    <details className="area-panel__data">
      <summary>{s(props.lang, 'dataTable')}</summary>
      {props.children}
    </details>
  );
}

/** Abbreviations that tell an area from a parent of the same name (as Indonesian maps write them). */
const LEVEL_ABBREVIATION: Partial<Record<Level, string>> = { kota: 'Kota', kecamatan: 'Kec.', kelurahan: 'Kel.' };

function Compare(props: {
  details: AreaDetails;
  indicatorId: string;
  parentName: string | null;
  f: Fmt;
}): ReactElement {
  const { details, f } = props;
  const ind = indicator(props.indicatorId);
  const areaName = details.area?.name ?? details.code;
  const parentName = props.parentName ?? details.parent?.name ?? '';
  // Kelurahan Koja lies in Kecamatan Koja: same names get their level's abbreviation.
  const same = areaName === parentName;
  const named = (name: string, code: string | null | undefined): string => {
    const level = code ? levelOfCode(code) : null;
    const prefix = same && level ? LEVEL_ABBREVIATION[level] : undefined;
    return prefix ? `${prefix} ${name}` : name;
  };
  const rows = [
    { key: 'area', name: named(areaName, details.code), cell: readCell(details.area, ind.id) },
    {
      key: 'parent',
      name: named(parentName, ancestorCodes(details.code).at(-1)),
      cell: readCell(details.parent, ind.id),
    },
    {
      key: 'province',
      name: details.province?.name ?? s(f.lang, 'province'),
      cell: readCell(details.province, ind.id),
    },
  ].filter((r) => r.cell !== null);
  const data: BarDatum[] = rows.map((r, i) => ({
    key: r.key,
    label: r.name,
    value: r.cell?.value ?? 0,
    text: cellText(r.cell, ind.unit, f),
    fill: COMPARE_FILLS[i] ?? DESIL_FILL,
  }));
  return (
    <Section
      title={ind.label[f.lang]}
      subtitle={t(f.lang, 'panel.compare')}
      className="area-panel__compare"
    >
      <BarListChart data={data} width={CHART_WIDTH} />
      <DataTable lang={f.lang}>
        <table>
          <caption>{`${ind.label[f.lang]} — ${t(f.lang, 'panel.compare')}`}</caption>
          <thead>
            <tr>
              <th scope="col">{s(f.lang, 'area')}</th>
              <th
                scope="col"
                className="num"
              >{`${s(f.lang, 'value')} (${unitHeader(ind.unit, f.lang)})`}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td className="num" data-suppressed={r.cell?.suppressed ? 'true' : undefined}>
                  {data[i]!.text}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DataTable>
    </Section>
  );
}

function Desil(props: {
  desil: readonly (number | null)[];
  f: Fmt;
  minCell: number;
}): ReactElement {
  const { f } = props;
  const label = (i: number): string => `${s(f.lang, 'desil')} ${i + 1}`;
  const data: BarDatum[] = props.desil.map((v, i) => ({
    key: String(i + 1),
    label: label(i),
    value: v ?? 0,
    text: v === null ? s(f.lang, 'suppressedShort') : formatCount(v, f.lang),
    fill: DESIL_FILL,
  }));
  const anySuppressed = props.desil.some((v) => v === null);
  return (
    <Section
      title={t(f.lang, 'panel.desil')}
      subtitle={s(f.lang, 'desilNote')}
      className="area-panel__desil"
    >
      <BarListChart data={data} width={CHART_WIDTH} band={18} labelWidth={76} textRoom={88} />
      {anySuppressed && (
        <p className="area-panel__note">
          {s(f.lang, 'suppressedNote', { k: formatCount(props.minCell, f.lang) })}
        </p>
      )}
      <DataTable lang={f.lang}>
        <table>
          <caption>{t(f.lang, 'panel.desil')}</caption>
          <thead>
            <tr>
              <th scope="col">{s(f.lang, 'desil')}</th>
              <th scope="col" className="num">
                {s(f.lang, 'households')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.desil.map((v, i) => (
              <tr key={i}>
                <th scope="row">{label(i)}</th>
                <td className="num" data-suppressed={v === null ? 'true' : undefined}>
                  {v === null ? f.suppressed : formatCount(v, f.lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DataTable>
    </Section>
  );
}

function Swatch(props: { fill: string }): ReactElement {
  return (
    <span
      className="area-panel__swatch"
      aria-hidden="true"
      style={{ backgroundColor: props.fill }}
    />
  );
}

function Coverage(props: {
  programs: readonly ProgramCoverage[];
  f: Fmt;
  minCell: number;
}): ReactElement {
  const { f } = props;
  const shown = props.programs.filter((p) => !p.suppressed && p.eligible !== null);
  const suppressed = props.programs.filter((p) => p.suppressed);
  const data = shown.map((p) => ({
    label: SHORT_PROGRAM[p.program.id][f.lang],
    eligible: p.eligible ?? 0,
    reached: p.reached ?? 0,
  }));
  const count = (v: number | null): string =>
    v === null ? s(f.lang, 'noData') : formatCount(v, f.lang);
  return (
    <Section title={t(f.lang, 'panel.coverage')} className="area-panel__coverage">
      {data.length > 0 && (
        <>
          <p className="area-panel__legend">
            <span>
              <Swatch fill={ELIGIBLE_FILL} />
              {s(f.lang, 'eligible')}
            </span>
            <span>
              <Swatch fill={REACHED_FILL} />
              {s(f.lang, 'reached')}
            </span>
          </p>
          <div className="panel-chart" aria-hidden="true">
            <BarChart
              layout="vertical"
              width={CHART_WIDTH}
              height={data.length * 30 + 8}
              data={data}
              margin={{ top: 4, right: 16, bottom: 4, left: 0 }}
              barGap={1}
              accessibilityLayer={false}
            >
              <XAxis type="number" hide domain={[0, (max: number) => (max > 0 ? max : 1)]} />
              <YAxis
                type="category"
                dataKey="label"
                width={96}
                tick={{ fontSize: 12 }}
                tickLine={false}
                axisLine={false}
                interval={0}
              />
              <Bar dataKey="eligible" fill={ELIGIBLE_FILL} isAnimationActive={false} barSize={10} />
              <Bar dataKey="reached" fill={REACHED_FILL} isAnimationActive={false} barSize={10} />
            </BarChart>
          </div>
        </>
      )}
      <div className="area-panel__scroll">
        <table className="area-panel__table">
          <caption>{t(f.lang, 'panel.eligibleReached')}</caption>
          <thead>
            <tr>
              <th scope="col">{s(f.lang, 'program')}</th>
              <th scope="col" className="num">
                {s(f.lang, 'eligible')}
              </th>
              <th scope="col" className="num">
                {s(f.lang, 'reached')}
              </th>
              <th scope="col" className="num">
                {s(f.lang, 'coverage')}
              </th>
              <th scope="col" className="num">
                {s(f.lang, 'gap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.programs.map((p) => (
              <tr key={p.program.id} data-program={p.program.id}>
                <th scope="row">
                  {p.program.label[f.lang]}{' '}
                  <span className="area-panel__unit">({t(f.lang, `unit.${p.program.unit}`)})</span>
                </th>
                {p.suppressed ? (
                  <td colSpan={4} data-suppressed="true">
                    {f.suppressed}
                  </td>
                ) : (
                  <>
                    <td className="num">{count(p.eligible)}</td>
                    <td className="num">{count(p.reached)}</td>
                    <td className="num">
                      {p.coverage === null
                        ? s(f.lang, 'noEligible')
                        : formatPercent(p.coverage, f.lang)}
                    </td>
                    <td className="num" data-suppressed={p.gap.suppressed ? 'true' : undefined}>
                      {p.gap.suppressed ? s(f.lang, 'suppressedShort') : count(p.gap.value)}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {suppressed.length > 0 && (
        <p className="area-panel__note">
          {s(f.lang, 'suppressedPrograms', {
            list: suppressed.map((p) => p.program.label[f.lang]).join(', '),
          })}
        </p>
      )}
      {props.programs.some((p) => p.suppressed || p.gap.suppressed) && (
        <p className="area-panel__note">
          {s(f.lang, 'suppressedNote', { k: formatCount(props.minCell, f.lang) })}
        </p>
      )}
    </Section>
  );
}

function Validation(props: { details: AreaDetails; f: Fmt }): ReactElement {
  const { details, f } = props;
  const textId = useId();
  const progress = readCell(details.area, 'validation_progress');
  const outcomes = OUTCOME_IDS.map((id, i) => ({
    id,
    label: s(f.lang, OUTCOME_KEYS[i]!),
    fill: OUTCOME_FILLS[i]!,
    cell: readCell(details.area, id),
  }));
  const visible =
    progress && !progress.suppressed && progress.value !== null ? progress.value : null;
  return (
    <Section title={t(f.lang, 'panel.validation')} className="area-panel__validation">
      {visible === null ? (
        <p>{cellText(progress, 'fraction', f)}</p>
      ) : (
        <>
          <progress
            className="area-panel__progress"
            max={1}
            value={visible}
            aria-labelledby={textId}
          />
          <p id={textId}>
            {s(f.lang, 'visited', {
              share: formatPercent(visible, f.lang),
              num: formatCount(progress?.num ?? null, f.lang),
              den: formatCount(progress?.den ?? null, f.lang),
            })}
          </p>
        </>
      )}
      <div className="area-panel__stack" aria-hidden="true">
        {outcomes.map((o) =>
          o.cell && o.cell.value !== null && o.cell.value > 0 ? (
            <span
              key={o.id}
              style={{ width: `${(o.cell.value * 100).toFixed(2)}%`, backgroundColor: o.fill }}
            />
          ) : null,
        )}
      </div>
      <table className="area-panel__table">
        <caption>{s(f.lang, 'outcome')}</caption>
        <thead>
          <tr>
            <th scope="col">{s(f.lang, 'outcomeShort')}</th>
            <th scope="col" className="num">
              {s(f.lang, 'share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <Swatch fill={o.fill} />
                {o.label}
              </th>
              <td className="num" data-suppressed={o.cell?.suppressed ? 'true' : undefined}>
                {cellText(o.cell, 'fraction', f)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function KeyCounts(props: { details: AreaDetails; f: Fmt }): ReactElement {
  const { f } = props;
  return (
    <Section title={t(f.lang, 'panel.keyCounts')} className="area-panel__counts">
      <dl>
        {KEY_COUNT_IDS.map((id) => {
          const ind = indicator(id);
          const cell = readCell(props.details.area, id);
          return (
            <div key={id}>
              <dt>{ind.label[f.lang]}</dt>
              <dd data-suppressed={cell?.suppressed ? 'true' : undefined}>
                {cellText(cell, ind.unit, f, true)}
              </dd>
            </div>
          );
        })}
      </dl>
    </Section>
  );
}

/** The area panel: an `<aside>` labelled by the area's heading; Escape or the close button calls onClose. */
export function AreaPanel(props: AreaPanelProps): ReactElement {
  const { lang, details, onClose } = props;
  const headingId = useId();
  const f: Fmt = {
    lang,
    suppressed: s(lang, 'suppressed', { k: formatCount(props.minCell, lang) }),
  };
  const name = details ? (details.area?.name ?? details.code) : s(lang, 'details');
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <aside
      className="area-panel"
      aria-labelledby={headingId}
      aria-busy={props.loading}
      lang={lang}
      onKeyDown={onKeyDown}
    >
      <header className="area-panel__header">
        <h2 id={headingId}>
          <span className="area-panel__name">{name}</span>
          {details && (
            <span className="area-panel__meta">
              {`${props.levelLabel} · ${s(lang, 'code')} ${details.code}`}
            </span>
          )}
        </h2>
        <button
          type="button"
          className="area-panel__close"
          aria-label={t(lang, 'panel.close')}
          title={t(lang, 'panel.close')}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {props.loading && (
        <p className="area-panel__status" role="status">
          {s(lang, 'loading')}
        </p>
      )}
      {props.error !== null && (
        <p className="area-panel__error" role="alert">
          {s(lang, 'error', { message: props.error })}
        </p>
      )}
      {props.onDrill && details && (
        <button type="button" className="area-panel__drill" onClick={props.onDrill}>
          {s(lang, 'drill')}
        </button>
      )}
      {details?.area && (
        <>
          <Compare
            details={details}
            indicatorId={props.indicatorId}
            parentName={props.parentName}
            f={f}
          />
          <Desil desil={details.desil} f={f} minCell={props.minCell} />
          <Coverage programs={programCoverage(details.area)} f={f} minCell={props.minCell} />
          <Validation details={details} f={f} />
          <KeyCounts details={details} f={f} />
        </>
      )}
    </aside>
  );
}
