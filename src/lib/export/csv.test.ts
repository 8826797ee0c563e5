import { describe, expect, it } from 'vitest';
import { BOM, csvBlob, toCsv } from './csv';
import { exportFileName } from './file-name';
import { assertTable, escapeFormula, type ExportTable } from './table';

const table: ExportTable = {
  columns: [
    { key: 'name', kind: 'text' },
    { key: 'value', kind: 'number' },
    { key: 'value__suppressed', kind: 'boolean' },
  ],
  rows: [
    ['plain', 0.125, false],
    ['a, "quoted"; name', -3, false],
    ['=HYPERLINK("x")', null, true],
    ['line\nbreak', 1e-7, false],
  ],
};

describe('escapeFormula', () => {
  it('prefixes text starting with = + - @ tab CR, and nothing else', () => {
    for (const x of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(escapeFormula(x)).toBe(`'${x}`);
    for (const x of ['RW 001', '1=1', '', 'a-b']) expect(escapeFormula(x)).toBe(x);
  });
});

describe('toCsv', () => {
  it('RFC 4180: BOM, CRLF, quoting, doubled quotes, numbers as numbers, suppressed empty', () => {
    const text = toCsv(table, 'rfc4180');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'name,value,value__suppressed',
      'plain,0.125,false',
      '"a, ""quoted""; name",-3,false',
      `"'=HYPERLINK(""x"")",,true`,
      '"line\nbreak",1e-7,false',
      '',
    ]);
  });

  it('Excel Indonesia: semicolons and decimal commas; negative numbers are not escaped', () => {
    const lines = toCsv(table, 'excel-id').slice(1).split('\r\n');
    expect(lines[1]).toBe('plain;0,125;false');
    expect(lines[2]).toBe('"a, ""quoted""; name";-3;false');
    expect(lines[4]).toBe('"line\nbreak";1e-7;false');
  });

  it('the Blob is UTF-8 starting with the byte-order mark', async () => {
    const bytes = new Uint8Array(await csvBlob({ columns: [{ key: 'nama', kind: 'text' }], rows: [['Kepulauan Seribu ✓']] }, 'rfc4180').arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('nama\r\nKepulauan Seribu ✓\r\n');
  });

  it('rejects cells that do not fit their column', () => {
    expect(() => assertTable({ columns: [{ key: 'v', kind: 'number' }], rows: [['1']] })).toThrow(/not number/);
    expect(() => assertTable({ columns: [{ key: 'v', kind: 'number' }], rows: [[Number.NaN]] })).toThrow(/not number/);
    expect(() => assertTable({ columns: [{ key: 'v', kind: 'text' }], rows: [['a', 'b']] })).toThrow(/2 cells/);
  });
});

describe('exportFileName', () => {
  it('names level, area, subject, date and variant with safe characters', () => {
    const date = new Date(2026, 10, 8);
    expect(exportFileName({ level: 'rw', area: '31.71', subject: 'indeks-prioritas', date, variant: 'excel-id', ext: 'csv' })).toBe(
      'sasaran_rw_31.71_indeks-prioritas_2026-11-08_excel-id.csv',
    );
    expect(exportFileName({ level: 'kota', area: null, subject: 'Extreme poor/households', date, ext: 'xlsx' })).toBe(
      'sasaran_kota_dki-jakarta_extreme-poor-households_2026-11-08.xlsx',
    );
  });
});
