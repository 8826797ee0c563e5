/**
 * The briefing sheet (issue 6): one A4 page for leadership, shown as a full-page dialog over the
 * dashboard. The page is drawn by `paintBriefing` as SVG over a live map; PNG and PDF exports draw
 * the same page again on a canvas and with pdf-lib, with the map captured from that live map.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactElement, type ReactNode, type RefObject } from 'react';
import { povertyPeriod } from '../../db/contracts';
import type { Lang } from '../../lib/i18n';
import { childLevel } from '../../query/areas';
import { INDICATORS, indicator as indicatorById } from '../../query/catalogue';
import type { AreaEntry, Dataset } from '../../state/dataset';
import type { DbPort } from '../../state/db-port';
import type { OverlayLegend } from '../../state/overlays';
import { briefingArea, useBriefing } from '../../state/use-briefing';
import { isViewLevel, type View } from '../../state/view-state';
import { buildBriefingDoc, overlayLineCounts, type BriefingDoc, type DocBivariateInput, type DocChoropleth, type Orientation } from './briefing-doc';
import './briefing.css';
import { CoverageChart } from './coverage-chart';
import { CSS_PX_PER_MM, MM_PER_PT, FONT, briefingLayout, type BriefingLayout } from './layout';
import { fitOverlayNotes, paintBriefing } from './paint';
import { briefingPdf } from './pdf-export';
import { PNG_DPI, briefingPng } from './png-export';
import { b } from './strings';
import { measureText, svgPainter, type SvgImage } from './svg-painter';

/** A map picture: both canvases composited; metres per CSS pixel at the centre. */
export interface BriefingMapImage {
  readonly canvas: HTMLCanvasElement;
  readonly metresPerPixel: number;
}

/** What the briefing needs of its map (MapView's capture API has this shape). */
export interface BriefingMapCapture {
  capture(): Promise<BriefingMapImage>;
  metresPerPixel(): number;
}

/** What the briefing hands to `renderMap`. */
export interface BriefingMapSlot {
  /** Remount key: changes with the map box's size (orientation, room taken by overlay legends). */
  readonly key: string;
  readonly captureRef: RefObject<BriefingMapCapture | null>;
  readonly onRendered: () => void;
  /** Drawing-buffer pixels per CSS pixel, so the captured map matches the PNG's resolution. */
  readonly pixelRatio: number;
  readonly ariaLabel: string;
}

/** Props of the briefing view. */
export interface BriefingViewProps {
  readonly db: DbPort | null;
  readonly dataVersion: number;
  readonly view: View;
  readonly setView: (patch: Partial<View>) => void;
  readonly dataset: Dataset;
  readonly areasByCode: ReadonlyMap<string, AreaEntry>;
  /** The dashboard map's classification, drawn again in the briefing's legend. */
  readonly choropleth: DocChoropleth;
  /** The dashboard map's overlay legends, bottom layer first; their layers are drawn by `renderMap`. */
  readonly overlays: readonly OverlayLegend[];
  /** The dashboard map's bivariate colouring when it is on (it then replaces the choropleth). */
  readonly bivariate: DocBivariateInput | null;
  /** Renders a non-interactive map with the dashboard's colours and overlays, fitted to the briefing's area. */
  readonly renderMap: (slot: BriefingMapSlot) => ReactNode;
  readonly onClose: () => void;
}

/** The user's logo, normalized to PNG on a canvas. */
interface Logo {
  readonly canvas: HTMLCanvasElement;
  readonly dataUrl: string;
  readonly aspect: number;
}

/** Longest side of a stored logo, px. */
const LOGO_MAX_PX = 800;

function readLogo(file: File): Promise<Logo> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('read'));
    reader.onload = () => {
      const img = new Image();
      img.onerror = () => reject(new Error('decode'));
      img.onload = () => {
        const w = img.naturalWidth || 300;
        const h = img.naturalHeight || 150;
        const scale = Math.min(1, LOGO_MAX_PX / Math.max(w, h));
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(w * scale));
        canvas.height = Math.max(1, Math.round(h * scale));
        const ctx = canvas.getContext('2d');
        if (!ctx) return reject(new Error('canvas'));
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        resolve({ canvas, dataUrl: canvas.toDataURL('image/png'), aspect: canvas.width / canvas.height });
      };
      if (typeof reader.result !== 'string') return reject(new Error('read'));
      img.src = reader.result;
    };
    reader.readAsDataURL(file);
  });
}

