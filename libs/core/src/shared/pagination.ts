import { z } from 'zod';
import { validationFailed } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

export const pageRequestSchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type PageRequest = z.infer<typeof pageRequestSchema>;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What a cursor position must hold: `id` a UUID (every keyset ends with one), `time` an ISO
 * timestamp, `number` a finite number, `any` a string or finite number. A hand-made cursor with
 * another value is a 400 here, before it can reach a query (where PostgreSQL would refuse it).
 */
export type CursorPart = 'id' | 'time' | 'number' | 'any';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function partIsValid(value: unknown, part: CursorPart): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && ['number', 'any'].includes(part);
  if (typeof value !== 'string' || value.length > 200 || value.includes('\u0000')) return false;
  if (part === 'id') return UUID.test(value);
  if (part === 'time') return /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value));
  return part === 'any';
}

/**
 * The key of a cursor this API returned. `shape` is the number of positions (the last one an id,
 * the others strings or numbers) or the kind of each position.
 */
export function decodeCursor(
  cursor: string | undefined,
  shape: number | readonly CursorPart[],
): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  const parts: readonly CursorPart[] =
    typeof shape === 'number'
      ? [...Array.from({ length: shape - 1 }, () => 'any' as const), 'id' as const]
      : shape;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length === parts.length &&
      key.every((value, index) => partIsValid(value, parts[index]))
    ) {
      return key as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw validationFailed(
    [{ field: 'cursor', message: 'is not a cursor this API returned' }],
    'The cursor is not valid',
  );
}

// A cursor per item, for transports whose lists continue after any item (GraphQL edges). Kept
// beside the page rather than in it, so REST answers stay `{data, nextCursor}`; encoded only when
// a transport asks (REST never does), so pages cost nothing extra on the hot path.
const itemCursors = new WeakMap<object, () => readonly string[]>();

/** Attaches a cursor for every item of the page (the same order as `data`). */
export function withItemCursors<P extends Page<unknown>>(
  page: P,
  cursors: readonly string[] | (() => readonly string[]),
): P {
  itemCursors.set(page, typeof cursors === 'function' ? cursors : () => cursors);
  return page;
}

/** The page's per-item cursors, when its query provided them. */
export function itemCursorsOf(page: Page<unknown>): readonly string[] | undefined {
  return itemCursors.get(page)?.();
}

/** Fetch `limit + 1` rows, then cut: the extra row tells whether there is a next page. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  key: (row: R) => (string | number)[],
  map: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return withItemCursors(
    {
      data: items.map(map),
      nextCursor: hasMore ? encodeCursor(key(items[items.length - 1])) : null,
    },
    () => items.map((item) => encodeCursor(key(item))),
  );
}
