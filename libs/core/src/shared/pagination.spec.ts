import { DomainError } from './errors';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a cursor', () => {
    const id = '01a24894-1026-7764-a1db-98e244a73f97';
    const c = encodeCursor(['2026-01-01T00:00:00.000Z', id]);
    expect(decodeCursor(c, 2)).toEqual(['2026-01-01T00:00:00.000Z', id]);
    expect(decodeCursor(c, ['time', 'id'])).toEqual(['2026-01-01T00:00:00.000Z', id]);
  });

  it('rejects foreign cursors with a field error', () => {
    expect(() => decodeCursor('garbage!!', 2)).toThrow(DomainError);
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(/cursor/);
    // Hand-made keys of the right length but the wrong kinds never reach a query.
    const id = '01a24894-1026-7764-a1db-98e244a73f97';
    for (const key of [
      ['x', 'not-a-uuid'],
      ['x', id],
      [1e308, -1],
      ['\u0000', id],
    ])
      expect(() => decodeCursor(encodeCursor(key), ['time', 'id'])).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(['x']), 1)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor([Infinity]), ['number'])).toThrow(/cursor/);
  });

  it('cuts the extra row and points the cursor at the last item', () => {
    const page = toPage(
      [1, 2, 3],
      2,
      (n) => [n],
      (n) => n * 10,
    );
    expect(page.data).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor!, ['number'])).toEqual([2]);
    expect(
      toPage(
        [1, 2],
        2,
        (n) => [n],
        (n) => n,
      ).nextCursor,
    ).toBeNull();
  });
});
