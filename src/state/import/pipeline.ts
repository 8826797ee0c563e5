/**
 * The import pipeline, pure and synchronous so it runs in a worker and in Node tests alike:
 * open a file (sniff, decode, parse), analyse it (role, column mapping, identifier columns),
 * then prepare the chosen files into canonical, contract-named bytes for the database, with
 * every check the contract cannot make itself (codes against the hierarchy, duplicates,
 * identifiers, geometry). Identifier columns are never copied into the output.
 */
import * as arrow from 'apache-arrow';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ColumnSpec } from '../../db/contracts';
import { KUMUH_LEVELS } from '../../db/contracts';
import type { LoadFormat } from '../../db/protocol';
import { ROLE_FIELDS, autoMap, boundaryRole, tabularRole, type FieldSpec, type ImportRole, type Mapping } from './fields';
import { areaKm2, combine, deriveUpperLevels, extentOf, geometryProblem, judgeCoordinates, swapGeometry } from './geo';
import { ImportError, err, examples, info, warn, type ImportMessage } from './messages';
import { matchKelurahan, normaliseAreaName, parseRwNumber, rwKey, type Hierarchy } from './names';
import { containsIdentifierValue, identifierByContent, identifierByName, type IdentifierKind } from './privacy';
import { readShapefileZip } from './shapefile';
import { sniffFormat, type FileFormat } from './sniff';
import { isTextType, readCsv, readParquet, type ParquetCodec, type Tabular } from './tabular';
import { canonicalBoolean, canonicalNumber, csvField, decodeText } from './text';

/** A file given to the import: its name (for messages) and bytes. */
export interface FileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Values of the current RW table, to fill what a boundary file lacks. */
export interface RwFill {
  readonly kelurahan_code: string;
  readonly population: number;
  readonly households: number;
  readonly kumuh_level: string;
}

/** What the app holds now: the tables an import does not replace stay as they are. */
export interface CurrentData {
  readonly rw: ReadonlyMap<string, RwFill>;
  /** kelurahan_code → population and households of the current kelurahan table. */
  readonly kelurahan: ReadonlyMap<string, { readonly population: number; readonly households: number }>;
}

/** Everything the pipeline needs besides the files. */
export interface ImportContext {
  readonly hierarchy: Hierarchy;
  readonly current: CurrentData;
  readonly parquet?: ParquetCodec;
  /** Mappings remembered from earlier imports, per role. */
  readonly remembered?: Partial<Record<ImportRole, Mapping>>;
  /** Progress within the current file, 0–1. */
  readonly onProgress?: (fraction: number) => void;
}

/** A column of the file as the user sees it: its header and whether it looks like an identifier. */
export interface ColumnReport {
  readonly header: string;
  readonly identifier: IdentifierKind | null;
  readonly by: 'name' | 'content' | null;
}

/** The analysis of one file (no cell values, ever). */
export interface FileAnalysis {
  readonly name: string;
  readonly size: number;
  readonly format: FileFormat;
  readonly role: ImportRole | null;
  readonly columns: readonly ColumnReport[];
  readonly mapping: Mapping;
  readonly rows: number;
  readonly messages: readonly ImportMessage[];
}

/** A file the user chose to import, with its role and mapping. */
export interface FileChoice {
  readonly file: FileInput;
  readonly role: ImportRole;
  readonly mapping: Mapping;
}

/** Options of preparation. */
export interface PrepareOptions {
  /** Skip features with invalid geometry (listed as warnings) instead of refusing the file. */
  readonly skipInvalidGeometry?: boolean;
}

/** The database tables an import fills. */
export type ImportTable = 'households' | 'settlement_upgrading' | 'kelurahan' | 'rw';

/** Table of each role. */
export const ROLE_TABLE: Record<ImportRole, ImportTable> = {
  households: 'households',
  upgrading: 'settlement_upgrading',
  kelurahan: 'kelurahan',
  rw: 'rw',
};

/** One table ready for the database: canonical column names, contract-checked by the worker. */
export interface PreparedPart {
  readonly role: ImportRole;
  readonly table: ImportTable;
  readonly format: LoadFormat;
  readonly bytes: Uint8Array;
  readonly rows: number;
  /** Name of the file it came from. */
  readonly source: string;
}

/** Map layers an import brings (kecamatan and kota derived from kelurahan). */
export interface BoundaryLayers {
  readonly kota?: FeatureCollection;
  readonly kecamatan?: FeatureCollection;
  readonly kelurahan?: FeatureCollection;
  readonly rw?: FeatureCollection;
}

/** The outcome of preparation: parts for the database, layers for the map, and notes. */
export interface PreparedImport {
  readonly parts: readonly PreparedPart[];
  readonly boundaries: BoundaryLayers;
  readonly messages: readonly ImportMessage[];
}

