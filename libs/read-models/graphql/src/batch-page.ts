import { z } from 'zod';
import { MAX_PAGE_SIZE, Page } from '@dailies/core';

/** Page arguments shared by every parent of one batch (a GraphQL field's `first`/`after`). */
export const batchPageSchema = z.object({
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type BatchPage = z.infer<typeof batchPageSchema>;

export const emptyPage = <T>(): Page<T> => ({ data: [], nextCursor: null });

/** Ids must be a bounded list: one batch is one GraphQL tick's worth of parents. */
export const batchIdsSchema = z.array(z.string().max(200)).max(10_000);
