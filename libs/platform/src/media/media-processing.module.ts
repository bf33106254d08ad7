import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '@dailies/config';
import { MediaBinaries, mediaBinaries, MediaFiles } from '@dailies/media';
import { ObjectStorage } from '@dailies/storage';
import type { PlatformConfig } from '../platform.config';
import { MEDIA_BINARIES } from './media-binaries.token';
import { MediaProcessor } from './media-processor';
import { StorageMediaFiles } from './storage-media-files';

/**
 * What the processing job needs: the binaries, where originals and outputs live (object storage,
 * S3 or the local store, behind the `MediaFiles` port), and the processor. Global so the job engine resolves them from any module.
 */
@Global()
@Module({
  providers: [
    {
      provide: MEDIA_BINARIES,
      inject: [APP_CONFIG],
      useFactory: (config: PlatformConfig): MediaBinaries => mediaBinaries(config),
    },
    {
      provide: MediaFiles,
      inject: [ObjectStorage],
      useFactory: (storage: ObjectStorage): MediaFiles => new StorageMediaFiles(storage),
    },
    MediaProcessor,
  ],
  exports: [MEDIA_BINARIES, MediaFiles, MediaProcessor],
})
export class MediaProcessingModule {}
