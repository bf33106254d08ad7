import { Actor } from '@dailies/events';

/** A live comment as /v1 shows it; whoever may see it (private ones: insiders only). */
export class GetLegacyCommentQuery {
  constructor(
    readonly actor: Actor,
    readonly commentId: string,
  ) {}
}
