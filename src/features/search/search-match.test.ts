import { describe, expect, it } from 'vitest';
import type { AreaEntry } from '../../state/dataset';
import { normalizeName, searchAreas } from './search-match';

const areas: AreaEntry[] = [
  { code: '31', level: 'provinsi', name: 'DKI Jakarta', parent: null },
  { code: '31.71', level: 'kota', name: 'Jakarta Pusat', parent: '31' },
  { code: '31.71.01', level: 'kecamatan', name: 'Gambir', parent: '31.71' },
  { code: '31.71.01.1001', level: 'kelurahan', name: 'Gambir', parent: '31.71.01' },
  { code: '31.71.01.1002', level: 'kelurahan', name: 'Cideng', parent: '31.71.01' },
  { code: '31.71.01.1001.003', level: 'rw', name: 'RW 003', parent: '31.71.01.1001' },
  { code: '31.72.01.1001', level: 'kelurahan', name: 'Penjaringan', parent: '31.72.01' },
];

describe('searchAreas', () => {
  it('folds case and Kelurahan prefixes', () => {
    expect(normalizeName('Kel. CIDENG')).toBe('cideng');
    expect(searchAreas(areas, 'kelurahan cideng')[0]!.area.code).toBe('31.71.01.1002');
  });
  it('ranks exact names first and gives context', () => {
    const hits = searchAreas(areas, 'gambir');
    expect(hits.map((h) => h.area.code).slice(0, 2)).toEqual(['31.71.01', '31.71.01.1001']);
    expect(hits.find((h) => h.area.code === '31.71.01.1001')!.context).toBe('Gambir, Jakarta Pusat');
  });
  it('finds codes with or without dots', () => {
    expect(searchAreas(areas, '3171011001')[0]!.area.code).toBe('31.71.01.1001');
    expect(searchAreas(areas, '31.71.01.1001.003')[0]!.area.code).toBe('31.71.01.1001.003');
  });
  it('finds an RW by its kelurahan name', () => {
    expect(searchAreas(areas, 'rw 003 gambir').map((h) => h.area.code)).toContain('31.71.01.1001.003');
  });
  it('returns nothing for an empty query and never the province', () => {
    expect(searchAreas(areas, '  ')).toEqual([]);
    expect(searchAreas(areas, 'jakarta').map((h) => h.area.level)).not.toContain('provinsi');
  });
});
