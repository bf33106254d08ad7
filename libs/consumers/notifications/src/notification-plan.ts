import { NotificationKind } from '@dailies/core';

export interface NotificationText {
  title: string;
  body: string | null;
}

/** Who should hear about one event, and what to tell them (before access and preferences). */
export interface NotificationPlan {
  projectId: string;
  accountId: string | null;
  assetId: string | null;
  commentId: string | null;
  /** The actor as shown; `id` (a user) never hears about their own doing. */
  actor: { id: string | null; name: string };
  /** Only members of the project's account may hear (private comments). */
  insidersOnly: boolean;
  /** One kind per person: the most specific reason wins (see addRecipients). */
  recipients: Map<string, NotificationKind>;
  text(kind: NotificationKind): NotificationText;
}

const precedence: Partial<Record<NotificationKind, number>> = {
  mention: 4,
  reply: 3,
  review_comment: 2,
  comment: 1,
};

/** Adds people for a reason, keeping the stronger reason of someone already added. */
export function addRecipients(
  recipients: Map<string, NotificationKind>,
  userIds: readonly (string | null | undefined)[],
  kind: NotificationKind,
): void {
  for (const id of userIds) {
    if (!id) continue;
    const current = recipients.get(id);
    if (!current || (precedence[kind] ?? 0) > (precedence[current] ?? 0)) recipients.set(id, kind);
  }
}
