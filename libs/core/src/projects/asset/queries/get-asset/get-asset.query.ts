import { Actor } from '@dailies/events';

export class GetAssetQuery {
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
  ) {}
}
