/**
 * Reading text files the way offices save them: UTF-8 with or without a BOM, UTF-16 from Excel's
 * "Unicode text", Windows-1252 from older exports; delimiter sniffing (`,` `;` tab `|`), quoted
 * fields with embedded delimiters and newlines; Indonesian number habits (comma decimals, dot
 * thousands, "Rp").
 */

/** How the bytes were decoded. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded text with the encoding used and whether a byte-order mark was removed. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
}

/** Decodes file bytes: BOM first, then strict UTF-8, then Windows-1252 (which never fails). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
  }
}

/** Field delimiters we recognise, most common first. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
/** A CSV field delimiter. */
export type Delimiter = (typeof DELIMITERS)[number];

/** Splits one line on `delimiter`, honouring double quotes (for sniffing only). */
function countFields(line: string, delimiter: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter that splits the first lines into the same number (> 1) of fields most
 * consistently; `,` when nothing splits (a one-column file).
 */
export function sniffDelimiter(text: string): Delimiter {
  const lines = text.split(/\r?\n/, 21).filter((l) => l.trim() !== '').slice(0, 20);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countFields(l, d));
    const head = counts[0] ?? 1;
    if (head < 2) continue;
    const agree = counts.filter((c) => c === head).length / counts.length;
    const score = agree * 100 + head;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** A parsed CSV: the header and the data rows (cells as text, unquoted). */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly delimiter: Delimiter;
}

/** A CSV that cannot be read, with the 1-based line where it broke. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * Parses RFC 4180 CSV with the given delimiter. Blank lines are skipped; `onRow` (if given) is
 * called every 50,000 rows with the offset reached, for progress.
 */
export function parseCsv(text: string, delimiter: Delimiter, onRow?: (offset: number) => void): CsvTable {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let quoteStart = 0;
  const endRow = (): void => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    if (onRow && rows.length % 50_000 === 0) onRow(i);
  };
  let i = 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '' && !afterQuote) {
      quoted = true;
      quoteStart = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      afterQuote = false;
      line++;
    } else if (afterQuote) {
      throw new CsvError(`a closing quote is followed by more text on line ${line}`, line);
    } else {
      field += ch;
    }
  }
  if (quoted) throw new CsvError(`a quote opened on line ${quoteStart} is never closed`, quoteStart);
  if (field !== '' || row.length > 0) endRow();
  const header = (rows.shift() ?? []).map((h) => h.trim());
  return { header, rows, delimiter };
}

/** How a column writes its numbers. */
export type NumberStyle = 'dot-decimal' | 'comma-decimal';

const COMMA_STYLE = [/^-?\d{1,3}(\.\d{3}){2,}(,\d+)?$/, /^-?\d+,\d+$/, /^-?\d{1,3}(\.\d{3})+,\d+$/];
const DOT_STYLE = [/^-?\d{1,3}(,\d{3}){2,}(\.\d+)?$/, /^-?\d+\.(\d{1,2}|\d{4,})$/, /^-?\d{1,3}(,\d{3})+\.\d+$/];

function bare(value: string): string {
  return value.replace(/^\s*rp\.?\s*/i, '').replace(/[\s\u00a0]/g, '');
}

/**
 * The number style of a column from its values: unambiguous writings (`1.250.000`, `2,5` vs
 * `1,250,000`, `2.5`) decide; otherwise a `;`-delimited file means Indonesian style.
 */
export function detectNumberStyle(values: readonly string[], delimiter: Delimiter): NumberStyle {
  let comma = 0;
  let dot = 0;
  for (const raw of values) {
    const v = bare(raw);
    if (COMMA_STYLE.some((re) => re.test(v))) comma++;
    else if (DOT_STYLE.some((re) => re.test(v))) dot++;
  }
  if (comma > dot) return 'comma-decimal';
  if (dot > comma) return 'dot-decimal';
  return delimiter === ';' ? 'comma-decimal' : 'dot-decimal';
}

/**
 * Text of a number in canonical form (`1250000`, `2.5`) from its local writing, or null when it
 * is not a number. Empty text gives ''.
 */
export function canonicalNumber(raw: string, style: NumberStyle): string | null {
  const v = bare(raw);
  if (v === '') return '';
  const s = style === 'comma-decimal' ? v.replaceAll('.', '').replace(',', '.') : v.replaceAll(',', '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return String(Number(s));
}

const TRUE_WORDS = new Set(['true', 't', '1', 'ya', 'y', 'yes', 'benar', 'iya', 'ada']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'tidak', 'tdk', 'n', 'no', 'bukan', 'salah', 'tidak ada']);

/** `true`/`false` from Indonesian or English yes/no words, 1/0; '' for empty; null otherwise. */
export function canonicalBoolean(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (v === '') return '';
  if (TRUE_WORDS.has(v)) return 'true';
  if (FALSE_WORDS.has(v)) return 'false';
  return null;
}

/** A CSV field, quoted when it holds a delimiter, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
