import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { SearchHit } from '../../views/asset.view';
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
export class SearchProjectQuery extends Query<Page<SearchHit>> {
  constructor(
    readonly actor: Actor,
    readonly projectId: string,
    readonly query: unknown,
  ) {
    super();
  }

  input(): z.infer<typeof searchProjectInput> {
    return validate(searchProjectInput, this.query);
  }
}
