import { describe, expect, it } from 'vitest';
import { createRng } from '../../scripts/generate/rng';
import { decodeView, encodeView, toQueryString } from './url-state';
import {
  DEFAULT_VIEW,
  codeLevel,
  isWithin,
  levelDepth,
  roundViewport,
  sameView,
  type View,
} from './view-state';

const options = { indicators: ['extreme_poverty_rate', 'kjp_gap', 'poor_households'] };
const decode = (query: string): ReturnType<typeof decodeView> =>
  decodeView(new URLSearchParams(query), options);

const full: View = {
  level: 'rw',
  parent: '31.72.03.1002',
  indicator: 'kjp_gap',
  method: 'jenks',
  classes: 4,
  lock: { manual: [0, 0.005, 0.0125, 0.03, 0.2] },
  filters: { kota: '31.72', kecamatan: '31.72.03', kumuh: ['sangat_ringan', 'berat'], ktp: 'no' },
  selected: '31.72.03.1002.007',
  period: '2025-03',
  minCell: 20,
  viewport: { lon: 106.84513, lat: -6.20876, zoom: 12.5 },
  lang: 'en',
  basemap: 'https://tiles.example.org/style.json',
  overlays: {
    layers: [
      { id: 'upgrading', opacity: 100 },
      { id: 'kb', opacity: 60 },
    ],
    upgradingYear: 2023,
    card: 'klj',
    gapProgram: 'pmt_balita',
    bivariate: { need: 'poverty_rate', program: 'kjp_plus' },
  },
};

describe('encodeView', () => {
  it('encodes the default view as nothing', () => {
    expect(encodeView(DEFAULT_VIEW).toString()).toBe('');
    expect(toQueryString(encodeView(DEFAULT_VIEW))).toBe('');
  });

  it('writes keys in a fixed order with readable commas', () => {
    expect(toQueryString(encodeView(full))).toBe(
      '?lvl=rw&in=31.72.03.1002&ind=kjp_gap&m=jenks&k=4&lock=0,0.005,0.0125,0.03,0.2&kota=31.72&kec=31.72.03' +
        '&kumuh=sangat_ringan,berat&ktp=no&sel=31.72.03.1002.007&per=2025-03&min=20&vp=106.84513,-6.20876,12.5' +
        '&lang=en&map=https%3A%2F%2Ftiles.example.org%2Fstyle.json&ov=upgrading,kb%3A60&ovy=2023&ovc=klj' +
        '&ovg=pmt_balita&biv=poverty_rate%3Akjp_plus',
    );
  });

  it('omits only the fields at their defaults', () => {
    const p = encodeView({ ...DEFAULT_VIEW, level: 'kelurahan', lock: 'province' });
    expect([...p.keys()]).toEqual(['lvl', 'lock']);
    expect(p.get('lock')).toBe('province');
  });

  it('stores kumuh in canonical order and rounds the viewport', () => {
    const p = encodeView({
      ...DEFAULT_VIEW,
      filters: { ...DEFAULT_VIEW.filters, kumuh: ['berat', 'ringan', 'berat'] },
      viewport: { lon: 106.123456789, lat: -6.123456789, zoom: 10.98765 },
    });
    expect(p.get('kumuh')).toBe('ringan,berat');
    expect(p.get('vp')).toBe('106.12346,-6.12346,10.99');
  });
});

