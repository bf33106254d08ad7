import { DynamicModule, Global, Module } from '@nestjs/common';
import { EventRegistry } from './event-registry';
import { ConsumerDirectory } from './runtime/consumer-directory';
import { ProcessedEvents } from './runtime/processed-events';
import { EVENT_REGISTRY, UnitOfWork } from './unit-of-work';

/**
 * Typed events and the unit of work (transaction + outbox). The consumer directory lives here,
 * empty unless EventRuntimeModule (or a test) fills it, because UnitOfWork writes each event's
 * delivery rows inside the command's transaction.
 */
@Global()
@Module({})
export class EventsModule {
  static forRoot(registry: EventRegistry): DynamicModule {
    return {
      module: EventsModule,
      providers: [
        { provide: EVENT_REGISTRY, useValue: registry },
        UnitOfWork,
        ConsumerDirectory,
        ProcessedEvents,
      ],
      exports: [EVENT_REGISTRY, UnitOfWork, ConsumerDirectory, ProcessedEvents],
    };
  }
}
