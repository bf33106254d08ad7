import { DynamicModule, Global, Module } from '@nestjs/common';
import { EventRegistry } from './event-registry';
import { EVENT_REGISTRY, UnitOfWork } from './unit-of-work';

@Global()
@Module({})
export class EventsModule {
  static forRoot(registry: EventRegistry): DynamicModule {
    return {
      module: EventsModule,
      providers: [{ provide: EVENT_REGISTRY, useValue: registry }, UnitOfWork],
      exports: [EVENT_REGISTRY, UnitOfWork],
    };
  }
}
