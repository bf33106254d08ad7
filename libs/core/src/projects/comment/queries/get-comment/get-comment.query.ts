import { Actor } from '@dailies/events';

export class GetCommentQuery {
  constructor(
    readonly actor: Actor,
    readonly commentId: string,
  ) {}
}
