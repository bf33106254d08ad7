/**
 * The `notifications` row also carries the content of its e-mail (notification_emails references
 * it), so a person who turned in-app off but still wants e-mail gets a row that the inbox must not
 * show. The schema has no flag for that; such rows are stored already "read" at this instant (the
 * epoch), which keeps them out of the unread count and out of "mark read" without extra work, and
 * the inbox list skips them explicitly.
 */
export const EMAIL_ONLY_READ_AT = new Date(0);
