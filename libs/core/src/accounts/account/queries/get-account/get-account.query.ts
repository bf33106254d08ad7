import { Actor } from '@dailies/events';

export class GetAccountQuery {
  constructor(
    readonly actor: Actor,
    readonly accountId: string,
  ) {}
}