type Opened =
  | { readonly kind: 'table'; readonly format: FileFormat; readonly tab: Tabular }
  | { readonly kind: 'geo'; readonly format: FileFormat; readonly fc: FeatureCollection; readonly notes: readonly ImportMessage[] };

function parseGeojson(file: string, bytes: Uint8Array): FeatureCollection {
  let doc: unknown;
  try {
    doc = JSON.parse(decodeText(bytes).text);
  } catch (e) {
    throw new ImportError([err('invalidJson', { file, detail: e instanceof Error ? e.message : String(e) })]);
  }
  const d = doc as { type?: unknown; features?: unknown } | null;
  if (d?.type === 'Feature') return { type: 'FeatureCollection', features: [doc as Feature] };
  if (d?.type !== 'FeatureCollection' || !Array.isArray(d.features)) throw new ImportError([err('notFeatureCollection', { file })]);
  if (d.features.length === 0) throw new ImportError([err('noFeatures', { file })]);
  const features = (d.features as unknown[]).map((f): Feature => {
    const x = (f ?? {}) as Partial<Feature>;
    const props = x.properties;
    return {
      type: 'Feature',
      geometry: (x.geometry ?? null) as Feature['geometry'],
      properties: typeof props === 'object' && props !== null && !Array.isArray(props) ? props : {},
    };
  });
  return { type: 'FeatureCollection', features };
}

/** Opens a file by its content; throws ImportError for files that cannot be imported. */
function openFile(input: FileInput, ctx: ImportContext): Opened {
  const file = input.name;
  const format = sniffFormat(input.bytes);
  switch (format) {
    case 'empty':
      throw new ImportError([err('empty', { file })]);
    case 'binary':
      throw new ImportError([err('binary', { file })]);
    case 'xlsx':
      throw new ImportError([err('xlsx', { file })]);
    case 'xls':
    case 'pdf':
    case 'image':
    case 'zip':
    case 'json':
      throw new ImportError([err('unsupported', { file, format })]);
    case 'csv':
      return { kind: 'table', format, tab: readCsv(file, input.bytes, ctx.onProgress) };
    case 'parquet':
      return { kind: 'table', format, tab: readParquet(file, input.bytes, ctx.parquet) };
    case 'geojson':
      return { kind: 'geo', format, fc: parseGeojson(file, input.bytes), notes: [] };
    case 'shapefile-zip': {
      const shp = readShapefileZip(file, input.bytes);
      return { kind: 'geo', format, fc: shp.fc, notes: shp.notes };
    }
  }
}

function propertyKeys(fc: FeatureCollection): string[] {
  const keys = new Set<string>();
  for (const f of fc.features) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  return [...keys];
}

function propText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Identifier verdicts of every column: by name, else by a sample of its content. */
function columnReports(headers: readonly string[], sample: (i: number) => string[], role: ImportRole | null, mapping: Mapping): ColumnReport[] {
  const areaNameHeaders = new Set(
    role ? ROLE_FIELDS[role].filter((f) => f.areaName && mapping[f.name]).map((f) => mapping[f.name]!) : [],
  );
  return headers.map((header, i) => {
    const byName = identifierByName(header);
    if (byName) return { header, identifier: byName, by: 'name' };
    const byContent = identifierByContent(sample(i), { allowNames: areaNameHeaders.has(header) });
    return byContent ? { header, identifier: byContent, by: 'content' } : { header, identifier: null, by: null };
  });
}

/** Whether a field is filled: by a mapped column or, for rw_code, by the location fields. */
function locationMessages(file: string, role: ImportRole, mapping: Mapping): ImportMessage[] {
  const hasKel = Boolean(mapping.kelurahan_code || mapping.kelurahan_name);
  if (role === 'kelurahan') return hasKel ? [] : [err('noLocation', { file, role })];
  const hasRw = Boolean(mapping.rw_code) || (hasKel && Boolean(mapping.rw_number));
  return hasRw ? [] : [err('noLocation', { file, role })];
}

function mappingMessages(file: string, role: ImportRole, mapping: Mapping, columns: readonly ColumnReport[]): ImportMessage[] {
  const out: ImportMessage[] = [];
  for (const f of ROLE_FIELDS[role]) {
    if (f.required && !mapping[f.name]) out.push(err('missingField', { file, field: f.name, names: f.synonyms.slice(0, 3).join(', ') }));
  }
  out.push(...locationMessages(file, role, mapping));
  const mappedHeaders = new Map(Object.entries(mapping).filter(([, h]) => h).map(([field, h]) => [h!, field]));
  for (const c of columns) {
    if (!c.identifier) continue;
    const field = mappedHeaders.get(c.header);
    if (field) out.push(err('identifierMapped', { file, header: c.header, field, kind: c.identifier }));
    else out.push(warn('identifierDropped', { file, header: c.header, kind: c.identifier, by: c.by ?? 'name' }));
  }
  return out;
}

