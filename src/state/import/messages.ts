/**
 * Import outcomes as values: a code and its parameters (file, column, row, counts). The import
 * feature renders them in Indonesian or English. Parameters never carry the values of columns
 * that look like identifiers.
 */

/** Every message an import can produce. */
export type ImportCode =
  // the file itself
  | 'empty'
  | 'binary'
  | 'unsupported'
  | 'xlsx'
  | 'csvBroken'
  | 'noRows'
  | 'oneColumn'
  | 'duplicateHeader'
  | 'unknownRole'
  | 'parquetBroken'
  | 'parquetUnavailable'
  | 'invalidJson'
  | 'notFeatureCollection'
  | 'noFeatures'
  | 'shapefileBroken'
  | 'shapefileNoDbf'
  // reading notes
  | 'encoding'
  | 'delimiter'
  | 'commaDecimals'
  // mapping
  | 'missingField'
  | 'noLocation'
  // privacy
  | 'identifierDropped'
  | 'identifierMapped'
  | 'identifierValues'
  | 'pointsRefused'
  // geometry
  | 'projected'
  | 'swapped'
  | 'outside'
  | 'invalidGeometry'
  | 'invalidGeometrySkipped'
  | 'noValidGeometry'
  | 'duplicateFeatures'
  | 'unmatchedFeatures'
  | 'noMatchedFeatures'
  | 'unmatchedAreas'
  | 'missingFill'
  // rows and codes
  | 'unknownKelurahan'
  | 'badRwNumber'
  | 'badRwCode'
  | 'unknownRwCodes'
  | 'duplicateIds'
  | 'duplicateRw'
  | 'orphanRw'
  | 'badValues'
  // the whole import
  | 'noFiles'
  | 'sameRoleTwice'
  | 'ingest'
  | 'quota'
  | 'storage'
  | 'cancelled'
  | 'failed'
  | 'imported'
  | 'reset';

/** Parameters of a message: names, counts, rows; never identifier values. */
export type ImportParams = Readonly<Record<string, string | number>>;

/** One message. `error` blocks the import; `warning` and `info` do not. */
export interface ImportMessage {
  readonly code: ImportCode;
  readonly severity: 'error' | 'warning' | 'info';
  readonly params: ImportParams;
}

/** A blocking message. */
export function err(code: ImportCode, params: ImportParams = {}): ImportMessage {
  return { code, severity: 'error', params };
}

/** A message that does not block the import. */
export function warn(code: ImportCode, params: ImportParams = {}): ImportMessage {
  return { code, severity: 'warning', params };
}

/** A note about how the file was read. */
export function info(code: ImportCode, params: ImportParams = {}): ImportMessage {
  return { code, severity: 'info', params };
}

/** A failure carrying import messages (thrown inside the pipeline, caught at its edge). */
export class ImportError extends Error {
  constructor(readonly messages: readonly ImportMessage[]) {
    super(messages.map((m) => m.code).join(', '));
    this.name = 'ImportError';
  }
}

/** A short list of examples for a message: the first `n` joined, with "…" when there are more. */
export function examples(items: readonly string[], n = 3): string {
  const shown = items.slice(0, n).join(', ');
  return items.length > n ? `${shown}, …` : shown;
}
