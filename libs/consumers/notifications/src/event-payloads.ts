import { DomainEvent } from '@dailies/events';
import { z } from 'zod';

// The fields of each event this consumer reads, checked on the way in: if the catalogue changes a
// payload, the planner's tests fail (and in production the delivery fails loudly and is
// dead-lettered, to be replayed once fixed) instead of notifying the wrong people.

const id = z.string().min(1);

export const commentCreatedPayload = z.object({
  assetId: id,
  parentId: id.nullable(),
  authorId: id.nullable(),
  authorName: z.string(),
  reviewLinkId: id.nullable(),
  private: z.boolean(),
  mentions: z.array(id),
  textExcerpt: z.string(),
});

export const uploadCompletedPayload = z.object({ status: z.string() });

export const assetVersionedPayload = z.object({
  stackId: id,
  versionAssetId: id,
  version: z.number().int(),
});

export const labelChangedPayload = z.object({ to: z.string() });

export const collaboratorAddedPayload = z.object({ userId: id, role: z.string() });

export class UnreadablePayloadError extends Error {}

export function readPayload<S extends z.ZodType>(schema: S, event: DomainEvent): z.infer<S> {
  const parsed = schema.safeParse(event.payload);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new UnreadablePayloadError(`notifications cannot read ${event.eventName}: ${detail}`);
  }
  return parsed.data;
}

/** The project an event belongs to; every event this consumer handles has one. */
export function projectIdOf(event: DomainEvent): string {
  if (!event.projectId) {
    throw new UnreadablePayloadError(`notifications: ${event.eventName} has no projectId`);
  }
  return event.projectId;
}