/** Reads and analyses one file: format, role, mapping, identifier columns; never throws. */
export function analyseFile(input: FileInput, ctx: ImportContext, roleOverride?: ImportRole): FileAnalysis {
  const base = { name: input.name, size: input.bytes.byteLength };
  let opened: Opened;
  try {
    opened = openFile(input, ctx);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return { ...base, format: sniffFormat(input.bytes), role: null, columns: [], mapping: {}, rows: 0, messages: e.messages };
  }
  const messages: ImportMessage[] = [];
  let headers: readonly string[];
  let sample: (i: number) => string[];
  let role: ImportRole | null;
  let rows: number;
  if (opened.kind === 'table') {
    const { tab } = opened;
    headers = tab.headers;
    sample = (i) => tab.sample(i);
    role = roleOverride ?? tabularRole(headers);
    rows = tab.rowCount;
    messages.push(...tab.notes);
  } else {
    const { fc } = opened;
    headers = propertyKeys(fc);
    sample = (i) => fc.features.slice(0, 5000).map((f) => propText(f.properties?.[headers[i]!])).filter((v) => v !== '');
    role = roleOverride ?? boundaryRole(headers);
    rows = fc.features.length;
    messages.push(...opened.notes);
    try {
      // Invalid geometry only warns here: the user may still choose to skip those features.
      const geo = geometryMessages(input.name, fc, {});
      messages.push(...geo.messages.map((m) => (m.code === 'invalidGeometry' ? { ...m, severity: 'warning' as const } : m)));
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      messages.push(...e.messages);
    }
  }
  if (!role) {
    const columns = columnReports(headers, sample, null, {});
    return { ...base, format: opened.format, role: null, columns, mapping: {}, rows, messages: [...messages, err('unknownRole', { file: input.name })] };
  }
  const mapping = autoMap(role, headers, ctx.remembered?.[role]);
  const columns = columnReports(headers, sample, role, mapping);
  messages.push(...mappingMessages(input.name, role, mapping, columns));
  return { ...base, format: opened.format, role, columns, mapping, rows, messages };
}

// ---------------------------------------------------------------------------------------------
// Geometry

interface GeometryCheck {
  readonly features: readonly { readonly index: number; readonly feature: Feature }[];
  readonly messages: readonly ImportMessage[];
}

function featureLabel(f: Feature, index: number): string {
  const entries = Object.entries(f.properties ?? {}) as [string, unknown][];
  // An area name only: never a column that looks like an identifier (nama_lurah is a person).
  const name = entries.find(([k, v]) => /nam|kel|desa|wadmkd/i.test(k) && !/kode|kd_|code|id_/i.test(k) && identifierByName(k) === null && typeof v === 'string')?.[1];
  return typeof name === 'string' && name.trim() !== '' ? `#${index + 1} ${name.trim().slice(0, 60)}` : `#${index + 1}`;
}

