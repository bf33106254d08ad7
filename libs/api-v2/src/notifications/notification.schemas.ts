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

const kindSettingSchema = z
  .object({ inApp: z.boolean(), email: z.enum(emailCadences) })
  .meta({ id: 'NotificationKindSetting', description: 'In-app and e-mail choice for one kind' });

const kindSettingsSchema = z
  .object(
    Object.fromEntries(notificationKinds.map((kind) => [kind, kindSettingSchema])) as Record<
      (typeof notificationKinds)[number],
      typeof kindSettingSchema
    >,
  )
  .meta({ id: 'NotificationKindSettings', description: 'The choice for every kind' });

export const notificationPreferencesSchema = z
  .object({
    defaults: kindSettingsSchema,
    projects: z
      .record(z.string(), kindSettingsSchema)
      .meta({ description: 'Per project id: the settings that apply in that project' }),
  })
  .meta({ id: 'NotificationPreferences' });
sameShape<z.infer<typeof notificationPreferencesSchema>, NotificationPreferences>(true);
