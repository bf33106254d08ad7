import {
  emailCadences,
  NotificationPage,
  NotificationPreferences,
  notificationKinds,
  NotificationView,
  UnreadCountView,
} from '@dailies/core';
import { z } from 'zod';
import { sameShape } from '../view-schema-kit';

// Response shapes of /v2/me/notification* (named components of the document).

export const notificationViewSchema = z
  .object({
    id: z.string(),
    kind: z.string().meta({ examples: [...notificationKinds] }),
    title: z.string(),
    body: z.string().nullable(),
    read: z.boolean(),
    readAt: z.date().nullable(),
    accountId: z.string().nullable(),
    projectId: z.string().nullable(),
    assetId: z.string().nullable(),
    commentId: z.string().nullable(),
    actorId: z.string().nullable(),
    actorName: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'NotificationView' });
sameShape<z.infer<typeof notificationViewSchema>, NotificationView>(true);

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
