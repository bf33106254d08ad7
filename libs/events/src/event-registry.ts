import { z } from 'zod';
import { Actor, actorSchema } from './actor';
import { DomainEvent, EventClass } from './domain-event';

/** The stored form of an event (one row of the `events` outbox table). */
export interface StoredEvent {
  id: string;
  name: string;
  schemaVersion: number;
  occurredAt: Date;
  actor: unknown;
  accountId: string | null;
  teamId: string | null;
  projectId: string | null;
  subjectType: string;
  subjectId: string;
  payload: unknown;
  requestId: string | null;
  ip: string | null;
}

/** Turns an older stored payload into the current version's shape. */
export type Upcaster = (payload: unknown) => unknown;

export class EventValidationError extends Error {}

/**
 * The one map from wire names to event classes. It validates payloads on the way into the outbox
 * and on the way out, and upcasts stored payloads written by older schema versions.
 */
export class EventRegistry {
  private readonly byName = new Map<string, EventClass>();
  private readonly upcasters = new Map<string, Upcaster>();

  constructor(classes: EventClass[] = []) {
    for (const cls of classes) this.register(cls);
  }

  register(cls: EventClass): this {
    const existing = this.byName.get(cls.eventName);
    if (existing && existing !== cls)
      throw new Error(`Event "${cls.eventName}" is registered twice`);
    this.byName.set(cls.eventName, cls);
    return this;
  }

  /** `fromVersion` → `fromVersion + 1` for the event `name`. */
  registerUpcaster(name: string, fromVersion: number, upcast: Upcaster): this {
    this.upcasters.set(`${name}@${fromVersion}`, upcast);
    return this;
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  classFor(name: string): EventClass {
    const cls = this.byName.get(name);
    if (!cls) throw new EventValidationError(`Unknown event "${name}"`);
    return cls;
  }

  toStored(event: DomainEvent): StoredEvent {
    const name = event.eventName;
    const cls = this.classFor(name);
    if (!(event instanceof cls)) throw new EventValidationError(`"${name}" is not a ${cls.name}`);
    const payload = parse(cls.payloadSchema, event.payload, event.eventName);
    parse(actorSchema, event.actor, `${event.eventName} actor`);
    return {
      id: event.id,
      name: event.eventName,
      schemaVersion: cls.schemaVersion,
      occurredAt: event.occurredAt,
      actor: event.actor,
      accountId: event.accountId,
      teamId: event.teamId,
      projectId: event.projectId,
      subjectType: event.subject.type,
      subjectId: event.subject.id,
      payload,
      requestId: event.requestId,
      ip: event.ip,
    };
  }

  fromStored(row: StoredEvent): DomainEvent {
    const cls = this.classFor(row.name);
    let payload = row.payload;
    for (let v = row.schemaVersion; v < cls.schemaVersion; v++) {
      const upcast = this.upcasters.get(`${row.name}@${v}`);
      if (!upcast) throw new EventValidationError(`No upcaster for ${row.name} from version ${v}`);
      payload = upcast(payload);
    }
    if (row.schemaVersion > cls.schemaVersion) {
      throw new EventValidationError(
        `${row.name}@${row.schemaVersion} is newer than this code knows`,
      );
    }
    return new cls({
      id: row.id,
      occurredAt: row.occurredAt,
      actor: parse(actorSchema, row.actor, `${row.name} actor`) as Actor,
      subject: { type: row.subjectType, id: row.subjectId },
      payload: parse(cls.payloadSchema, payload, row.name) as never,
      accountId: row.accountId,
      teamId: row.teamId,
      projectId: row.projectId,
      requestId: row.requestId,
      ip: row.ip,
    });
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new EventValidationError(`Invalid ${what}: ${detail}`);
  }
  return result.data;
}
