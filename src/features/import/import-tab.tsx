/**
 * The import tab: a drop zone and file picker, one card per file (what it holds, the column
 * mapping, columns dropped for privacy, problems), progress with cancel, the outcome, and the
 * data in use with "back to demo data". Everything from a file is rendered as React text.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { Lang } from '../../lib/i18n';
import { formatCount } from '../../lib/format';
import { IMPORT_ROLES, ROLE_FIELDS, type ImportRole } from '../../state/import/fields';
import type { ImportMessage } from '../../state/import/messages';
import { SLOTS, type StoredSet } from '../../state/import/store';
import type { ImportController, ImportFile } from '../../state/import/use-import';
import { messageText } from './messages';
import { s } from './strings';
import './import.css';

/** Props of the import tab. */
export interface ImportTabProps {
  readonly lang: Lang;
  readonly controller: ImportController;
  /** The stored import in use (null = demo data). */
  readonly stored: StoredSet | null;
  /** Whether the database is ready to take an import. */
  readonly ready: boolean;
}

function Messages({ lang, messages, testId }: { lang: Lang; messages: readonly ImportMessage[]; testId: string }) {
  if (messages.length === 0) return null;
  return (
    <ul className="import__messages" data-testid={testId}>
      {messages.map((m, i) => (
        <li key={i} className={`import__message import__message--${m.severity}`} data-code={m.code}>
          {messageText(lang, m)}
        </li>
      ))}
    </ul>
  );
}

