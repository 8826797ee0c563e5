/** What kind of file the user gave us, from its first bytes (never from its name alone). */

/** The formats an import understands, and the ones it recognises only to refuse clearly. */
export type FileFormat =
  | 'csv'
  | 'geojson'
  | 'json'
  | 'parquet'
  | 'shapefile-zip'
  | 'xlsx'
  | 'zip'
  | 'xls'
  | 'pdf'
  | 'image'
  | 'empty'
  | 'binary';

const starts = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);

/** Share of control bytes (other than tab, CR, LF, FF, ESC) in `head`: text has none. */
function controlShare(head: Uint8Array): number {
  if (head.length === 0) return 0;
  let bad = 0;
  for (const x of head) if (x < 0x20 && x !== 9 && x !== 10 && x !== 13 && x !== 12 && x !== 27) bad++;
  return bad / head.length;
}

/** Whether a zip's central directory (scanned as text) names a shapefile or an XLSX workbook. */
function zipKind(bytes: Uint8Array): 'shapefile-zip' | 'xlsx' | 'zip' {
  // File names are stored in plain ASCII in every local header and in the central directory.
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_536));
  const text = new TextDecoder('latin1').decode(tail) + new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (/\.shp/i.test(text)) return 'shapefile-zip';
  if (text.includes('xl/workbook.xml') || text.includes('[Content_Types].xml')) return 'xlsx';
  return 'zip';
}

/** Detects the format of a whole file from its bytes. */
export function sniffFormat(bytes: Uint8Array): FileFormat {
  let start = 0;
  if (starts(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  const body = bytes.subarray(start);
  if (body.every((x) => x === 0x20 || x === 0x09 || x === 0x0a || x === 0x0d)) return 'empty';
  if (starts(bytes, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47]) || starts(bytes, [0xff, 0xd8, 0xff]) || starts(bytes, [0x47, 0x49, 0x46])) {
    return 'image';
  }
  const utf16 = starts(bytes, [0xff, 0xfe]) || starts(bytes, [0xfe, 0xff]);
  const head = body.subarray(0, 4096);
  if (!utf16 && controlShare(head) > 0.01) return 'binary';
  if (!utf16) {
    const firstChar = head.find((x) => x !== 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d);
    // An object may be GeoJSON (parsing decides); a top-level array never is.
    if (firstChar === 0x7b) return 'geojson';
    if (firstChar === 0x5b) return 'json';
  }
  return 'csv';
}
