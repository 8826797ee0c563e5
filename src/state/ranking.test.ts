import { describe, expect, it } from 'vitest';
import { siblingRank } from './ranking';

const rows = [
  { code: 'a', name: 'a', parent: 'p', value: 0.3, suppressed: false },
  { code: 'b', name: 'b', parent: 'p', value: 0.1, suppressed: false },
  { code: 'c', name: 'c', parent: 'p', value: 0.3, suppressed: false },
  { code: 'd', name: 'd', parent: 'p', value: null, suppressed: true },
  { code: 'e', name: 'e', parent: 'q', value: 0.9, suppressed: false },
];

describe('siblingRank', () => {
  it('ranks among siblings only, ties share the better rank', () => {
    expect(siblingRank(rows, 'a', true)).toEqual({ rank: 1, of: 3 });
    expect(siblingRank(rows, 'c', true)).toEqual({ rank: 1, of: 3 });
    expect(siblingRank(rows, 'b', true)).toEqual({ rank: 3, of: 3 });
    expect(siblingRank(rows, 'b', false)).toEqual({ rank: 1, of: 3 });
    expect(siblingRank(rows, 'd', true)).toBeNull();
  });
});
