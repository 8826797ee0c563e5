import readXlsxFile from 'read-excel-file/universal';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MetadataInput } from './metadata';
import { columnName, xlsxBlob, xlsxBytes, xmlText } from './xlsx';

const meta: MetadataInput = {
  title: 'T',
  source: 'S',
  data_date: '2024-03',
  exported_at: '2026-11-28T00:00:00.000Z',
  synthetic: true,
  min_cell: 10,
  settings: [],
  index: null,
  indicators: [],
  rows: 2,
};

describe('xlsx', () => {
  it('names columns like a spreadsheet and escapes XML', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(xmlText('a<b>&"c"\u0001\uD800')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(xmlText('tab\tok 😀\uDC00')).toBe('tab\tok 😀');
  });

  it('writes typed cells read back by read-excel-file; text escaped; empty stays empty', async () => {
    const blob = xlsxBlob(
      {
        columns: [
          { key: 'name', kind: 'text' },
          { key: 'n', kind: 'number', format: 'integer' },
          { key: 'rate', kind: 'number', format: 'percent' },
          { key: 'flag', kind: 'boolean' },
        ],
        rows: [
          ['<Gambir & "Co">', 12, 0.125, false],
          ['@SUM(A1)', null, 1e-7, true],
        ],
      },
      meta,
    );
    const sheets = await readXlsxFile(blob);
    expect(sheets[0]!.data).toEqual([
      ['name', 'n', 'rate', 'flag'],
      ['<Gambir & "Co">', 12, 0.125, false],
      ["'@SUM(A1)", null, 1e-7, true],
    ]);
    expect(sheets[1]!.sheet).toBe('metadata');
  });

  it('is a zip of SpreadsheetML parts with number formats and no formula cells', () => {
    const parts = unzipSync(xlsxBytes({ columns: [{ key: 'rate', kind: 'number', format: 'percent' }], rows: [[0.5]] }, meta));
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A2" s="4"><v>0.5</v></c>');
    expect(sheet).not.toContain('<f>');
  });
});
