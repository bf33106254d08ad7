import { z } from 'zod';
import { v7 } from 'uuid';
import { Actor } from './actor';

export interface EventSubject {
  type: string;
  id: string;
}

export interface EventInit<P> {
  actor: Actor;
  subject: EventSubject;
  payload: P;
  accountId?: string | null;
  teamId?: string | null;
  projectId?: string | null;
  /** Set when loading a stored event; new events get a fresh UUIDv7 and the current time. */
  id?: string;
  occurredAt?: Date;
  requestId?: string | null;
  ip?: string | null;
}

/**
 * A typed fact about a change, raised by the domain. Concrete events come from `defineEvent`,
 * which binds a wire name (`comment.created`), a schema version and the payload's zod schema.
 */
export abstract class DomainEvent<P = unknown> {
  readonly id: string;
  readonly occurredAt: Date;
  readonly actor: Actor;
  readonly subject: EventSubject;
  readonly payload: P;
  readonly accountId: string | null;
  readonly teamId: string | null;
  readonly projectId: string | null;
  readonly requestId: string | null;
  readonly ip: string | null;

  constructor(init: EventInit<P>) {
    this.id = init.id ?? v7();
    this.occurredAt = init.occurredAt ?? new Date();
    this.actor = init.actor;
    this.subject = init.subject;
    this.payload = init.payload;
    this.accountId = init.accountId ?? null;
    this.teamId = init.teamId ?? null;
    this.projectId = init.projectId ?? null;
    this.requestId = init.requestId ?? null;
    this.ip = init.ip ?? null;
  }

  get eventName(): string {
    return (this.constructor as EventClass).eventName;
  }

  get schemaVersion(): number {
    return (this.constructor as EventClass).schemaVersion;
  }
}

/** Any concrete event class (its payload type erased, for registries and loaders). */
export interface EventClass {
  new (init: EventInit<never>): DomainEvent<unknown>;
  readonly eventName: string;
  readonly schemaVersion: number;
  readonly payloadSchema: z.ZodType;
}

export function defineEvent<const N extends string, S extends z.ZodType>(
  eventName: N,
  schemaVersion: number,
  payloadSchema: S,
) {
  if (!/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/.test(eventName)) {
    throw new Error(`Event names look like "comment.created", not "${eventName}"`);
  }
  return class extends DomainEvent<z.infer<S>> {
    static readonly eventName: N = eventName;
    static readonly schemaVersion = schemaVersion;
    static readonly payloadSchema = payloadSchema;
  };
}
