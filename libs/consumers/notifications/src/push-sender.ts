import { Injectable } from '@nestjs/common';
import { NotificationKind } from '@dailies/core';

/** One in-app notification, as a push provider (APNs, FCM, web push…) would show it. */
export interface PushMessage {
  notificationId: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  projectId: string | null;
  assetId: string | null;
  commentId: string | null;
}

/**
 * Sends pushes for new in-app notifications. Best effort: called once, after the notifications
 * are stored; a failure is logged, never retried (a redelivered event finds them stored and
 * pushes nothing again).
 */
export interface PushSender {
  send(messages: readonly PushMessage[]): Promise<void>;
}

/** Nest token of the PushSender; bind a real provider in place of NoopPushSender. */
export const PUSH_SENDER = Symbol('PUSH_SENDER');

/** The default: no push provider is configured. */
@Injectable()
export class NoopPushSender implements PushSender {
  async send(): Promise<void> {
    // Nothing to send to.
  }
}
