import { Actor } from '@dailies/events';
import { z } from 'zod';
import { pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export const searchProjectInput = pageRequestSchema.extend({
  q: z.string().trim().min(1, 'must not be empty').max(200),
});

/**
 * Search a project's live asset names and comment texts. The input is validated by the handler
 * after the access check, so that a project the caller cannot see is a 404 whatever they send.
 */
export class SearchProjectQuery {
  constructor(
    readonly actor: Actor,
    readonly projectId: string,
    readonly query: unknown,
  ) {}

  input(): z.infer<typeof searchProjectInput> {
    return validate(searchProjectInput, this.query);
  }
}
