import { SORT_STEP, sortKeyBetween } from './sibling-order';

describe('sibling order keys', () => {
  it('appends one step after the last sibling, or at one step in an empty folder', () => {
    expect(sortKeyBetween(null, null)).toBe(SORT_STEP);
    expect(sortKeyBetween(5n * SORT_STEP, null)).toBe(6n * SORT_STEP);
  });

  it('takes the midpoint between two neighbours', () => {
    expect(sortKeyBetween(1024n, 2048n)).toBe(1536n);
    expect(sortKeyBetween(10n, 13n)).toBe(11n);
  });

  it('places before the first sibling between zero and it', () => {
    expect(sortKeyBetween(null, 1024n)).toBe(512n);
    expect(sortKeyBetween(null, 2n)).toBe(1n);
  });

  it('asks for a renumbering when no integer fits', () => {
    expect(sortKeyBetween(7n, 8n)).toBeNull();
    expect(sortKeyBetween(null, 1n)).toBeNull();
    // Migrated rows may all share one key; ties need a renumbering too.
    expect(sortKeyBetween(0n, 0n)).toBeNull();
    expect(sortKeyBetween(null, 0n)).toBeNull();
  });

  it('runs out of gap only after about log2(step) inserts at the same place', () => {
    let after = SORT_STEP;
    let inserts = 0;
    for (let key = sortKeyBetween(null, after); key !== null; key = sortKeyBetween(null, after)) {
      after = key;
      inserts += 1;
    }
    expect(inserts).toBe(10);
  });
});
