/**
 * The import workflow: files are analysed in a worker (role, column mapping, identifier
 * columns), the user fixes roles and mappings, then the import is prepared in a worker and
 * committed all or nothing. Mappings that worked are remembered in localStorage.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import areasCsv from '../../../data/areas/jakarta-areas.csv?raw';
import { datasetAfterImport, type Boundaries } from '../dataset';
import { num, str, tableRows } from '../db-port';
import type { DatasetActions, DatasetState } from '../use-dataset';
import { commitImport, type CommitStep, type ImportDbPort } from './commit';
import type { ImportRole, Mapping } from './fields';
import { analyseInWorker, prepareInWorker } from './import-client';
import { ImportError, err, info, type ImportMessage } from './messages';
import { parseHierarchyCsv, type HierarchyEntry } from './names';
import type { FileAnalysis, RwFill } from './pipeline';
import type { WireContext } from './protocol';
import { createMemoryStore } from './store';

/** A file in the import list. */
export interface ImportFile {
  readonly key: number;
  readonly file: File;
  readonly analysis: FileAnalysis | null;
  readonly role: ImportRole | null;
  readonly mapping: Mapping;
}

/** What the import is doing. */
export type ImportPhase = 'idle' | 'analysing' | 'importing' | 'resetting';

/** Where a running import is: reading/preparing files, then the commit steps. */
export interface ImportProgress {
  readonly step: 'analyse' | 'prepare' | CommitStep;
  /** 0–1 within the step. */
  readonly fraction: number;
}

/** The outcome of the last import or reset. */
export interface ImportOutcome {
  readonly ok: boolean;
  readonly messages: readonly ImportMessage[];
}

/** State and actions of the import workflow. */
export interface ImportController {
  readonly phase: ImportPhase;
  readonly files: readonly ImportFile[];
  readonly progress: ImportProgress | null;
  readonly outcome: ImportOutcome | null;
  readonly skipInvalid: boolean;
  /** Whether the list can be imported (files analysed, roles set, no blocking problem). */
  readonly canImport: boolean;
  readonly addFiles: (files: readonly File[]) => void;
  readonly removeFile: (key: number) => void;
  readonly setRole: (key: number, role: ImportRole) => void;
  readonly setMapping: (key: number, field: string, header: string | null) => void;
  readonly setSkipInvalid: (skip: boolean) => void;
  readonly run: () => void;
  readonly cancel: () => void;
  readonly backToDemo: () => void;
}

const MAPPING_KEY = 'sasaran.import.mappings';

let hierarchyCache: HierarchyEntry[] | null = null;
function hierarchy(): HierarchyEntry[] {
  hierarchyCache ??= parseHierarchyCsv(areasCsv);
  return hierarchyCache;
}

