import { describe, expect, expectTypeOf, it } from 'vitest';
import { isLang, messages, placeholders, t, type MessageKey, type ParamNames } from './i18n';

describe('i18n', () => {
  it('has the same keys in Indonesian and English, none empty', () => {
    const idKeys = Object.keys(messages.id).sort();
    const enKeys = Object.keys(messages.en).sort();
    expect(enKeys).toEqual(idKeys);
    for (const lang of ['id', 'en'] as const)
      for (const k of idKeys) expect(messages[lang][k as MessageKey].trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(messages.id) as MessageKey[]) {
      expect(placeholders(messages.en[k]), k).toEqual(placeholders(messages.id[k]));
    }
  });

  it('translates and fills placeholders', () => {
    expect(t('id', 'app.title')).toBe('Sasaran');
    expect(t('id', 'legend.noData')).toBe('tidak ada data');
    expect(t('en', 'legend.noData')).toBe('no data');
    expect(t('id', 'legend.suppressed', { k: 10 })).toBe(
      'disembunyikan (kurang dari 10 rumah tangga)',
    );
    expect(t('en', 'legend.suppressed', { k: 10 })).toBe('suppressed (fewer than 10 households)');
    expect(t('en', 'tooltip.rank', { rank: 3, n: 44 })).toBe('rank 3 among 44 siblings');
    expect(t('id', 'breadcrumb.root')).toBe('DKI Jakarta');
    expect(t('id', 'kumuh.sangat_ringan')).toBe('sangat ringan');
    expect(t('en', 'app.syntheticNotice')).toMatch(/^SYNTHETIC DATA/);
    expect(t('id', 'app.syntheticNotice')).toMatch(/^DATA SINTETIS/);
  });

  it('does not re-expand placeholders found inside parameter values', () => {
    expect(t('en', 'error.loadData', { message: '{message} {x}' })).toBe(
      'Data failed to load: {message} {x}',
    );
  });

  it('types parameters from the Indonesian template', () => {
    expectTypeOf<ParamNames<'a {k} b {n}'>>().toEqualTypeOf<'k' | 'n'>();
    expectTypeOf<ParamNames<'none'>>().toEqualTypeOf<never>();
    // @ts-expect-error a key with placeholders needs its parameters
    t('id', 'legend.areas');
    // @ts-expect-error a key without placeholders takes none
    t('id', 'legend.noData', { n: 1 });
    // @ts-expect-error unknown key
    t('id', 'legend.nope');
  });

  it('recognises languages', () => {
    expect(isLang('id')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
  });
});
