import { describe, expect, it } from 'vitest';
import {
  MISSING,
  classRangeLabel,
  distinctDigits,
  formatCount,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatValue,
} from './format';

const NBSP = '\u00a0';

describe('format', () => {
  it('groups thousands per locale', () => {
    expect(formatNumber(1234567.891, 'id')).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatCount(12345.6, 'id')).toBe('12.346');
    expect(formatCount(12345.6, 'en')).toBe('12,346');
  });

  it('shows fractions as percentages with one decimal', () => {
    expect(formatPercent(0.0123, 'id')).toBe('1,2%');
    expect(formatPercent(0.0123, 'en')).toBe('1.2%');
    expect(formatPercent(0, 'id')).toBe('0,0%');
    expect(formatPercent(0.00444, 'en', 2)).toBe('0.44%');
  });

  it('formats rupiah without decimals', () => {
    expect(formatRupiah(825288, 'id')).toBe(`Rp${NBSP}825.288`);
    expect(formatRupiah(825288, 'en')).toBe(`Rp${NBSP}825,288`);
  });

  it('shows a dash for missing values', () => {
    for (const f of [formatNumber, formatPercent, formatRupiah, formatCount]) {
      expect(f(null, 'id')).toBe(MISSING);
      expect(f(NaN, 'en')).toBe(MISSING);
    }
    expect(formatValue(null, 'households', 'id')).toBe(MISSING);
  });

  it('formats a value by its unit', () => {
    expect(formatValue(0.0089, 'fraction', 'id')).toBe('0,9%');
    expect(formatValue(95668, 'persons', 'id')).toBe('95.668');
    expect(formatValue(95668, 'persons', 'en', { withUnit: true })).toBe('95,668 persons');
    expect(formatValue(1200, 'households', 'id', { withUnit: true })).toBe('1.200 rumah tangga');
    expect(formatValue(12.5, 'households', 'en')).toBe('12.5');
    expect(formatValue(445, 'rw', 'id', { withUnit: true })).toBe('445 RW');
    expect(formatValue(7, 'count', 'en', { withUnit: true })).toBe('7');
    expect(formatValue(2_000_000_000, 'rp', 'id')).toBe(`Rp${NBSP}2.000.000.000`);
  });

  it('finds the fewest decimals that keep legend bounds apart', () => {
    expect(distinctDigits([0, 0.01, 0.02], 'fraction', 'id')).toBe(1);
    expect(distinctDigits([0.001, 0.0012, 0.0014], 'fraction', 'id')).toBe(2);
    expect(distinctDigits([0, 0, 0.5], 'fraction', 'en')).toBe(1);
    expect(distinctDigits([0, 10, 20], 'households', 'id')).toBe(0);
    expect(distinctDigits([0, 0.4, 0.8, 1.2], 'households', 'id')).toBe(1);
  });
});

describe('classRangeLabel', () => {
  const fmt = (v: number): string => formatValue(v, 'fraction', 'id', { digits: 1 });
  it('prints bounds, a single-value class as one value, and marks a class that starts above a single value', () => {
    const bounds = [0, 0, 0.019, 0.239];
    expect(classRangeLabel(bounds, 0, fmt)).toBe('0,0%');
    expect(classRangeLabel(bounds, 1, fmt)).toBe('> 0,0% – 1,9%');
    expect(classRangeLabel(bounds, 2, fmt)).toBe('1,9% – 23,9%');
    expect(classRangeLabel([0.01, 0.02, 0.03], 1, fmt)).toBe('2,0% – 3,0%');
    expect(classRangeLabel(bounds, 3, fmt)).toBe('');
  });
});
