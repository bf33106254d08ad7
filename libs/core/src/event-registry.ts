import { EventClass, EventRegistry } from '@dailies/events';
import * as accountEvents from './accounts/events';
import * as auditEvents from './audit/events';
import * as notificationEvents from './notifications/events';
import * as operationEvents from './operations/events';
import * as projectEvents from './projects/events';
import * as staffEvents from './staff/events';
import * as usageEvents from './usage/events';

type EventClassesOf<M> = Extract<M[keyof M], EventClass>;

/** Every event class the domain raises. */
export type DomainEventClass =
  | EventClassesOf<typeof accountEvents>
  | EventClassesOf<typeof projectEvents>
  | EventClassesOf<typeof notificationEvents>
  | EventClassesOf<typeof auditEvents>
  | EventClassesOf<typeof usageEvents>
  | EventClassesOf<typeof operationEvents>
  | EventClassesOf<typeof staffEvents>;

/** The wire name of every event the domain raises, as a union of literals. */
export type EventName = DomainEventClass['eventName'];

/** The one registry of every event the domain raises (wire name → class). */
export function createEventRegistry(): EventRegistry {
  const classes = [
    ...Object.values(accountEvents),
    ...Object.values(projectEvents),
    ...Object.values(notificationEvents),
    ...Object.values(auditEvents),
    ...Object.values(usageEvents),
    ...Object.values(operationEvents),
    ...Object.values(staffEvents),
  ] as EventClass[];
  return new EventRegistry(classes);
}
