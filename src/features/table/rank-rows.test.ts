import { describe, expect, it } from 'vitest';
import { rankRows } from './rank-rows';

const rows = [
  { code: 'a', value: 0.1, suppressed: false },
  { code: 'b', value: 0.3, suppressed: false },
  { code: 'c', value: null, suppressed: false },
  { code: 'd', value: 0.2, suppressed: false },
  { code: 'e', value: 0.2, suppressed: false },
  { code: 'f', value: 0.9, suppressed: true },
  { code: 'g', value: 0.05, suppressed: false },
  { code: 'h', value: 0.2, suppressed: false },
];

const summary = (higherIsWorse: boolean): [string, number | null, boolean][] =>
  rankRows(rows, higherIsWorse).map((r) => [r.code, r.rank, r.tied]);

describe('rankRows', () => {
  it('ranks the highest value first when higher is worse; ties share a rank and the next one skips', () => {
    expect(summary(true)).toEqual([
      ['a', 5, false],
      ['b', 1, false],
      ['c', null, false],
      ['d', 2, true],
      ['e', 2, true],
      ['f', null, false],
      ['g', 6, false],
      ['h', 2, true],
    ]);
  });

  it('ranks the lowest value first when lower is worse', () => {
    expect(summary(false)).toEqual([
      ['a', 2, false],
      ['b', 6, false],
      ['c', null, false],
      ['d', 3, true],
      ['e', 3, true],
      ['f', null, false],
      ['g', 1, false],
      ['h', 3, true],
    ]);
  });

  it('never ranks a suppressed row, even if a value is present', () => {
    const r = rankRows(
      [
        { value: 5, suppressed: true },
        { value: 1, suppressed: false },
      ],
      true,
    );
    expect(r.map((x) => x.rank)).toEqual([null, 1]);
  });

  it('keeps the input rows untouched and in order, and handles empty and all-null input', () => {
    const input = [{ value: 2, suppressed: false, name: 'x' }];
    const out = rankRows(input, true);
    expect(out[0]).toEqual({ value: 2, suppressed: false, name: 'x', rank: 1, tied: false });
    expect(input[0]).not.toHaveProperty('rank');
    expect(rankRows([], true)).toEqual([]);
    expect(
      rankRows(
        [
          { value: null, suppressed: false },
          { value: NaN, suppressed: false },
        ],
        true,
      ).map((r) => r.rank),
    ).toEqual([null, null]);
  });

  it('treats 0 as a value, and ties at zero', () => {
    const r = rankRows(
      [
        { value: 0, suppressed: false },
        { value: 0, suppressed: false },
        { value: 1, suppressed: false },
      ],
      true,
    );
    expect(r.map((x) => [x.rank, x.tied])).toEqual([
      [2, true],
      [2, true],
      [1, false],
    ]);
  });
});
