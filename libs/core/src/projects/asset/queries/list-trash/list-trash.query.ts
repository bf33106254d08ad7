import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/pagination';
import type { TrashedAssetView } from '../../views/asset.view';
import { Actor } from '@dailies/events';
import { PageRequest, pageRequestSchema } from '../../../../shared/pagination';
import { validate } from '../../../../shared/validate';

export class ListTrashQuery extends Query<Page<TrashedAssetView>> {
  readonly page: PageRequest;
  constructor(
    readonly actor: Actor,
    readonly projectId: string,
    page: unknown,
  ) {
    super();
    this.page = validate(pageRequestSchema, page);
  }
}
