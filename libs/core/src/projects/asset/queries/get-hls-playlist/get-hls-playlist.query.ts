import { Query } from '@nestjs/cqrs';

/**
 * A file's HLS playlist with presigned segment URLs; null when it has none (not processed, not a
 * video, gone to the trash). No actor: the caller has checked a signed link, which was handed out
 * only after an access check (GetAssetMedia, a review link's media).
 */
export class GetHlsPlaylistQuery extends Query<string | null> {
  constructor(readonly fileId: string) {
    super();
  }
}
