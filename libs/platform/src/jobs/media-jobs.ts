import { PROCESS_ASSET_MEDIA_JOB, processAssetMediaPayload } from '@dailies/core';
import { defineJob } from '@dailies/jobs';
import { MediaProcessor } from '../media/media-processor';

const RETRIES = 3;

/**
 * Processes one uploaded file version (enqueued by upload completion, in its transaction, keyed
 * by asset and version). Retries with backoff for transient failures; the last try records the
 * file as failed. Long timeout: an hour of 1080p takes a while on a small machine.
 */
export const processAssetMediaJob = defineJob(
  PROCESS_ASSET_MEDIA_JOB,
  processAssetMediaPayload,
  async (payload, ctx) => {
    await ctx.get(MediaProcessor).process(payload, {
      signal: ctx.signal,
      lastTry: ctx.attempt > RETRIES,
    });
  },
  {
    retries: RETRIES,
    backoff: { delaySeconds: 30, maxDelaySeconds: 600 },
    timeoutSeconds: 2 * 60 * 60,
  },
);
