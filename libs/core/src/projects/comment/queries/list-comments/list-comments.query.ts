import { Actor } from '@dailies/events';
import { z } from 'zod';
import { pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

/** `?sort=frame` (default: timeline order, comments without a frame last) or `?sort=time`. */
export const listCommentsParams = pageRequestSchema.extend({
  sort: z.enum(['frame', 'time']).default('frame'),
});

export class ListCommentsQuery {
  readonly params: z.infer<typeof listCommentsParams>;
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
    params: unknown,
  ) {
    this.params = validate(listCommentsParams, params);
  }
}
