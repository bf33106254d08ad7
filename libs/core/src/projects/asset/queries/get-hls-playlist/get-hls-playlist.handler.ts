import { text } from 'node:stream/consumers';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { ObjectStorage, StorageSettings } from '@dailies/storage';
import { outputsIn } from '../../rules/asset-media-urls';
import { rewriteHlsPlaylist } from '../../rules/hls-playlist';
import { GetHlsPlaylistQuery } from './get-hls-playlist.query';

@QueryHandler(GetHlsPlaylistQuery)
export class GetHlsPlaylistHandler implements IQueryHandler<GetHlsPlaylistQuery, string | null> {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(ObjectStorage) private readonly storage: ObjectStorage,
    @Inject(StorageSettings) private readonly settings: StorageSettings,
  ) {}

  async execute({ fileId }: GetHlsPlaylistQuery): Promise<string | null> {
    const file = await this.prisma.asset.findFirst({
      where: { id: fileId, type: 'file', deletedAt: null },
      select: { media: true },
    });
    const outputs = outputsIn(file?.media ?? null);
    const playlist = outputs.find((o) => o.kind === 'hls_playlist');
    if (!playlist) return null;
    const stored = await text(await this.storage.getObject(playlist.key));
    const segments = outputs.filter((o) => o.kind === 'hls_segment');
    const urls = new Map(
      await Promise.all(
        segments.map(
          async (s) =>
            [
              s.name,
              (
                await this.storage.presignGet(s.key, {
                  expiresInSeconds: this.settings.urlTtlSeconds,
                })
              ).url,
            ] as const,
        ),
      ),
    );
    return rewriteHlsPlaylist(stored, (name) => urls.get(name));
  }
}
