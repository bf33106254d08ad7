import { Query } from '@nestjs/cqrs';
import type { Page } from '@dailies/core';
import type { CommentThreadView } from '@dailies/core/read-support';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '@dailies/core';
import { batchIdsSchema, batchPageSchema } from '../batch-page';

export const loadCommentThreadsInput = batchPageSchema.extend({
  sort: z.enum(['frame', 'time']).default('frame'),
});

/**
 * The comment threads of many assets at once, each a page exactly as GET
 * /v2/assets/{id}/comments (a stack's are its head version's; private ones for insiders only);
 * an empty page for a folder or an asset the caller may not see.
 */
export class LoadCommentThreadsQuery extends Query<Page<CommentThreadView>[]> {
  readonly assetIds: string[];
  readonly input: z.infer<typeof loadCommentThreadsInput>;
  constructor(
    readonly actor: Actor,
    assetIds: readonly string[],
    input: unknown,
  ) {
    super();
    this.assetIds = validate(batchIdsSchema, assetIds);
    this.input = validate(loadCommentThreadsInput, input);
  }
}
