import { defineEvent } from '@dailies/events';
import { z } from 'zod';

// Events of the review-link use cases: accountId, teamId, projectId and the subject
// {type: 'review_link', id}. Never the password nor its hash.

export class ReviewLinkCreated extends defineEvent(
  'review_link.created',
  1,
  z.object({
    name: z.string(),
    assetIds: z.array(z.string()),
    hasPassword: z.boolean(),
    expiresAt: z.string().nullable(),
  }),
) {}

/** `changes` names the fields that changed ("password" when it was set or removed). */
export class ReviewLinkUpdated extends defineEvent(
  'review_link.updated',
  1,
  z.object({ changes: z.array(z.string()) }),
) {}

export class ReviewLinkDeleted extends defineEvent(
  'review_link.deleted',
  1,
  z.object({ name: z.string() }),
) {}

/** The expiry job found the link past its `expiresAt` (raised once per expiry). */
export class ReviewLinkExpired extends defineEvent(
  'review_link.expired',
  1,
  z.object({ name: z.string(), expiresAt: z.string() }),
) {}
