import { EventClass, EventRegistry } from '@dailies/events';
import * as accountEvents from './accounts/events';
import * as auditEvents from './audit/events';
import * as notificationEvents from './notifications/events';
import * as operationEvents from './operations/events';
import * as projectEvents from './projects/events';
import * as usageEvents from './usage/events';

/** The one registry of every event the domain raises (wire name → class). */
export function createEventRegistry(): EventRegistry {
  const classes = [
    ...Object.values(accountEvents),
    ...Object.values(projectEvents),
    ...Object.values(notificationEvents),
    ...Object.values(auditEvents),
    ...Object.values(usageEvents),
    ...Object.values(operationEvents),
  ] as EventClass[];
  return new EventRegistry(classes);
}
