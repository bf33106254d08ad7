import path from 'node:path';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '@dailies/config';
import { LocalMediaFiles, MediaBinaries, mediaBinaries, MediaFiles } from '@dailies/media';
import type { PlatformConfig } from '../platform.config';
import { MEDIA_BINARIES } from './media-binaries.token';
import { MediaProcessor } from './media-processor';

/**
 * What the processing job needs: the binaries, where originals and outputs live (a local folder,
 * MEDIA_DIR under DATA_DIR, until object storage is plugged in behind `MediaFiles`), and the
 * processor. Global so the job engine resolves them from any module.
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
      inject: [APP_CONFIG],
      useFactory: (config: PlatformConfig): MediaFiles =>
        new LocalMediaFiles(path.resolve(config.dataDir, config.MEDIA_DIR)),
    },
    MediaProcessor,
  ],
  exports: [MEDIA_BINARIES, MediaFiles, MediaProcessor],
})
export class MediaProcessingModule {}
