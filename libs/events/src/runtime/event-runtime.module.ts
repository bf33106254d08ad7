import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { EventConsumer } from './consumer';
import { Consumer } from './consumer.decorator';
import { ConsumerDirectory } from './consumer-directory';
import { DeadLetters } from './dead-letters';
import { EventReplay } from './event-replay';
import { EventRuntime } from './event-runtime';
import { EVENT_RUNTIME_OPTIONS, EventRuntimeOptions } from './event-runtime-options';
import { EventRuntimeStats } from './event-runtime-stats';

const CONSUMER_DISCOVERY = Symbol('CONSUMER_DISCOVERY');

/**
 * The consumer runtime, once per process (next to EventsModule and after DatabaseModule in the
 * root module's imports, so that it shuts down before the database connections close). It runs
 * every provider marked `@Consumer()`, in whichever module it is declared.
 */
@Global()
@Module({})
export class EventRuntimeModule {
  static forRoot(options: EventRuntimeOptions = {}): DynamicModule {
    return {
      module: EventRuntimeModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: EVENT_RUNTIME_OPTIONS, useValue: options },
        {
          // Read when first needed (the first commit or the runtime's start): by then Nest has
          // created every provider, whatever the order of modules.
          provide: CONSUMER_DISCOVERY,
          inject: [DiscoveryService, ConsumerDirectory],
          useFactory: (discovery: DiscoveryService, directory: ConsumerDirectory) => {
            directory.addSource(() => discoverConsumers(discovery));
            return true;
          },
        },
        EventRuntime,
        DeadLetters,
        EventReplay,
        EventRuntimeStats,
      ],
      exports: [EventRuntime, DeadLetters, EventReplay, EventRuntimeStats],
    };
  }
}

function discoverConsumers(discovery: DiscoveryService): EventConsumer[] {
  return discovery.getProviders({ metadataKey: Consumer.KEY }).map((wrapper) => {
    const instance = wrapper.instance as EventConsumer | undefined;
    if (!wrapper.isDependencyTreeStatic() || !instance || typeof instance.handle !== 'function') {
      throw new Error(
        `@Consumer() ${wrapper.name}: must be a singleton implementing EventConsumer`,
      );
    }
    return instance;
  });
}