describe('decodeView', () => {
  it('round-trips the default and a full view exactly, through the readable query string too', () => {
    for (const v of [
      DEFAULT_VIEW,
      full,
      { ...full, lock: 'province' as const, lang: 'id' as const },
    ]) {
      const r1 = decodeView(encodeView(v), options);
      expect(r1.warnings).toEqual([]);
      expect(r1.view).toEqual(v);
      const r2 = decode(toQueryString(encodeView(v)).slice(1));
      expect(r2.view).toEqual(v);
    }
  });

  it('round-trips seeded random valid views', () => {
    const rng = createRng(2024);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
    for (let i = 0; i < 200; i++) {
      const level = pick(['kota', 'kecamatan', 'kelurahan', 'rw'] as const);
      const parents = [null, '31.71', '31.71.01', '31.71.01.1001'];
      const parent = pick(
        parents.filter((p) => p === null || levelDepth(codeLevel(p)!) < levelDepth(level)),
      );
      const classes = 3 + Math.floor(rng() * 5);
      const manual = Array.from({ length: classes + 1 }, (_, j) => j * rng() * 0.1 + j);
      const v: View = {
        level,
        parent,
        indicator: pick(options.indicators),
        method: pick(['quantile', 'equal', 'jenks'] as const),
        classes,
        lock: pick(['none', 'province', { manual }] as const),
        filters: {
          kota: pick([null, '31.75']),
          kecamatan: pick([null, '31.75.04']),
          kumuh: pick([[], ['tidak'], ['ringan', 'sedang']] as const),
          ktp: pick(['all', 'yes', 'no'] as const),
        },
        selected: pick([null, '31.75.04.1003.012', '31.01']),
        period: pick(['2023-03', '2024-09']),
        minCell: 5 + Math.floor(rng() * 50),
        viewport:
          rng() < 0.5
            ? null
            : roundViewport({ lon: 106 + rng(), lat: -6 - rng(), zoom: rng() * 18 }),
        lang: pick(['id', 'en'] as const),
        basemap: pick(['offline', 'https://a.example/s.json']),
        overlays: {
          layers: pick([
            [],
            [{ id: 'convergence', opacity: 100 }],
            [
              { id: 'cards', opacity: 30 },
              { id: 'upgrading', opacity: 100 },
              { id: 'validation', opacity: 90 },
            ],
          ] as const),
          upgradingYear: pick([null, 2015, 2024]),
          card: pick(['kjp_plus', 'kaj', 'klj', 'kpdj'] as const),
          gapProgram: pick(['kb', 'pmt_lansia', 'kpdj'] as const),
          bivariate: pick([null, { need: 'rtlh_rate', program: 'kb' as const }]),
        },
      };
      const r = decodeView(encodeView(v), options);
      expect(r.warnings).toEqual([]);
      expect(sameView(r.view, v)).toBe(true);
      expect(r.view).toEqual(v);
    }
  });

  it('falls back to defaults with one warning per bad field', () => {
    const r = decode(
      'lvl=desa&ind=nope&m=kmeans&k=9&kota=3171&kec=31.7x.01&kumuh=berat,parah&ktp=maybe&sel=31.71.1' +
        '&per=2024-13&min=2&vp=200,0,5&lang=fr&map=javascript:alert(1)',
    );
    expect(r.view).toEqual({
      ...DEFAULT_VIEW,
      filters: { ...DEFAULT_VIEW.filters, kumuh: ['berat'] },
    });
    expect(r.warnings.map((w) => w.field)).toEqual([
      'level',
      'indicator',
      'method',
      'classes',
      'kota',
      'kecamatan',
      'kumuh',
      'ktp',
      'selected',
      'period',
      'minCell',
      'viewport',
      'lang',
      'basemap',
    ]);
    expect(r.warnings[1]).toEqual({
      field: 'indicator',
      value: 'nope',
      reason: 'unknown indicator',
    });
  });

  it('rejects a parent that cannot contain the level', () => {
    const r = decode('lvl=kecamatan&in=31.71.01');
    expect(r.view.parent).toBeNull();
    expect(r.warnings).toEqual([
      { field: 'parent', value: '31.71.01', reason: 'a kecamatan cannot contain kecamatan areas' },
    ]);
    expect(decode('lvl=rw&in=31.71').view.parent).toBe('31.71');
    expect(decode('in=31.71').view.parent).toBeNull();
  });

  it('drops a kecamatan filter outside the kota filter', () => {
    const r = decode('kota=31.71&kec=31.72.01');
    expect(r.view.filters).toEqual({ ...DEFAULT_VIEW.filters, kota: '31.71' });
    expect(r.warnings[0]?.field).toBe('kecamatan');
  });

  it('validates manual bounds and takes the class count from them', () => {
    expect(decode('lock=0,1,2,3,4,5').view).toMatchObject({
      lock: { manual: [0, 1, 2, 3, 4, 5] },
      classes: 5,
    });
    const mismatch = decode('k=3&lock=0,1,2,3,4');
    expect(mismatch.view.classes).toBe(4);
    expect(mismatch.warnings.map((w) => w.field)).toEqual(['classes']);
    for (const bad of ['lock=0,2,1,3', 'lock=0,1,x,3', 'lock=0,1', 'lock=', 'lock=manual']) {
      const r = decode(bad);
      expect(r.view.lock).toBe('none');
      expect(r.warnings.map((w) => w.field)).toEqual(['lock']);
    }
  });

  it('accepts only known periods when a list is given', () => {
    expect(decodeView(new URLSearchParams('per=2030-03'), options).view.period).toBe('2030-03');
    const r = decodeView(new URLSearchParams('per=2030-03'), {
      ...options,
      periods: ['2024-03', '2025-03'],
    });
    expect(r.view.period).toBe('2024-03');
    expect(r.warnings).toHaveLength(1);
  });

  it('accepts https basemaps and local http ones only', () => {
    expect(decode('map=http://localhost:8080/style.json').view.basemap).toBe(
      'http://localhost:8080/style.json',
    );
    expect(decode('map=http://tiles.example.org/style.json').view.basemap).toBe('offline');
    expect(decode('map=not a url').warnings).toHaveLength(1);
  });

  it('never throws on seeded garbage and always returns a valid view', () => {
    const rng = createRng(5);
    const keys = [
      'lvl',
      'in',
      'ind',
      'm',
      'k',
      'lock',
      'kota',
      'kec',
      'kumuh',
      'ktp',
      'sel',
      'per',
      'min',
      'vp',
      'lang',
      'map',
      'ov',
      'ovy',
      'ovc',
      'ovg',
      'biv',
      'zz',
    ];
    const chars = 'abc019.,-_%&=é😀 :kbg';
    for (let i = 0; i < 500; i++) {
      const p = new URLSearchParams();
      for (const key of keys) {
        if (rng() < 0.5) continue;
        let s = '';
        for (let j = Math.floor(rng() * 12); j > 0; j--)
          s += chars[Math.floor(rng() * chars.length)];
        p.set(key, s);
      }
      const r = decodeView(p, options);
      // a decoded view is itself valid: it survives another round trip without warnings
      const again = decodeView(encodeView(r.view), options);
      expect(again.warnings).toEqual([]);
      expect(again.view).toEqual(r.view);
    }
  });
});

