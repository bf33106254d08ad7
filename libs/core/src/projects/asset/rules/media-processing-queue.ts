import { Injectable, Logger, Optional } from '@nestjs/common';
import { Jobs } from '@dailies/jobs';
import { z } from 'zod';
import { Db } from '../../../shared/db';

/** The job that processes one file version (defined in libs/platform, where ffmpeg runs). */
export const PROCESS_ASSET_MEDIA_JOB = 'process-asset-media';

export const processAssetMediaPayload = z.object({
  assetId: z.uuid(),
  version: z.number().int().min(1),
});
export type ProcessAssetMediaPayload = z.infer<typeof processAssetMediaPayload>;

/** The version segment of a version's storage keys: `assets/<assetId>/v<version>/<name>`. */
export const mediaVersionId = (version: number): string => `v${version}`;

/**
 * Enqueues processing in the caller's transaction: the job exists exactly when the upload's
 * completion commits, and its key (asset and version) makes a second request a no-op.
 */
@Injectable()
export class MediaProcessingQueue {
  private readonly log = new Logger('MediaProcessingQueue');

  // Optional: a process started with JOBS_ENABLED=false has no job engine; its files stay in
  // `transcoding` (and say so in the log) — run apps/cron beside it.
  constructor(@Optional() private readonly jobs?: Jobs) {}

  async request(tx: Db, payload: ProcessAssetMediaPayload): Promise<void> {
    if (!this.jobs) {
      this.log.warn(`no job engine here: asset ${payload.assetId} waits for processing`);
      return;
    }
    await this.jobs.enqueue(PROCESS_ASSET_MEDIA_JOB, processAssetMediaPayload.parse(payload), {
      tx,
      key: `${payload.assetId}:${mediaVersionId(payload.version)}`,
    });
  }
}