async function pngBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the map could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; keep the URL a while for slow browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The page as SVG over the live map and the chart. */
function Page(props: {
  doc: BriefingDoc;
  layout: BriefingLayout;
  logo: Logo | null;
  metresPerMm: number;
  map: ReactNode;
}): ReactElement {
  const { doc, layout } = props;
  const elements: ReactElement[] = [];
  const logo: { image: SvgImage; aspect: number } | null = props.logo
    ? { image: { href: props.logo.dataUrl }, aspect: props.logo.aspect }
    : null;
  paintBriefing(svgPainter(elements), doc, layout, { map: null, metresPerMm: props.metresPerMm, logo, skipChart: true });
  const mm = (v: number): string => `${v}mm`;
  const chartTop = FONT.heading * MM_PER_PT * 1.22 + 0.8;
  return (
    <div
      className={`briefing-page briefing-page--${layout.orientation}`}
      data-testid="briefing-page"
      style={{ width: mm(layout.page.w), height: mm(layout.page.h) }}
    >
      <div
        className="briefing-page__map"
        style={{ left: mm(layout.map.x), top: mm(layout.map.y), width: mm(layout.map.w), height: mm(layout.map.h) }}
      >
        {props.map}
      </div>
      <div
        className="briefing-page__chart"
        style={{
          left: mm(layout.chart.x),
          top: mm(layout.chart.y + chartTop),
          width: mm(layout.chart.w),
          height: mm(layout.chart.h - chartTop),
        }}
      >
        <CoverageChart
          bars={doc.chart.bars}
          width={Math.floor(layout.chart.w * CSS_PX_PER_MM)}
          height={Math.floor((layout.chart.h - chartTop) * CSS_PX_PER_MM)}
        />
      </div>
      <svg
        className="briefing-page__svg"
        viewBox={`0 0 ${layout.page.w} ${layout.page.h}`}
        width={mm(layout.page.w)}
        height={mm(layout.page.h)}
        lang={doc.lang}
        aria-label={doc.title}
      >
        {elements}
      </svg>
    </div>
  );
}

/** The area choices: the province and every area from it down to the briefing's area. */
function areaChoices(area: string | null, areasByCode: ReadonlyMap<string, AreaEntry>): AreaEntry[] {
  const list: AreaEntry[] = [];
  if (!area) return list;
  const parts = area.split('.');
  for (let i = 1; i <= parts.length; i++) {
    const entry = areasByCode.get(parts.slice(0, i).join('.'));
    if (entry) list.push(entry);
  }
  return list;
}

