import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { validate } from '../../../../shared/validate';
import {
  processAssetMediaPayload,
  ProcessAssetMediaPayload,
} from '../../rules/media-processing-queue';

export interface BeginAssetProcessingResult {
  /** false: nothing to do (trashed, purged, already processed or failed, a stale request). */
  process: boolean;
  attempts: number;
}

/** A processing job's try starts: count it, and say whether the file still waits for it. */
export class BeginAssetProcessingCommand extends Command<BeginAssetProcessingResult> {
  readonly input: ProcessAssetMediaPayload;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(processAssetMediaPayload, input);
  }
}
