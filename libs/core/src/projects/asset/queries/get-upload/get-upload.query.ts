import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { UploadView } from '../../views/upload.view';

/** The file's upload in progress: parts storage holds, fresh URLs for the rest (to resume). */
export class GetUploadQuery extends Query<UploadView> {
  constructor(
    readonly actor: Actor,
    readonly assetId: string,
  ) {
    super();
  }
}
