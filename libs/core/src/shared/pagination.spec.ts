import { DomainError } from './errors';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a cursor', () => {
    const c = encodeCursor(['2026-01-01T00:00:00.000Z', 'abc']);
    expect(decodeCursor(c, 2)).toEqual(['2026-01-01T00:00:00.000Z', 'abc']);
  });

  it('rejects foreign cursors with a field error', () => {
    expect(() => decodeCursor('garbage!!', 2)).toThrow(DomainError);
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(/cursor/);
  });

  it('cuts the extra row and points the cursor at the last item', () => {
    const page = toPage(
      [1, 2, 3],
      2,
      (n) => [n],
      (n) => n * 10,
    );
    expect(page.data).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor!, 1)).toEqual([2]);
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
