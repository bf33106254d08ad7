import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { AssetView } from '../../views/asset.view';
import { Actor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListVersionsQuery extends Query<Page<AssetView>> {
  readonly page: PageRequest;
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
    page: unknown,
  ) {
    super();
    this.page = validate(pageRequestSchema, page);
  }
}
