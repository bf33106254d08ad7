import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';
import { processAssetMediaPayload } from '../../rules/media-processing-queue';

export const recordAssetProcessingFailedInput = processAssetMediaPayload.extend({
  reason: z.string().trim().min(1).max(1000),
});

/** Processing gave up on a file (unreadable, or out of tries): it is failed, with the reason. */
export class RecordAssetProcessingFailedCommand extends Command<{ recorded: boolean }> {
  readonly input: z.infer<typeof recordAssetProcessingFailedInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(recordAssetProcessingFailedInput, input);
  }
}