/** Checks coordinates and geometries; returns the usable features (swapped back if needed). */
function geometryMessages(file: string, fc: FeatureCollection, options: PrepareOptions): GeometryCheck {
  const messages: ImportMessage[] = [];
  const points = fc.features.filter((f) => f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint').length;
  if (points > 0 && points >= fc.features.length / 2) {
    throw new ImportError([err('pointsRefused', { file, count: points })]);
  }
  const extent = extentOf(fc.features);
  const verdict = judgeCoordinates(extent);
  const fmt = (x: number): string => String(Math.round(x * 1000) / 1000);
  if (verdict === 'projected' && extent) {
    throw new ImportError([err('projected', { file, x: `${fmt(extent[0])}–${fmt(extent[2])}`, y: `${fmt(extent[1])}–${fmt(extent[3])}` })]);
  }
  if (verdict === 'outside' && extent) {
    throw new ImportError([err('outside', { file, x: `${fmt(extent[0])}–${fmt(extent[2])}`, y: `${fmt(extent[1])}–${fmt(extent[3])}` })]);
  }
  let features = fc.features.map((feature, index) => ({ index, feature }));
  if (verdict === 'swapped') {
    messages.push(warn('swapped', { file }));
    features = features.map(({ index, feature }) => ({
      index,
      feature: { ...feature, geometry: (feature.geometry ? swapGeometry(feature.geometry) : null) as Feature['geometry'] },
    }));
  }
  const bad: string[] = [];
  const good = features.filter(({ index, feature }) => {
    const problem = geometryProblem(feature.geometry);
    if (problem) bad.push(`${featureLabel(feature, index)}: ${problem}`);
    return problem === null;
  });
  if (bad.length > 0) {
    if (good.length === 0) throw new ImportError([err('noValidGeometry', { file, count: bad.length, first: examples(bad, 2) })]);
    const params = { file, count: bad.length, first: examples(bad, 2) };
    if (options.skipInvalidGeometry) messages.push(warn('invalidGeometrySkipped', params));
    else messages.push(err('invalidGeometry', params));
  }
  return { features: good, messages };
}

// ---------------------------------------------------------------------------------------------
// Values

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function canonicalDate(raw: string): string | null {
  const v = raw.trim().slice(0, 10);
  if (v === '') return '';
  const pad = (s: string): string => s.padStart(2, '0');
  let m = ISO_DATE.exec(v);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = DMY_DATE.exec(v);
  if (m) return `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  return null;
}

const KUMUH_WORDS: Record<string, string> = { tidak_kumuh: 'tidak', bukan_kumuh: 'tidak', non_kumuh: 'tidak', none: 'tidak' };

/** Canonical text of a cell for a contract column; unreadable values stay as they are (the contract check reports them). */
function canonical(spec: ColumnSpec, raw: string, style: 'dot-decimal' | 'comma-decimal'): string {
  const v = raw.trim();
  switch (spec.type) {
    case 'BOOLEAN':
      return canonicalBoolean(v) ?? v;
    case 'DATE':
      return canonicalDate(v) ?? v;
    case 'VARCHAR': {
      if (!spec.values) return v;
      const k = v.toLowerCase().replace(/[\s-]+/g, '_');
      return KUMUH_WORDS[k] ?? k;
    }
    default:
      return canonicalNumber(v, style) ?? v;
  }
}

/** An RW key from `31.71.01.1001.003`, `3171011001003` or `31.71.01.1001.3`; null otherwise. */
export function parseRwKey(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{2})\.(\d{2})\.(\d{1,2})\.(\d{4})\.(\d{1,3})$/.exec(s);
  if (m) return `${m[1]}.${m[2]}.${m[3]!.padStart(2, '0')}.${m[4]}.${m[5]!.padStart(3, '0')}`;
  m = /^(\d{2})(\d{2})(\d{2})(\d{4})(\d{3})$/.exec(s);
  if (m) return `${m[1]}.${m[2]}.${m[3]}.${m[4]}.${m[5]}`;
  return null;
}

/** Counts problems of one kind and remembers the first row and an example. */
class Tally {
  count = 0;
  firstRow = 0;
  example = '';
  add(row: number, example = ''): void {
    if (this.count === 0) {
      this.firstRow = row;
      this.example = example;
    }
    this.count++;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables (households, upgrading list)

interface Known {
  /** Kelurahan codes the new data set will have. */
  readonly kelurahan: ReadonlySet<string>;
  /** RW keys the new data set will have. */
  readonly rw: ReadonlySet<string>;
}

function prepareTable(
  file: string,
  tab: Tabular,
  role: 'households' | 'upgrading',
  mapping: Mapping,
  ctx: ImportContext,
  known: Known,
): { part: PreparedPart; messages: ImportMessage[] } {
  const messages: ImportMessage[] = [];
  const col = new Map(tab.headers.map((h, i) => [h, i]));
  const index = (field: string): number => {
    const h = mapping[field];
    return h ? (col.get(h) ?? -1) : -1;
  };
  const fields = ROLE_FIELDS[role].filter((f): f is FieldSpec & { spec: ColumnSpec } => Boolean(f.spec) && index(f.name) >= 0);
  const rwCol = index('rw_code');
  const kelCode = index('kelurahan_code');
  const kelName = index('kelurahan_name');
  const kecName = index('kecamatan_name');
  const rwNum = index('rw_number');
  const memo = new Map<string, string | null>();
  const unknownKel = new Tally();
  const badRwNum = new Tally();
  const badRwCode = new Tally();
  const unknownRw = new Tally();
  const rwCodes: string[] = new Array<string>(tab.rowCount);
  for (let r = 0; r < tab.rowCount; r++) {
    let key: string | null;
    if (rwCol >= 0) {
      const raw = tab.cell(r, rwCol);
      key = parseRwKey(raw);
      if (!key) {
        badRwCode.add(r + 1, raw.slice(0, 40));
        rwCodes[r] = raw;
        continue;
      }
    } else {
      const clue = { code: kelCode >= 0 ? tab.cell(r, kelCode) : null, name: kelName >= 0 ? tab.cell(r, kelName) : null, kecamatan: kecName >= 0 ? tab.cell(r, kecName) : null };
      const memoKey = `${clue.code}\u0000${clue.name}\u0000${clue.kecamatan}`;
      let kel = memo.get(memoKey);
      if (kel === undefined) {
        const m = matchKelurahan(ctx.hierarchy, clue);
        kel = m.kind === 'code' || m.kind === 'name' ? m.entry.kelurahanCode : null;
        memo.set(memoKey, kel);
      }
      const rwRaw = rwNum >= 0 ? tab.cell(r, rwNum) : '';
      const n = parseRwNumber(rwRaw);
      if (!kel) {
        unknownKel.add(r + 1, (clue.code || clue.name || '').slice(0, 40));
        rwCodes[r] = '';
        continue;
      }
      key = n === null ? null : rwKey(kel, n);
      if (!key) {
        badRwNum.add(r + 1, rwRaw.slice(0, 10));
        rwCodes[r] = '';
        continue;
      }
    }
    if (!known.rw.has(key)) unknownRw.add(r + 1, key);
    rwCodes[r] = key;
    if (r % 50_000 === 0) ctx.onProgress?.(0.5 + (0.2 * r) / tab.rowCount);
  }
  if (unknownKel.count > 0) messages.push(err('unknownKelurahan', { file, count: unknownKel.count, row: unknownKel.firstRow, example: unknownKel.example }));
  if (badRwNum.count > 0) messages.push(err('badRwNumber', { file, count: badRwNum.count, row: badRwNum.firstRow, example: badRwNum.example }));
  if (badRwCode.count > 0) messages.push(err('badRwCode', { file, count: badRwCode.count, row: badRwCode.firstRow, example: badRwCode.example }));
  if (unknownRw.count > 0) messages.push(err('unknownRwCodes', { file, count: unknownRw.count, row: unknownRw.firstRow, example: unknownRw.example }));

  // The one free-text column: an id must not be an NIK, KK or phone number.
  const idCol = role === 'households' ? index('hh_id') : -1;
  if (idCol >= 0) {
    const ids = new Set<string>();
    const dup = new Tally();
    const found = new Map<IdentifierKind, Tally>();
    for (let r = 0; r < tab.rowCount; r++) {
      const v = tab.cell(r, idCol);
      const k = containsIdentifierValue(v);
      if (k) {
        if (!found.has(k)) found.set(k, new Tally());
        found.get(k)!.add(r + 1);
      }
      if (v !== '' && ids.has(v)) dup.add(r + 1);
      ids.add(v);
    }
    for (const [kind, t] of found) {
      // A random hex id is now and then all digits starting 08: phone numbers count only when common.
      if (kind === 'phone' && t.count < tab.rowCount * 0.01) continue;
      messages.push(err('identifierValues', { file, field: 'hh_id', count: t.count, row: t.firstRow, kind }));
    }
    if (dup.count > 0) messages.push(err('duplicateIds', { file, count: dup.count, row: dup.firstRow }));
  }
  if (messages.some((m) => m.severity === 'error')) throw new ImportError(messages);

  const outFields = fields.filter((f) => f.name !== 'rw_code');
  const table = ROLE_TABLE[role];
  if (tab.arrow && ctx.parquet) {
    const vectors: Record<string, arrow.Vector> = {};
    for (const f of ROLE_FIELDS[role]) {
      if (!f.spec) continue;
      if (f.name === 'rw_code') {
        // Keys already written canonically keep their column: building a text vector is costly.
        const asIs = rwCol >= 0 && isTextType(tab.arrow.getChildAt(rwCol)!.type as arrow.DataType) && rwCodes.every((k, r) => k === tab.cell(r, rwCol));
        vectors.rw_code = asIs ? tab.arrow.getChildAt(rwCol)! : arrow.vectorFromArray(rwCodes, new arrow.Utf8());
        continue;
      }
      const i = index(f.name);
      if (i < 0) continue;
      const v: arrow.Vector = tab.arrow.getChildAt(i)!;
      const spec = f.spec;
      // Text that needs reading (numbers, yes/no, codes in any case) is canonicalised; typed columns stay as they are.
      let rewrite = isTextType(v.type as arrow.DataType) && (spec.type !== 'VARCHAR' || spec.values !== undefined);
      if (rewrite) {
        const seen = new Map<string, boolean>();
        rewrite = false;
        for (let r = 0; r < tab.rowCount && !rewrite; r++) {
          const raw = tab.cell(r, i);
          let same = seen.get(raw);
          if (same === undefined) {
            same = canonical(spec, raw, 'dot-decimal') === raw;
            seen.set(raw, same);
          }
          rewrite = !same;
        }
      }
      vectors[f.name] = rewrite
        ? arrow.vectorFromArray(Array.from({ length: tab.rowCount }, (_, r) => canonical(spec, tab.cell(r, i), 'dot-decimal') || null), new arrow.Utf8())
        : v;
    }
    const ipc = arrow.tableToIPC(new arrow.Table(vectors), 'stream');
    return {
      part: { role, table, format: 'parquet', bytes: ctx.parquet.write(ipc), rows: tab.rowCount, source: file },
      messages: [...messages, ...tab.notes],
    };
  }
  const styles = outFields.map((f) => tab.numberStyle(index(f.name)));
  const commaCols = outFields.filter(
    (f, j) =>
      styles[j] === 'comma-decimal' &&
      f.spec.type !== 'VARCHAR' && f.spec.type !== 'BOOLEAN' && f.spec.type !== 'DATE' &&
      tab.sample(index(f.name), 500).some((v) => /[.,]/.test(v)),
  );
  const notes = [...tab.notes];
  if (commaCols.length > 0) notes.push(info('commaDecimals', { file, columns: examples(commaCols.map((f) => f.name)) }));
  const header = ['rw_code', ...outFields.map((f) => f.name)];
  const lines: string[] = [header.join(',')];
  const idx = outFields.map((f) => index(f.name));
  for (let r = 0; r < tab.rowCount; r++) {
    const cells = [csvField(rwCodes[r] ?? '')];
    for (let j = 0; j < outFields.length; j++) cells.push(csvField(canonical(outFields[j]!.spec, tab.cell(r, idx[j]!), styles[j]!)));
    lines.push(cells.join(','));
    if (r % 50_000 === 0) ctx.onProgress?.(0.7 + (0.3 * r) / tab.rowCount);
  }
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  return { part: { role, table, format: 'csv', bytes, rows: tab.rowCount, source: file }, messages: notes };
}

// ---------------------------------------------------------------------------------------------
// Boundaries

function num(v: string): number | null {
  if (v === '') return null;
  const c = canonicalNumber(v, /,\d{1,2}$/.test(v) || /\.\d{3}(\.|$)/.test(v) ? 'comma-decimal' : 'dot-decimal');
  return c === null || c === '' ? null : Number(c);
}

function prepareKelurahan(file: string, fc: FeatureCollection, mapping: Mapping, options: PrepareOptions, ctx: ImportContext) {
  const geo = geometryMessages(file, fc, options);
  const messages: ImportMessage[] = [...geo.messages];
  const prop = (f: Feature, field: string): string => (mapping[field] ? propText(f.properties?.[mapping[field]]) : '');
  const byCode = new Map<string, { feature: Feature; geoms: (Polygon | MultiPolygon)[]; name: string; pop: number | null; hh: number | null }>();
  const unmatched: string[] = [];
  let duplicates = 0;
  for (const { index, feature } of geo.features) {
    const clue = { code: prop(feature, 'kelurahan_code'), name: prop(feature, 'kelurahan_name'), kecamatan: prop(feature, 'kecamatan_name') };
    const m = matchKelurahan(ctx.hierarchy, clue);
    if (m.kind !== 'code' && m.kind !== 'name') {
      unmatched.push(`#${index + 1} ${(clue.name || clue.code || '?').slice(0, 60)}${m.kind === 'ambiguous' ? ' (?)' : ''}`);
      continue;
    }
    const code = m.entry.kelurahanCode;
    const g = feature.geometry as Polygon | MultiPolygon;
    const prev = byCode.get(code);
    if (prev) {
      duplicates++;
      prev.geoms.push(g);
      continue;
    }
    byCode.set(code, { feature, geoms: [g], name: clue.name, pop: num(prop(feature, 'population')), hh: num(prop(feature, 'households')) });
  }
  if (byCode.size === 0) throw new ImportError([...messages, err('noMatchedFeatures', { file, count: unmatched.length, examples: examples(unmatched) })]);
  if (unmatched.length > 0) messages.push(warn('unmatchedFeatures', { file, count: unmatched.length, examples: examples(unmatched) }));
  if (duplicates > 0) messages.push(warn('duplicateFeatures', { file, count: duplicates }));
  const missing = ctx.hierarchy.entries.filter((e) => !byCode.has(e.kelurahanCode));
  if (missing.length > 0) messages.push(warn('unmatchedAreas', { file, count: missing.length, examples: examples(missing.map((e) => e.kelurahanName)) }));
  const features: Feature[] = [];
  for (const [code, v] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
    const e = ctx.hierarchy.byCode.get(code)!;
    const geometry = v.geoms.length === 1 ? v.geoms[0]! : combine(v.geoms);
    const fill = ctx.current.kelurahan.get(code);
    features.push({
      type: 'Feature',
      geometry,
      properties: {
        kelurahan_code: code,
        // The reference spelling unless the file names the area differently (then the file's own words).
        kelurahan_name: v.name !== '' && normaliseAreaName(v.name) !== normaliseAreaName(e.kelurahanName) ? v.name : e.kelurahanName,
        kecamatan_code: e.kecamatanCode,
        kecamatan_name: e.kecamatanName,
        kota_code: e.kotaCode,
        kota_name: e.kotaName,
        area_km2: Math.round(areaKm2(geometry) * 1e6) / 1e6,
        population: v.pop ?? fill?.population ?? 0,
        households: v.hh ?? fill?.households ?? 0,
      },
    });
  }
  return { fc: { type: 'FeatureCollection', features } as FeatureCollection, messages };
}

