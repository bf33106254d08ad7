import { isUuid, newId } from './ids';

describe('newId', () => {
  it('makes version-7 UUIDs that sort by creation time', async () => {
    const first = newId();
    await new Promise((r) => setTimeout(r, 2));
    const second = newId();
    expect(isUuid(first)).toBe(true);
    expect(first[14]).toBe('7');
    expect(first < second).toBe(true);
  });

  it('tells uuids from other strings', () => {
    expect(isUuid('5f1c0c0c0c0c0c0c0c0c0c0c')).toBe(false);
    expect(isUuid('not-a-uuid')).toBe(false);
  });
});
