import { Notification } from '@dailies/db';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  read: boolean;
  readAt: Date | null;
  accountId: string | null;
  projectId: string | null;
  assetId: string | null;
  commentId: string | null;
  actorId: string | null;
  actorName: string;
  createdAt: Date;
}

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