function remembered(): Partial<Record<ImportRole, Mapping>> {
  try {
    const raw = localStorage.getItem(MAPPING_KEY);
    const parsed = (raw ? JSON.parse(raw) : {}) as Partial<Record<ImportRole, Mapping>> | null;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

function remember(files: readonly ImportFile[]): void {
  try {
    const all = remembered();
    for (const f of files) {
      if (!f.role) continue;
      all[f.role] = Object.fromEntries(Object.entries(f.mapping).filter(([, h]) => h));
    }
    localStorage.setItem(MAPPING_KEY, JSON.stringify(all));
  } catch {
    // Private browsing may refuse localStorage; the mapping is then simply not remembered.
  }
}

/** The current RW and kelurahan values an import may fill from. */
async function wireContext(db: ImportDbPort | null): Promise<WireContext> {
  const rw: [string, RwFill][] = [];
  const kelurahan: [string, { population: number; households: number }][] = [];
  if (db) {
    try {
      const rows = tableRows(await db.query('SELECT rw_code, kelurahan_code, population::DOUBLE AS p, households::DOUBLE AS h, kumuh_level FROM rw'));
      for (const r of rows) {
        rw.push([str(r.rw_code) ?? '', { kelurahan_code: str(r.kelurahan_code) ?? '', population: num(r.p) ?? 0, households: num(r.h) ?? 0, kumuh_level: str(r.kumuh_level) ?? 'tidak' }]);
      }
      const kel = tableRows(await db.query('SELECT kelurahan_code, population::DOUBLE AS p, households::DOUBLE AS h FROM kelurahan'));
      for (const r of kel) kelurahan.push([str(r.kelurahan_code) ?? '', { population: num(r.p) ?? 0, households: num(r.h) ?? 0 }]);
    } catch {
      // Nothing loaded yet: the import must bring its own RW and kelurahan values.
    }
  }
  return { hierarchy: hierarchy(), rw, kelurahan, remembered: remembered() };
}

function asMessages(e: unknown): ImportMessage[] {
  if (e instanceof ImportError) return [...e.messages];
  return [err('failed', { detail: e instanceof Error ? e.message : String(e) })];
}

let nextKey = 1;

/** The import workflow over the database and the data set. */
export function useImport(db: ImportDbPort | null, data: DatasetState & DatasetActions, periodId: string): ImportController {
  const [files, setFiles] = useState<readonly ImportFile[]>([]);
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  const filesRef = useRef(files);
  filesRef.current = files;

  useEffect(() => () => controller.current?.abort(), []);

  const analyse = useCallback(
    (batch: readonly { key: number; file: File; role: ImportRole | null }[]) => {
      if (batch.length === 0) return;
      const c = new AbortController();
      controller.current?.abort();
      controller.current = c;
      setPhase('analysing');
      setProgress({ step: 'analyse', fraction: 0 });
      wireContext(db)
        .then((ctx) =>
          analyseInWorker(
            batch.map((b) => b.file),
            batch.map((b) => b.role),
            ctx,
            { signal: c.signal, onProgress: (p) => setProgress({ step: 'analyse', fraction: (p.index + p.fraction) / p.total }) },
          ),
        )
        .then(
          (analyses) => {
            setFiles((list) =>
              list.map((f) => {
                const i = batch.findIndex((b) => b.key === f.key);
                const a = i >= 0 ? analyses[i] : undefined;
                return a ? { ...f, analysis: a, role: a.role, mapping: a.mapping } : f;
              }),
            );
          },
          (e: unknown) => setOutcome({ ok: false, messages: asMessages(e) }),
        )
        .finally(() => {
          if (controller.current === c) {
            controller.current = null;
            setPhase('idle');
            setProgress(null);
          }
        });
    },
    [db],
  );

  const addFiles = useCallback(
    (list: readonly File[]) => {
      const added = list.map((file) => ({ key: nextKey++, file, analysis: null, role: null, mapping: {} }));
      setOutcome(null);
      setFiles((fs) => [...fs, ...added]);
      analyse(added);
    },
    [analyse],
  );

  const removeFile = useCallback((key: number) => setFiles((fs) => fs.filter((f) => f.key !== key)), []);

  const setRole = useCallback(
    (key: number, role: ImportRole) => {
      const f = filesRef.current.find((x) => x.key === key);
      if (!f) return;
      setFiles((fs) => fs.map((x) => (x.key === key ? { ...x, role } : x)));
      analyse([{ key, file: f.file, role }]);
    },
    [analyse],
  );

  const setMapping = useCallback((key: number, field: string, header: string | null) => {
    setFiles((fs) => fs.map((f) => (f.key === key ? { ...f, mapping: { ...f.mapping, [field]: header } } : f)));
  }, []);

  const run = useCallback(() => {
    const list = filesRef.current;
    if (!db || list.length === 0 || list.some((f) => !f.role)) return;
    const c = new AbortController();
    controller.current?.abort();
    controller.current = c;
    setPhase('importing');
    setOutcome(null);
    setProgress({ step: 'prepare', fraction: 0 });
    void (async () => {
      try {
        const ctx = await wireContext(db);
        const prepared = await prepareInWorker(
          list.map((f) => ({ file: f.file, role: f.role!, mapping: f.mapping })),
          { skipInvalidGeometry: skipInvalid },
          ctx,
          { signal: c.signal, onProgress: (p) => setProgress({ step: 'prepare', fraction: p.fraction }) },
        );
        const d = dataRef.current;
        const store = d.store ?? createMemoryStore();
        const result = await commitImport({
          db,
          store,
          prepared,
          current: d.dataset?.stored ?? null,
          periodId,
          signal: c.signal,
          onProgress: (step, fraction) => setProgress({ step, fraction }),
        });
        const layers: Partial<Boundaries> = prepared.boundaries;
        const previous = dataRef.current.dataset;
        if (!previous) throw new ImportError([err('failed', { detail: 'no data set loaded' })]);
        const dataset = await datasetAfterImport(db, result.set, layers, previous);
        dataRef.current.applyImport(dataset, periodId);
        remember(list);
        setFiles([]);
        const summary = prepared.parts.map((p) => `${p.source} → ${p.table} (${p.rows})`).join('; ');
        setOutcome({ ok: true, messages: [info('imported', { summary }), ...result.messages, ...prepared.messages] });
      } catch (e) {
        setOutcome({ ok: false, messages: asMessages(e) });
      } finally {
        if (controller.current === c) controller.current = null;
        setPhase('idle');
        setProgress(null);
      }
    })();
  }, [db, periodId, skipInvalid]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const backToDemo = useCallback(() => {
    setPhase('resetting');
    setOutcome(null);
    dataRef.current.resetToDemo().then(
      () => setOutcome({ ok: true, messages: [info('reset')] }),
      (e: unknown) => setOutcome({ ok: false, messages: asMessages(e) }),
    ).finally(() => setPhase('idle'));
  }, []);

  const canImport =
    phase === 'idle' &&
    db !== null &&
    files.length > 0 &&
    files.every((f) => f.analysis !== null && f.role !== null && !f.analysis.messages.some((m) => m.severity === 'error' && !isMappingMessage(m)));

  return { phase, files, progress, outcome, skipInvalid, canImport, addFiles, removeFile, setRole, setMapping, setSkipInvalid, run, cancel, backToDemo };
}

/** Problems the user can fix in the mapping (the import then re-checks them). */
function isMappingMessage(m: ImportMessage): boolean {
  return m.code === 'missingField' || m.code === 'noLocation' || m.code === 'identifierMapped' || m.code === 'unknownRole';
}
