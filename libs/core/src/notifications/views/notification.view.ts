import { Notification } from '@dailies/db';
import { z } from 'zod';
import { notificationKinds } from '../notification-kinds';

// The zod schema is the one definition of the shape: the type below and the OpenAPI document
// derive from it (dates leave as ISO-8601 strings in JSON).
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
export type NotificationView = z.infer<typeof notificationViewSchema>;

export function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    read: n.readAt !== null,
    readAt: n.readAt,
    accountId: n.accountId,
    projectId: n.projectId,
    assetId: n.assetId,
    commentId: n.commentId,
    actorId: n.actorId,
    actorName: n.actorName,
    createdAt: n.createdAt,
  };
}
