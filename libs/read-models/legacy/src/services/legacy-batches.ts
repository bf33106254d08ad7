import { Page } from '@dailies/core';

/** Rows per keyset batch of a streamed /v1 list: memory stays flat, round trips stay few. */
export const LEGACY_BATCH_SIZE = 1000;

/**
 * Walks a paginated /v2 query page by page (its own policy decides what exists), handing each
 * page's ids to `load`. The first page is read before this returns, so a "not found" surfaces
 * before anything is streamed.
 */
export async function pagesOf<V extends { id: string }, T>(
  first: Page<V>,
  next: (cursor: string) => Promise<Page<V>>,
  load: (ids: string[]) => Promise<T[]>,
): Promise<AsyncIterable<T[]>> {
  return (async function* () {
    let page: Page<V> | null = first;
    while (page) {
      if (page.data.length > 0) yield await load(page.data.map((v) => v.id));
      page = page.nextCursor ? await next(page.nextCursor) : null;
    }
  })();
}
