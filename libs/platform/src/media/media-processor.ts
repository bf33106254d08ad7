import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { from, lastValueFrom, mergeMap, toArray } from 'rxjs';
import { CommandBus } from '@nestjs/cqrs';
import {
  BeginAssetProcessingCommand,
  mediaVersionId,
  PROCESS_ASSET_MEDIA_JOB,
  ProcessAssetMediaPayload,
  ProcessedFacts,
  RecordAssetProcessedCommand,
  RecordAssetProcessingFailedCommand,
  StoredOutput,
} from '@dailies/core';
import { systemActor } from '@dailies/events';
import {
  MediaBinaries,
  MediaFacts,
  MediaFiles,
  MediaProcessingError,
  processMedia,
} from '@dailies/media';
import { MEDIA_BINARIES } from './media-binaries.token';

export interface ProcessingTry {
  /** Aborted when the job's timeout passes: ffmpeg is killed. */
  signal: AbortSignal;
  /** No retry follows this try: a failure is recorded as the file's final state. */
  lastTry: boolean;
}

export type ProcessingOutcome = 'ready' | 'failed' | 'skipped';

export function processedFactsOf(facts: MediaFacts): ProcessedFacts {
  return {
    durationSeconds: facts.durationSeconds,
    frameRate: facts.video?.frameRate ?? null,
    frameCount: facts.video?.frameCount ?? null,
    width: facts.video?.width ?? null,
    height: facts.video?.height ?? null,
    videoCodec: facts.video?.codec ?? null,
    audioCodec: facts.audio?.codec ?? null,
    audioChannels: facts.audio?.channels ?? null,
    raw: facts,
  };
}

/**
 * One try of processing one file version: fetch the original into a scratch folder, run
 * libs/media, store each output under its fixed key (a retry overwrites), then record the facts
 * (ready) through the domain. A permanent failure (not media) or the last try's failure is
 * recorded as `failed` with the reason; anything else is thrown for the job engine to retry.
 */
/** Outputs stored at once: enough to hide S3 round trips, few enough for a small worker. */
const STORE_CONCURRENCY = 8;

@Injectable()
export class MediaProcessor {
  private readonly log = new Logger('MediaProcessor');

  constructor(
    private readonly commands: CommandBus,
    private readonly files: MediaFiles,
    @Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries,
  ) {}

  async process(
    payload: ProcessAssetMediaPayload,
    attempt: ProcessingTry,
  ): Promise<ProcessingOutcome> {
    const actor = systemActor(PROCESS_ASSET_MEDIA_JOB);
    const begin = await this.commands.execute(new BeginAssetProcessingCommand(actor, payload));
    if (!begin.process) return 'skipped';
    const versionId = mediaVersionId(payload.version);
    const work = await mkdtemp(path.join(tmpdir(), 'dailies-media-'));
    try {
      const original = path.join(work, 'original');
      await this.files.fetchOriginal(payload.assetId, versionId, original);
      const { facts, outputs } = await processMedia(
        this.binaries,
        original,
        path.join(work, 'out'),
        { signal: attempt.signal },
      );
      // Several at a time (an hour of HLS is ~600 segments), recorded in processing's order.
      const stored: StoredOutput[] = new Array<StoredOutput>(outputs.length);
      await lastValueFrom(
        from(outputs.map((output, index) => ({ output, index }))).pipe(
          mergeMap(async ({ output, index }) => {
            const { key, size } = await this.files.storeOutput(
              payload.assetId,
              versionId,
              output.name,
              output.path,
              output.contentType,
            );
            stored[index] = {
              kind: output.kind,
              name: output.name,
              key,
              contentType: output.contentType,
              size,
            };
          }, STORE_CONCURRENCY),
          toArray(),
        ),
      );
      const { recorded } = await this.commands.execute(
        new RecordAssetProcessedCommand(actor, {
          ...payload,
          facts: processedFactsOf(facts),
          outputs: stored,
        }),
      );
      return recorded ? 'ready' : 'skipped';
    } catch (error) {
      const permanent = error instanceof MediaProcessingError && error.permanent;
      if (!permanent && !attempt.lastTry) throw error;
      const reason =
        error instanceof MediaProcessingError ? error.reason : 'Processing failed unexpectedly';
      if (!(error instanceof MediaProcessingError)) this.log.error(error);
      await this.commands.execute(
        new RecordAssetProcessingFailedCommand(actor, { ...payload, reason }),
      );
      return 'failed';
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}
