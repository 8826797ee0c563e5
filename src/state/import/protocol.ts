/** Messages between the main thread and the import worker (one worker per job, terminated to cancel). */
import type { ImportRole, Mapping } from './fields';
import type { ImportMessage } from './messages';
import type { HierarchyEntry } from './names';
import type { FileAnalysis, PreparedImport, PrepareOptions, RwFill } from './pipeline';

/** The import context as it crosses to the worker (maps as entry lists). */
export interface WireContext {
  readonly hierarchy: readonly HierarchyEntry[];
  readonly rw: readonly (readonly [string, RwFill])[];
  readonly kelurahan: readonly (readonly [string, { readonly population: number; readonly households: number }])[];
  readonly remembered: Partial<Record<ImportRole, Mapping>>;
}

/** A file chosen for import, as sent to the worker (the File handle: the worker reads it). */
export interface WireChoice {
  readonly file: File;
  readonly role: ImportRole;
  readonly mapping: Mapping;
}

/** A request to the import worker. */
export type ImportRequest =
  | { readonly type: 'analyse'; readonly files: readonly File[]; readonly roles: readonly (ImportRole | null)[]; readonly ctx: WireContext }
  | { readonly type: 'prepare'; readonly choices: readonly WireChoice[]; readonly options: PrepareOptions; readonly ctx: WireContext };

/** A message from the import worker. */
export type ImportResponse =
  | { readonly type: 'progress'; readonly file: string; readonly index: number; readonly total: number; readonly fraction: number }
  | { readonly type: 'analysed'; readonly analyses: readonly FileAnalysis[] }
  | { readonly type: 'prepared'; readonly prepared: PreparedImport }
  | { readonly type: 'failed'; readonly messages: readonly ImportMessage[] };
