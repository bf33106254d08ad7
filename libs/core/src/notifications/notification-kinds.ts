/**
 * Why someone hears about a change. The consumer picks one kind per person and event (the most
 * specific: a mention beats a reply, a reply beats a plain comment); preferences are per kind.
 */
export const notificationKinds = [
  'comment',
  'reply',
  'mention',
  'review_comment',
  'upload',
  'version',
  'label',
  'added_to_project',
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (notificationKinds as readonly string[]).includes(value);
}
