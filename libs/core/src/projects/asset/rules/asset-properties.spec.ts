import { changedPropertyKeys } from './asset-properties';

describe('changed property keys', () => {
  it('lists added, removed and changed keys, sorted', () => {
    expect(
      changedPropertyKeys(
        { scene: 12, take: 3, camera: { lens: 35 } },
        { take: 3, camera: { lens: 50 }, reel: 'A' },
      ),
    ).toEqual(['camera', 'reel', 'scene']);
  });

  it('finds nothing when the objects are equal', () => {
    expect(changedPropertyKeys({ a: [1, 2], b: null }, { a: [1, 2], b: null })).toEqual([]);
  });
});