function FileCard({ lang, f, controller }: { lang: Lang; f: ImportFile; controller: ImportController }) {
  const id = useId();
  const a = f.analysis;
  const headers = a?.columns.map((c) => c.header) ?? [];
  const dropped = a?.columns.filter((c) => c.identifier) ?? [];
  const fields = f.role ? ROLE_FIELDS[f.role] : [];
  const mapped = fields.filter((x) => f.mapping[x.name]).length;
  const boundary = f.role === 'kelurahan' || f.role === 'rw';
  return (
    <li className="import__file" data-testid="import-file">
      <div className="import__file-head">
        <strong className="import__file-name">{f.file.name}</strong>
        <span className="import__file-size">{formatCount(Math.ceil(f.file.size / 1024), lang)} KB</span>
        <button type="button" className="import__remove" onClick={() => controller.removeFile(f.key)} aria-label={`${s(lang, 'remove')}: ${f.file.name}`}>
          ×
        </button>
      </div>
      {!a && <p className="import__muted">{s(lang, 'analysing')}</p>}
      {a && (
        <>
          <label className="import__role" htmlFor={`${id}-role`}>
            {s(lang, 'role')}{' '}
            <select
              id={`${id}-role`}
              data-testid="import-role"
              value={f.role ?? ''}
              onChange={(e) => controller.setRole(f.key, e.target.value as ImportRole)}
            >
              {!f.role && <option value="">{s(lang, 'roleUnknown')}</option>}
              {IMPORT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {s(lang, `role_${r}`)}
                </option>
              ))}
            </select>
            {a.rows > 0 && <span className="import__muted"> · {s(lang, boundary ? 'features' : 'rows', { n: formatCount(a.rows, lang) })}</span>}
          </label>
          <Messages lang={lang} messages={a.messages.filter((m) => m.code !== 'identifierDropped')} testId="import-file-messages" />
          {dropped.length > 0 && (
            <div className="import__dropped" data-testid="import-dropped">
              <p>{s(lang, 'dropped')}</p>
              <ul>
                {dropped.map((c) => (
                  <li key={c.header}>
                    {messageText(lang, { code: 'identifierDropped', severity: 'warning', params: { file: f.file.name, header: c.header, kind: c.identifier ?? '', by: c.by ?? 'name' } })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {f.role && (
            <details className="import__mapping">
              <summary>{s(lang, 'mapping', { mapped, total: fields.length })}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{s(lang, 'field')}</th>
                    <th scope="col">{s(lang, 'column')}</th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((field) => (
                    <tr key={field.name} className={field.required && !f.mapping[field.name] ? 'import__missing' : undefined}>
                      <th scope="row">
                        <label htmlFor={`${id}-${field.name}`}>
                          <code>{field.name}</code>
                          {field.required && <span className="import__required"> ({s(lang, 'required')})</span>}
                        </label>
                      </th>
                      <td>
                        <select
                          id={`${id}-${field.name}`}
                          data-testid={`import-map-${field.name}`}
                          value={f.mapping[field.name] ?? ''}
                          onChange={(e) => controller.setMapping(f.key, field.name, e.target.value === '' ? null : e.target.value)}
                        >
                          <option value="">{s(lang, 'none')}</option>
                          {headers.map((h) => (
                            <option key={h} value={h}>
                              {h}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
    </li>
  );
}

/** The import tab of the side column. */
export function ImportTab({ lang, controller, stored, ready }: ImportTabProps) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const busy = controller.phase !== 'idle';
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    const list = [...(e.dataTransfer?.files ?? [])];
    if (list.length > 0 && !busy) controller.addFiles(list);
  };

  // While the tab is open, files dropped anywhere on the page are imported, not opened by the browser.
  const addRef = useRef(controller.addFiles);
  addRef.current = busy ? () => undefined : controller.addFiles;
  useEffect(() => {
    const over = (e: globalThis.DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: globalThis.DragEvent): void => {
      // The drop zone handled it already.
      if (e.defaultPrevented || !e.dataTransfer?.files.length) return;
      e.preventDefault();
      addRef.current([...e.dataTransfer.files]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const anyImported = stored !== null && SLOTS.some((slot) => stored.slots[slot].source === 'import');
  const boundaryFiles = controller.files.some((f) => f.role === 'kelurahan' || f.role === 'rw');
  const p = controller.progress;

  return (
    <section className="import" aria-labelledby={`${inputId}-title`} data-testid="import-tab">
      <h2 id={`${inputId}-title`}>{s(lang, 'title')}</h2>
      <p className="import__muted">{s(lang, 'intro')}</p>

      <div
        className={`import__drop${dragging ? ' import__drop--over' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{s(lang, 'drop')} </span>
        <label htmlFor={inputId} className="import__pick">
          {s(lang, 'pick')}
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          disabled={busy}
          className="visually-hidden"
          data-testid="import-input"
          accept=".csv,.txt,.tsv,.parquet,.geojson,.json,.zip,.xlsx,.xls"
          onChange={(e) => {
            const list = [...(e.target.files ?? [])];
            e.target.value = '';
            if (list.length > 0) controller.addFiles(list);
          }}
        />
      </div>

      {controller.files.length > 0 && (
        <>
          <h3>{s(lang, 'files')}</h3>
          <ul className="import__files">
            {controller.files.map((f) => (
              <FileCard key={f.key} lang={lang} f={f} controller={controller} />
            ))}
          </ul>
          {boundaryFiles && (
            <label className="import__option">
              <input type="checkbox" checked={controller.skipInvalid} onChange={(e) => controller.setSkipInvalid(e.target.checked)} data-testid="import-skip-invalid" />{' '}
              {s(lang, 'skipInvalid')}
            </label>
          )}
          <p className="import__muted">{s(lang, 'mixedNote')}</p>
          <div className="import__actions">
            <button type="button" data-testid="import-run" disabled={!controller.canImport || !ready} onClick={controller.run}>
              {s(lang, 'run')}
            </button>
          </div>
        </>
      )}

      {p && (
        <div className="import__progress" data-testid="import-progress" aria-live="polite">
          <progress max={1} value={p.fraction} aria-label={s(lang, `step_${p.step}`)} /> <span>{s(lang, `step_${p.step}`)}</span>{' '}
          <button type="button" data-testid="import-cancel" onClick={controller.cancel}>
            {s(lang, 'cancel')}
          </button>
        </div>
      )}

      {controller.outcome && (
        <div className={`import__outcome import__outcome--${controller.outcome.ok ? 'ok' : 'failed'}`} role={controller.outcome.ok ? 'status' : 'alert'} data-testid={controller.outcome.ok ? 'import-success' : 'import-error'}>
          {!controller.outcome.ok && <p>{s(lang, 'failed')}</p>}
          <Messages lang={lang} messages={controller.outcome.messages} testId="import-messages" />
        </div>
      )}

      <h3>{s(lang, 'inUse')}</h3>
      <dl className="import__sources" data-testid="import-sources">
        {SLOTS.map((slot) => {
          const src = stored?.slots[slot];
          return (
            <div key={slot} data-slot={slot} data-source={src?.source ?? 'demo'}>
              <dt>{s(lang, `slot_${slot}`)}</dt>
              <dd>{src && src.source === 'import' ? s(lang, 'imported', { file: src.file }) : s(lang, 'demo')}</dd>
            </div>
          );
        })}
      </dl>
      {anyImported && (
        <button type="button" data-testid="import-reset" disabled={busy} onClick={controller.backToDemo}>
          {controller.phase === 'resetting' ? s(lang, 'resetting') : s(lang, 'backToDemo')}
        </button>
      )}
    </section>
  );
}
