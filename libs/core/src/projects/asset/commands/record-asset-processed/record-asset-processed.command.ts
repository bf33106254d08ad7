import { Command } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import { z } from 'zod';
import { validate } from '../../../../shared/validate';
import { processedFactsSchema, storedOutputSchema } from '../../rules/media-facts-input';
import { processAssetMediaPayload } from '../../rules/media-processing-queue';

export const recordAssetProcessedInput = processAssetMediaPayload.extend({
  facts: processedFactsSchema,
  outputs: z.array(storedOutputSchema),
});

/** Processing finished: keep the facts and output keys, and the file is ready. */
export class RecordAssetProcessedCommand extends Command<{ recorded: boolean }> {
  readonly input: z.infer<typeof recordAssetProcessedInput>;
  constructor(
    readonly actor: Actor,
    input: unknown,
  ) {
    super();
    this.input = validate(recordAssetProcessedInput, input);
  }
}