describe('overlay fields', () => {
  it('keeps layer order and opacity, and drops bad layers one by one', () => {
    const r = decode('ov=kb:50,nope,upgrading,kb,gap:0,leakage:5x,cards:100');
    expect(r.view.overlays.layers).toEqual([
      { id: 'kb', opacity: 50 },
      { id: 'upgrading', opacity: 100 },
      { id: 'cards', opacity: 100 },
    ]);
    expect(r.warnings.map((w) => [w.field, w.value])).toEqual([
      ['overlays', 'nope'],
      ['overlays', 'kb'],
      ['overlays', 'gap:0'],
      ['overlays', 'leakage:5x'],
    ]);
    // Full opacity is the default and is not written.
    expect(encodeView(r.view).get('ov')).toBe('kb:50,upgrading,cards');
  });

  it('validates the year, programs and the bivariate pair', () => {
    const r = decode('ovy=2014&ovc=kb&ovg=kjmu&biv=kb_coverage:kb');
    expect(r.view.overlays).toEqual(DEFAULT_VIEW.overlays);
    expect(r.warnings.map((w) => w.field)).toEqual(['upgradingYear', 'card', 'gapProgram', 'bivariate']);
    const ok = decode('ovy=2035&ovc=kpdj&ovg=klj&biv=desil1_share:pmt_lansia');
    expect(ok.warnings).toEqual([]);
    expect(ok.view.overlays).toEqual({
      layers: [],
      upgradingYear: 2035,
      card: 'kpdj',
      gapProgram: 'klj',
      bivariate: { need: 'desil1_share', program: 'pmt_lansia' },
    });
  });

  it('treats an overlay change as a change of the view', () => {
    const a = { ...DEFAULT_VIEW, overlays: { ...DEFAULT_VIEW.overlays, layers: [{ id: 'kb' as const, opacity: 100 }] } };
    const b = { ...a, overlays: { ...a.overlays, layers: [{ id: 'kb' as const, opacity: 90 }] } };
    expect(sameView(a, b)).toBe(false);
    expect(sameView(a, { ...a, overlays: { ...a.overlays } })).toBe(true);
    expect(sameView(DEFAULT_VIEW, { ...DEFAULT_VIEW, overlays: { ...DEFAULT_VIEW.overlays, bivariate: { need: 'poverty_rate', program: 'kb' } } })).toBe(false);
  });
});

describe('area codes', () => {
  it('knows the level of Kemendagri-style codes', () => {
    expect(codeLevel('31.71')).toBe('kota');
    expect(codeLevel('31.71.01')).toBe('kecamatan');
    expect(codeLevel('31.71.01.1001')).toBe('kelurahan');
    expect(codeLevel('31.71.01.1001.003')).toBe('rw');
    for (const bad of [
      '3171',
      '31.71.1',
      '31.71.01.101',
      '31.71.01.1001.3',
      ' 31.71',
      '31.71.',
      'x',
    ])
      expect(codeLevel(bad)).toBeNull();
    expect(isWithin('31.71.01.1001.003', '31.71')).toBe(true);
    expect(isWithin('31.710', '31.71')).toBe(false);
  });
});
