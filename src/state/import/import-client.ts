/** Runs import jobs in a fresh worker each; aborting terminates the worker at once. */
import type { ImportRole } from './fields';
import { ImportError, err } from './messages';
import type { FileAnalysis, PreparedImport, PrepareOptions } from './pipeline';
import type { ImportRequest, ImportResponse, WireChoice, WireContext } from './protocol';

/** Progress of a worker job: which file (index of total) and how far into it (0–1). */
export interface JobProgress {
  readonly file: string;
  readonly index: number;
  readonly total: number;
  readonly fraction: number;
}

/** Options of a job. */
export interface JobOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: JobProgress) => void;
}

function run<T>(request: ImportRequest, pick: (r: ImportResponse) => T | undefined, options: JobOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ImportError([err('cancelled')]));
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'sasaran-import' });
    const finish = (): void => {
      options.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = (): void => {
      finish();
      reject(new ImportError([err('cancelled')]));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent) => {
      const msg = e.data as ImportResponse;
      if (msg.type === 'progress') {
        options.onProgress?.(msg);
        return;
      }
      finish();
      if (msg.type === 'failed') reject(new ImportError(msg.messages));
      else {
        const value = pick(msg);
        if (value === undefined) reject(new ImportError([err('failed', { detail: `unexpected answer ${msg.type}` })]));
        else resolve(value);
      }
    };
    worker.onerror = (e: ErrorEvent) => {
      finish();
      reject(new ImportError([err('failed', { detail: e.message || 'the import worker stopped' })]));
    };
    worker.postMessage(request);
  });
}

/** Analyses files in a worker (role, mapping, identifier columns, first problems). */
export function analyseInWorker(files: readonly File[], roles: readonly (ImportRole | null)[], ctx: WireContext, options: JobOptions = {}): Promise<readonly FileAnalysis[]> {
  return run({ type: 'analyse', files, roles, ctx }, (r) => (r.type === 'analysed' ? r.analyses : undefined), options);
}

/** Prepares the chosen files in a worker into parts for the database and map layers. */
export function prepareInWorker(choices: readonly WireChoice[], prepareOptions: PrepareOptions, ctx: WireContext, options: JobOptions = {}): Promise<PreparedImport> {
  return run({ type: 'prepare', choices, options: prepareOptions, ctx }, (r) => (r.type === 'prepared' ? r.prepared : undefined), options);
}
