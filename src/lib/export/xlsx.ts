/**
 * XLSX writer: SpreadsheetML (ECMA-376) written here and zipped with fflate's synchronous
 * `zipSync`. A `data` sheet with typed cells (numbers stay numbers with a display format only,
 * flags are booleans, text is escaped against formula injection, suppressed cells are empty) and
 * a `metadata` sheet from {@link metadataRows}.
 *
 * Why not a spreadsheet library: write-excel-file zips with fflate's asynchronous `zip`, which
 * starts a Worker from a blob: URL for any part over 160 kB, and the app's CSP (`worker-src
 * 'self'`, issue 9) blocks that. The format needed here is small; tests read the files back
 * with read-excel-file.
 */
import { strToU8, zipSync } from 'fflate';
import { metadataRows, type MetadataInput } from './metadata';
import { assertTable, escapeFormula, type ExportCell, type ExportColumn, type ExportTable } from './table';

/** Sheet names of the workbook. */
export const SHEETS = { data: 'data', metadata: 'metadata' } as const;

/** Media type of an XLSX file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Style ids in styles.xml: default, bold header, integer, decimal, percent. */
const STYLE = { none: 0, header: 1, integer: 2, decimal: 3, percent: 4 } as const;

/** Whether a UTF-16 code unit may appear in XML 1.0 text (lone surrogates are handled apart). */
function xmlAllowed(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

/** Drops what XML 1.0 forbids: C0 controls other than tab, LF, CR; U+FFFE/FFFF; lone surrogates. */
function xmlClean(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out += text[i]! + text[++i]!;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      continue;
    } else if (xmlAllowed(c)) {
      out += text[i]!;
    }
  }
  return out;
}

/** Escapes text for XML content and attributes (invalid characters dropped). */
export function xmlText(text: string): string {
  return xmlClean(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

type Cell = { kind: 'text'; value: string } | { kind: 'number'; value: number; style: number } | { kind: 'boolean'; value: boolean } | null;

function cellXml(cell: Cell, ref: string, bold = false): string {
  if (cell === null) return '';
  if (cell.kind === 'number') return `<c r="${ref}" s="${cell.style}"><v>${String(cell.value)}</v></c>`;
  if (cell.kind === 'boolean') return `<c r="${ref}" t="b"><v>${cell.value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${bold ? ` s="${STYLE.header}"` : ''} t="inlineStr"><is><t xml:space="preserve">${xmlText(escapeFormula(cell.value))}</t></is></c>`;
}

function sheetXml(rows: readonly (readonly Cell[])[], widths: readonly number[], freezeHeader: boolean): string {
  const body = rows
    .map((row, i) => {
      const r = i + 1;
      const cells = row.map((c, j) => cellXml(c, `${columnName(j)}${r}`, freezeHeader && i === 0)).join('');
      return `<row r="${r}">${cells}</row>`;
    })
    .join('');
  const view = freezeHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = widths.length > 0 ? `<cols>${widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${view}${cols}<sheetData>${body}</sheetData></worksheet>`;
}

function dataCell(cell: ExportCell, column: ExportColumn): Cell {
  if (cell === null) return null;
  if (column.kind === 'number') return { kind: 'number', value: cell as number, style: STYLE[column.format ?? 'decimal'] };
  if (column.kind === 'boolean') return { kind: 'boolean', value: cell as boolean };
  return { kind: 'text', value: cell as string };
}

function metaCell(cell: ExportCell | undefined): Cell {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return { kind: 'number', value: cell, style: STYLE.none };
  if (typeof cell === 'boolean') return { kind: 'boolean', value: cell };
  return { kind: 'text', value: cell };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="${SHEETS.data}" sheetId="1" r:id="rId1"/><sheet name="${SHEETS.metadata}" sheetId="2" r:id="rId2"/></sheets></workbook>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

// numFmtId 3 = "#,##0" and 10 = "0.00%" are built in; 164 is the first custom id.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0000"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The workbook's bytes (a zip of the SpreadsheetML parts). */
export function xlsxBytes(table: ExportTable, metadata: MetadataInput): Uint8Array {
  assertTable(table);
  const header: Cell[] = table.columns.map((c) => ({ kind: 'text', value: c.key }));
  const data: Cell[][] = [header, ...table.rows.map((row) => row.map((cell, j) => dataCell(cell, table.columns[j]!)))];
  const meta: Cell[][] = metadataRows(metadata).map((row) => row.map(metaCell));
  const widths = table.columns.map((c) => Math.max(10, Math.min(32, c.key.length + 2)));
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(WORKBOOK),
      'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
      'xl/styles.xml': strToU8(STYLES),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml(data, widths, true)),
      'xl/worksheets/sheet2.xml': strToU8(sheetXml(meta, [48, 60, 30, 60, 60, 14, 16], false)),
    },
    { level: 6 },
  );
}

/** The workbook as a Blob. */
export function xlsxBlob(table: ExportTable, metadata: MetadataInput): Blob {
  return new Blob([xlsxBytes(table, metadata) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
}