function prepareRw(file: string, fc: FeatureCollection, mapping: Mapping, options: PrepareOptions, ctx: ImportContext, known: Known) {
  const geo = geometryMessages(file, fc, options);
  const messages: ImportMessage[] = [...geo.messages];
  const prop = (f: Feature, field: string): string => (mapping[field] ? propText(f.properties?.[mapping[field]]) : '');
  const byKey = new Map<string, { geoms: (Polygon | MultiPolygon)[]; pop: number | null; hh: number | null; kumuh: string }>();
  const unmatched: string[] = [];
  const noKel: string[] = [];
  let duplicates = 0;
  for (const { index, feature } of geo.features) {
    let key: string | null = mapping.rw_code ? parseRwKey(prop(feature, 'rw_code')) : null;
    if (!key) {
      const m = matchKelurahan(ctx.hierarchy, { code: prop(feature, 'kelurahan_code'), name: prop(feature, 'kelurahan_name'), kecamatan: prop(feature, 'kecamatan_name') });
      const n = parseRwNumber(prop(feature, 'rw_number'));
      key = (m.kind === 'code' || m.kind === 'name') && n !== null ? rwKey(m.entry.kelurahanCode, n) : null;
    }
    if (!key) {
      const label = [prop(feature, 'kelurahan_name') || prop(feature, 'kelurahan_code') || prop(feature, 'rw_code'), prop(feature, 'rw_number')].filter((x) => x).join(' RW ');
      unmatched.push(`#${index + 1} ${label.slice(0, 60)}`);
      continue;
    }
    const kel = key.slice(0, 13);
    if (!known.kelurahan.has(kel)) {
      noKel.push(key);
      continue;
    }
    const g = feature.geometry as Polygon | MultiPolygon;
    const prev = byKey.get(key);
    if (prev) {
      duplicates++;
      prev.geoms.push(g);
      continue;
    }
    byKey.set(key, { geoms: [g], pop: num(prop(feature, 'population')), hh: num(prop(feature, 'households')), kumuh: prop(feature, 'kumuh_level') });
  }
  if (noKel.length > 0) messages.push(err('orphanRw', { file, count: noKel.length, examples: examples(noKel) }));
  if (byKey.size === 0 && noKel.length === 0) throw new ImportError([...messages, err('noMatchedFeatures', { file, count: unmatched.length, examples: examples(unmatched) })]);
  if (unmatched.length > 0) messages.push(warn('unmatchedFeatures', { file, count: unmatched.length, examples: examples(unmatched) }));
  if (duplicates > 0) messages.push(warn('duplicateFeatures', { file, count: duplicates }));
  const features: Feature[] = [];
  const noFill: string[] = [];
  const badKumuh = new Tally();
  for (const [key, v] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const fill = ctx.current.rw.get(key);
    const population = v.pop ?? fill?.population ?? null;
    const households = v.hh ?? fill?.households ?? null;
    if (population === null || households === null) noFill.push(key);
    let kumuh = v.kumuh !== '' ? canonical({ name: 'kumuh_level', type: 'VARCHAR', unit: '', values: KUMUH_LEVELS }, v.kumuh, 'dot-decimal') : (fill?.kumuh_level ?? 'tidak');
    if (!(KUMUH_LEVELS as readonly string[]).includes(kumuh)) {
      badKumuh.add(features.length + 1, v.kumuh.slice(0, 30));
      kumuh = v.kumuh;
    }
    features.push({
      type: 'Feature',
      geometry: v.geoms.length === 1 ? v.geoms[0]! : combine(v.geoms),
      properties: {
        rw_code: key,
        kelurahan_code: key.slice(0, 13),
        rw_number: Number(key.slice(14)),
        population: population ?? 0,
        households: households ?? 0,
        kumuh_level: kumuh,
      },
    });
  }
  if (noFill.length > 0) messages.push(err('missingFill', { file, count: noFill.length, examples: examples(noFill) }));
  if (badKumuh.count > 0) {
    messages.push(err('badValues', { file, field: 'kumuh_level', count: badKumuh.count, row: badKumuh.firstRow, example: badKumuh.example, allowed: KUMUH_LEVELS.join(', ') }));
  }
  if (messages.some((m) => m.severity === 'error')) throw new ImportError(messages);
  return { fc: { type: 'FeatureCollection', features } as FeatureCollection, messages };
}

