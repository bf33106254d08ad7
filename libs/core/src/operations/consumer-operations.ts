import { Injectable, Optional } from '@nestjs/common';
import { ConsumerDirectory, DeadLetters, EventReplay, EventRuntimeStats } from '@dailies/events';
import { DomainError, notFound } from '../shared/errors';

/**
 * The event runtime's operator tools, as the domain's commands reach them. They exist only where
 * the runtime runs (EventRuntimeModule); elsewhere the commands say so instead of failing oddly.
 */
@Injectable()
export class ConsumerOperations {
  constructor(
    private readonly directory: ConsumerDirectory,
    @Optional() readonly deadLetters?: DeadLetters,
    @Optional() readonly replay?: EventReplay,
    @Optional() readonly stats?: EventRuntimeStats,
  ) {}

  /** The named consumer must exist in this deployment. */
  requireConsumer(name: string): void {
    if (!this.directory.get(name)) throw notFound(`Consumer "${name}"`);
  }

  runtime(): { deadLetters: DeadLetters; replay: EventReplay; stats: EventRuntimeStats } {
    if (!this.deadLetters || !this.replay || !this.stats) {
      throw new DomainError('conflict', 'The event runtime does not run in this process', {
        featureCode: 'event_runtime_not_running',
      });
    }
    return { deadLetters: this.deadLetters, replay: this.replay, stats: this.stats };
  }
}