/** The briefing dialog: settings bar, the A4 page, PNG / PDF / print. Escape closes it. */
export function BriefingView(props: BriefingViewProps): ReactElement {
  const { view, dataset } = props;
  const lang: Lang = view.lang;
  const titleId = useId();
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [title, setTitle] = useState<string>('');
  const [logo, setLogo] = useState<Logo | null>(null);
  const [logoError, setLogoError] = useState(false);
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'error'; text: string } | null>(null);
  const [metresPerPixel, setMetresPerPixel] = useState(Number.NaN);
  const [openedAt] = useState(() => new Date());
  const captureRef = useRef<BriefingMapCapture | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const briefing = useBriefing(props.db, props.dataVersion, view, true);
  const ind = indicatorById(view.indicator);
  const period = povertyPeriod(view.period);
  const area = briefingArea(view);

  const onClose = props.onClose;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [onClose]);

  const names = useMemo(() => new Map([...props.areasByCode].map(([code, a]) => [code, a.name])), [props.areasByCode]);
  // Notes wrapped once, with the screen's text metrics, so every painter draws the same lines.
  const docFor = (generatedAt: Date): BriefingDoc | null =>
    briefing.data
      ? fitOverlayNotes(buildBriefingDoc({
          lang,
          title,
          indicator: ind,
          view,
          data: briefing.data,
          choropleth: props.choropleth,
          overlays: props.overlays,
          bivariate: props.bivariate,
          names,
          period: { label: period.label[lang], povertyLine: period.povertyLine },
          source: { synthetic: dataset.synthetic, households: dataset.households, seed: dataset.manifest?.seed ?? null },
          generatedAt,
        }), { measure: measureText }, orientation)
      : null;
  const doc = docFor(openedAt);
  const sectionLines = doc ? overlayLineCounts(doc).join(',') : '';
  const layout = useMemo(
    () => briefingLayout(orientation, sectionLines ? sectionLines.split(',').map(Number) : []),
    [orientation, sectionLines],
  );
  const metresPerMm = metresPerPixel * CSS_PX_PER_MM;

  const runExport = async (kind: 'png' | 'pdf'): Promise<void> => {
    const capture = captureRef.current;
    const now = new Date();
    const exportDoc = docFor(now);
    if (!capture || !exportDoc) return;
    setStatus({ kind: 'busy', text: b(lang, 'exporting') });
    try {
      const map = await capture.capture();
      const mpm = map.metresPerPixel * CSS_PX_PER_MM;
      let blob: Blob;
      if (kind === 'png') {
        blob = await briefingPng(exportDoc, layout, {
          map: map.canvas,
          metresPerMm: mpm,
          logo: logo ? { image: logo.canvas, aspect: logo.aspect } : null,
        });
      } else {
        const bytes = await briefingPdf(
          exportDoc,
          layout,
          {
            mapPng: await pngBytes(map.canvas),
            metresPerMm: mpm,
            logo: logo ? { png: await pngBytes(logo.canvas), aspect: logo.aspect } : null,
          },
          now,
        );
        blob = new Blob([bytes.slice().buffer], { type: 'application/pdf' });
      }
      const file = `${exportDoc.fileName}.${kind}`;
      download(blob, file);
      setStatus({ kind: 'done', text: b(lang, 'exported', { file }) });
    } catch (e) {
      setStatus({ kind: 'error', text: b(lang, 'exportError', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const choices = areaChoices(area, props.areasByCode);
  const chooseArea = (code: string): void => {
    const level = childLevel(props.areasByCode.get(code)?.level ?? 'provinsi');
    if (!level || !isViewLevel(level)) return;
    props.setView({
      parent: code === '31' ? null : code,
      level,
      selected: null,
      viewport: null,
      filters: { ...view.filters, kota: null, kecamatan: null },
    });
  };
  const ready = doc !== null && !briefing.loading;

  return (
    <div
      className="briefing-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      ref={dialogRef}
      tabIndex={-1}
      lang={lang}
      data-testid="briefing"
      data-briefing-state={ready ? 'ready' : 'loading'}
    >
      <div className="briefing-bar">
        <h2 id={titleId}>{b(lang, 'dialog')}</h2>
        <label>
          {b(lang, 'titleField')}
          <input
            type="text"
            data-testid="briefing-title"
            value={title}
            placeholder={doc?.title ?? ''}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={140}
          />
        </label>
        <label>
          {b(lang, 'area')}
          <select data-testid="briefing-area" value={area ?? ''} onChange={(e) => chooseArea(e.target.value)}>
            {choices.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {b(lang, 'tableValue')}
          <select data-testid="briefing-indicator" value={view.indicator} onChange={(e) => props.setView({ indicator: e.target.value })}>
            {INDICATORS.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label[lang]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="briefing-bar__orientation">
          <legend>{b(lang, 'orientation')}</legend>
          {(['landscape', 'portrait'] as const).map((o) => (
            <label key={o}>
              <input
                type="radio"
                name="briefing-orientation"
                value={o}
                data-testid={`briefing-${o}`}
                checked={orientation === o}
                onChange={() => setOrientation(o)}
              />
              {b(lang, o)}
            </label>
          ))}
        </fieldset>
        <label className="briefing-bar__logo">
          {b(lang, 'logo')}
          <input
            type="file"
            accept="image/png,image/jpeg,image/webp,image/svg+xml"
            data-testid="briefing-logo"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              readLogo(file).then(
                (l) => {
                  setLogo(l);
                  setLogoError(false);
                },
                () => setLogoError(true),
              );
            }}
          />
        </label>
        {logo && (
          <button type="button" onClick={() => setLogo(null)}>
            {b(lang, 'removeLogo')}
          </button>
        )}
        <div className="briefing-bar__lang" role="group" aria-label="Bahasa / Language">
          {(['id', 'en'] as const).map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} data-testid={`briefing-lang-${l}`} onClick={() => props.setView({ lang: l })}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        <div className="briefing-bar__actions">
          <button type="button" data-testid="briefing-png" disabled={!ready || status?.kind === 'busy'} onClick={() => void runExport('png')}>
            {b(lang, 'png')}
          </button>
          <button type="button" data-testid="briefing-pdf" disabled={!ready || status?.kind === 'busy'} onClick={() => void runExport('pdf')}>
            {b(lang, 'pdf')}
          </button>
          <button type="button" disabled={!ready} onClick={() => window.print()}>
            {b(lang, 'print')}
          </button>
          <button type="button" data-testid="briefing-close" onClick={props.onClose}>
            {b(lang, 'close')}
          </button>
        </div>
        <p className="briefing-bar__status" role="status" aria-live="polite" data-testid="briefing-status" data-kind={status?.kind ?? ''}>
          {logoError ? b(lang, 'logoError') : (status?.text ?? (briefing.loading ? b(lang, 'loading') : ''))}
          {briefing.error && ` ${b(lang, 'exportError', { message: briefing.error })}`}
          {area === null && b(lang, 'noArea')}
        </p>
      </div>
      <div className="briefing-stage">
        {doc && (
          <Page
            doc={doc}
            layout={layout}
            logo={logo}
            metresPerMm={metresPerMm}
            map={props.renderMap({
              key: `${orientation}-${layout.map.h}`,
              captureRef,
              onRendered: () => setMetresPerPixel(captureRef.current?.metresPerPixel() ?? Number.NaN),
              pixelRatio: PNG_DPI / 96,
              ariaLabel: b(lang, 'mapLabel', { indicator: ind.label[lang] }),
            })}
          />
        )}
      </div>
    </div>
  );
}
