import { Actor } from '@dailies/events';

export class GetProjectQuery {
  constructor(
    readonly actor: Actor,
    readonly projectId: string,
  ) {}
}
