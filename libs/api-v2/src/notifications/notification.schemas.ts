import {
  emailCadences,
  NotificationPage,
  NotificationPreferences,
  notificationKinds,
  notificationViewSchema,
  UnreadCountView,
} from '@dailies/core';
import { z } from 'zod';
import { sameShape } from '../view-schema-kit';

// Answers of /v2/me/notification* beyond the notification view. Their types live with the
// notification use cases; the compile-time proofs keep these documented shapes equal to them.

export const notificationPageSchema = z
  .object({
    data: z.array(notificationViewSchema),
    nextCursor: z.string().nullable(),
    unreadCount: z.int(),
  })
  .meta({ id: 'NotificationPage', description: 'A page of the inbox, with the unread count' });
sameShape<z.infer<typeof notificationPageSchema>, NotificationPage>(true);

export const unreadCountViewSchema = z
  .object({ unreadCount: z.int() })
  .meta({ id: 'UnreadCountView' });
sameShape<z.infer<typeof unreadCountViewSchema>, UnreadCountView>(true);

const kindSettingsSchema = z
  .object(
    Object.fromEntries(
      notificationKinds.map((kind) => [
        kind,
        z.object({ inApp: z.boolean(), email: z.enum(emailCadences) }),
      ]),
    ) as Record<
      (typeof notificationKinds)[number],
      z.ZodObject<{
        inApp: z.ZodBoolean;
        email: z.ZodEnum<{ [K in (typeof emailCadences)[number]]: K }>;
      }>
    >,
  )
  .meta({ id: 'NotificationKindSettings', description: 'In-app and e-mail choice per kind' });

export const notificationPreferencesSchema = z
  .object({
    defaults: kindSettingsSchema,
    projects: z
      .record(z.string(), kindSettingsSchema)
      .meta({ description: 'Per project id: the settings that apply in that project' }),
  })
  .meta({ id: 'NotificationPreferences' });
sameShape<z.infer<typeof notificationPreferencesSchema>, NotificationPreferences>(true);
