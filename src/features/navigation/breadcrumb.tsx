/** The drill-down path (DKI Jakarta › kota › kecamatan › kelurahan) with links back up. */
import { t, type Lang } from '../../lib/i18n';
import type { AreaEntry } from '../../state/dataset';
import './breadcrumb.css';

/** Props of {@link Breadcrumb}. */
export interface BreadcrumbProps {
  readonly lang: Lang;
  /** Code drilled into, or null for the province. */
  readonly parent: string | null;
  readonly areasByCode: ReadonlyMap<string, AreaEntry>;
  /** Go to an ancestor (null = the province). */
  readonly onNavigate: (code: string | null) => void;
}

/** Codes from the kota down to `code` itself. */
export function pathCodes(code: string | null): string[] {
  if (!code) return [];
  const parts = code.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 2).join('.'));
}

/** The breadcrumb navigation. */
export function Breadcrumb({ lang, parent, areasByCode, onNavigate }: BreadcrumbProps) {
  const path = pathCodes(parent);
  return (
    <nav className="breadcrumb" aria-label={t(lang, 'breadcrumb.label')} data-testid="breadcrumb">
      <ol>
        <li>
          {path.length === 0 ? (
            <span aria-current="page">{t(lang, 'breadcrumb.root')}</span>
          ) : (
            <button type="button" onClick={() => onNavigate(null)}>
              {t(lang, 'breadcrumb.root')}
            </button>
          )}
        </li>
        {path.map((code, i) => {
          const area = areasByCode.get(code);
          const label = area ? area.name : code;
          return (
            <li key={code}>
              {i === path.length - 1 ? (
                <span aria-current="page">{label}</span>
              ) : (
                <button type="button" onClick={() => onNavigate(code)}>
                  {label}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
