import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { CommentThreadView } from '../../views/comment.view';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

/** `?sort=frame` (default: timeline order, comments without a frame last) or `?sort=time`. */
export const listCommentsParams = pageRequestSchema.extend({
  sort: z.enum(['frame', 'time']).default('frame'),
});

export class ListCommentsQuery extends Query<Page<CommentThreadView>> {
  readonly params: z.infer<typeof listCommentsParams>;
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
    params: unknown,
  ) {
    super();
    this.params = validate(listCommentsParams, params);
  }
}
