import { Injectable } from '@nestjs/common';
import type { EventConsumer } from './consumer';
import { ConsumerSettings, resolveConsumerSettings, selects } from './consumer-settings';

export interface RegisteredConsumer {
  readonly consumer: EventConsumer;
  readonly settings: ConsumerSettings;
}

/**
 * Set while an event runtime runs in this process: UnitOfWork then writes new deliveries already
 * leased to it (no claim round trip on the fast path) and the runtime hands them to its consumers
 * straight from memory after commit.
 */
export interface FastPathLease {
  readonly owner: string;
  readonly leaseMs: number;
}

/**
 * Which consumers exist and which events each wants. UnitOfWork asks it, inside the command's
 * transaction, which delivery rows to write; the runtime asks it what to run. Consumers come
 * from `register` or from sources (EventRuntimeModule adds the `@Consumer()` providers), which
 * are read when first needed — after Nest has created every provider.
 */
@Injectable()
export class ConsumerDirectory {
  private readonly byName = new Map<string, RegisteredConsumer>();
  private readonly sources: (() => Iterable<EventConsumer>)[] = [];
  private readonly routes = new Map<string, readonly RegisteredConsumer[]>();
  private lease: FastPathLease | null = null;

  register(consumer: EventConsumer): RegisteredConsumer {
    if (this.lease) {
      // The running runtime has no worker for it, yet new deliveries would be leased to it.
      throw new Error(
        `Consumer "${consumer.options.name}" registered after the event runtime started`,
      );
    }
    const existing = this.byName.get(consumer.options.name);
    if (existing) {
      if (existing.consumer === consumer) return existing;
      throw new Error(`Two consumers are named "${consumer.options.name}"`);
    }
    const entry = { consumer, settings: resolveConsumerSettings(consumer.options) };
    this.byName.set(entry.settings.name, entry);
    this.routes.clear();
    return entry;
  }

  addSource(source: () => Iterable<EventConsumer>): void {
    this.sources.push(source);
  }

  all(): readonly RegisteredConsumer[] {
    this.readSources();
    return [...this.byName.values()];
  }

  get(name: string): RegisteredConsumer | undefined {
    this.readSources();
    return this.byName.get(name);
  }

  /** The consumers that get a delivery of an event with this name (cached per name). */
  subscribersOf(eventName: string): readonly RegisteredConsumer[] {
    this.readSources();
    let found = this.routes.get(eventName);
    if (!found) {
      found = [...this.byName.values()].filter((c) => selects(c.settings.events, eventName));
      this.routes.set(eventName, found);
    }
    return found;
  }

  get fastPath(): FastPathLease | null {
    return this.lease;
  }

  setFastPath(lease: FastPathLease | null): void {
    this.lease = lease;
  }

  private readSources(): void {
    while (this.sources.length > 0) {
      const source = this.sources.shift();
      for (const consumer of source?.() ?? []) this.register(consumer);
    }
  }
}
