import { Query } from '@nestjs/cqrs';
import type { NewComment } from '@dailies/legacy';
import { Actor } from '@dailies/events';

/** A live comment as /v1 shows it; whoever may see it (private ones: insiders only). */
export class GetLegacyCommentQuery extends Query<NewComment> {
  constructor(
    readonly actor: Actor,
    readonly commentId: string,
  ) {
    super();
  }
}