function geojsonBytes(fc: FeatureCollection): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(fc));
}

// ---------------------------------------------------------------------------------------------
// The whole import

function checkMapping(file: string, role: ImportRole, mapping: Mapping, columns: readonly ColumnReport[]): ImportMessage[] {
  const messages = mappingMessages(file, role, mapping, columns);
  if (messages.some((m) => m.severity === 'error')) throw new ImportError(messages);
  return messages;
}

/**
 * Prepares the chosen files into database parts and map layers, checking every file and the
 * files against each other and the current data. Throws ImportError listing every problem.
 */
export function prepareImport(choices: readonly FileChoice[], options: PrepareOptions, context: ImportContext): PreparedImport {
  let ctx = context;
  if (choices.length === 0) throw new ImportError([err('noFiles')]);
  const seen = new Map<ImportRole, string>();
  for (const c of choices) {
    const other = seen.get(c.role);
    if (other) throw new ImportError([err('sameRoleTwice', { file: c.file.name, other, role: c.role })]);
    seen.set(c.role, c.file.name);
  }
  const order = (r: ImportRole): number => ['kelurahan', 'rw', 'households', 'upgrading'].indexOf(r);
  const sorted = [...choices].sort((a, b) => order(a.role) - order(b.role));
  const messages: ImportMessage[] = [];
  const errors: ImportMessage[] = [];
  const parts: PreparedPart[] = [];
  const layers: { -readonly [K in keyof BoundaryLayers]: BoundaryLayers[K] } = {};
  let kelurahanCodes: ReadonlySet<string> = new Set(ctx.current.kelurahan.keys());
  let rwKeys: ReadonlySet<string> = new Set(ctx.current.rw.keys());
  const hasRwPart = choices.some((c) => c.role === 'rw');
  for (const [at, choice] of sorted.entries()) {
    const file = choice.file.name;
    const outer = ctx;
    // Progress of the whole import: this file's share of it.
    ctx = { ...outer, onProgress: (f) => outer.onProgress?.((at + f) / sorted.length) };
    try {
      const opened = openFile(choice.file, ctx);
      if (opened.kind === 'table') {
        if (choice.role !== 'households' && choice.role !== 'upgrading') throw new ImportError([err('unknownRole', { file })]);
        const { tab } = opened;
        const columns = columnReports(tab.headers, (i) => tab.sample(i), choice.role, choice.mapping);
        messages.push(...checkMapping(file, choice.role, choice.mapping, columns));
        const out = prepareTable(file, tab, choice.role, choice.mapping, ctx, { kelurahan: kelurahanCodes, rw: rwKeys });
        parts.push(out.part);
        messages.push(...out.messages);
      } else {
        if (choice.role !== 'kelurahan' && choice.role !== 'rw') throw new ImportError([err('unknownRole', { file })]);
        const { fc } = opened;
        const keys = propertyKeys(fc);
        const columns = columnReports(keys, (i) => fc.features.slice(0, 5000).map((f) => propText(f.properties?.[keys[i]!])).filter((v) => v !== ''), choice.role, choice.mapping);
        messages.push(...opened.notes, ...checkMapping(file, choice.role, choice.mapping, columns));
        if (choice.role === 'kelurahan') {
          const out = prepareKelurahan(file, fc, choice.mapping, options, ctx);
          messages.push(...out.messages);
          kelurahanCodes = new Set(out.fc.features.map((f) => String(f.properties?.kelurahan_code)));
          if (!hasRwPart) {
            const orphans = [...ctx.current.rw.entries()].filter(([, v]) => !kelurahanCodes.has(v.kelurahan_code)).map(([k]) => k);
            if (orphans.length > 0) messages.push(err('orphanRw', { file, count: orphans.length, examples: examples(orphans) }));
          }
          const upper = deriveUpperLevels(out.fc);
          layers.kelurahan = out.fc;
          layers.kecamatan = upper.kecamatan;
          layers.kota = upper.kota;
          parts.push({ role: 'kelurahan', table: 'kelurahan', format: 'geojson-properties', bytes: geojsonBytes(out.fc), rows: out.fc.features.length, source: file });
        } else {
          const out = prepareRw(file, fc, choice.mapping, options, ctx, { kelurahan: kelurahanCodes, rw: rwKeys });
          messages.push(...out.messages);
          rwKeys = new Set(out.fc.features.map((f) => String(f.properties?.rw_code)));
          layers.rw = out.fc;
          parts.push({ role: 'rw', table: 'rw', format: 'geojson-properties', bytes: geojsonBytes(out.fc), rows: out.fc.features.length, source: file });
        }
      }
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      errors.push(...e.messages.filter((m) => m.severity === 'error'));
      messages.push(...e.messages.filter((m) => m.severity !== 'error'));
    }
    ctx = outer;
  }
  errors.push(...messages.filter((m) => m.severity === 'error'));
  if (errors.length > 0) throw new ImportError([...errors, ...messages.filter((m) => m.severity !== 'error')]);
  return { parts, boundaries: layers, messages };
}
