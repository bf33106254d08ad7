import { defineEvent } from '@dailies/events';
import { z } from 'zod';

// Events of the notification use cases: the subject is the user whose inbox or settings changed
// ({type: 'user', id}); they belong to no account.

/** The user marked `count` unread notifications read (`all`: through "mark all as read"). */
export class NotificationsRead extends defineEvent(
  'notification.read',
  1,
  z.object({ count: z.number().int().positive(), all: z.boolean() }),
) {}

/** The user replaced their notification preferences (`projectCount`: projects with overrides). */
export class NotificationPreferencesUpdated extends defineEvent(
  'notification.preferences_updated',
  1,
  z.object({ projectCount: z.number().int().nonnegative() }),
) {}

/**
 * The digest job recorded a digest e-mail for the user (subject): `count` notifications of the
 * window ending `windowEnd`, under the delivery key `deliveryKey` (sent after commit).
 */
export class NotificationDigestQueued extends defineEvent(
  'notification.digest_queued',
  1,
  z.object({
    cadence: z.enum(['hourly', 'daily']),
    windowEnd: z.string(),
    count: z.number().int().positive(),
    deliveryKey: z.string(),
  }),
) {}
