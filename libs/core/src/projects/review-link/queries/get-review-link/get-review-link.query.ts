import { Actor } from '@dailies/events';

export class GetReviewLinkQuery {
  constructor(
    readonly actor: Actor,
    readonly reviewLinkId: string,
  ) {}
}
