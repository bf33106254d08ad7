import { z } from 'zod';

/** Who caused a change. Recorded on every event; secrets never appear here. */
export const actorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), id: z.string(), apiTokenId: z.string().optional() }),
  // Staff acting on a customer give a reason (the Support Tool requires one for every action);
  // the audit log shows it to the customer's admins.
  z.object({
    type: z.literal('staff'),
    id: z.string(),
    email: z.string().optional(),
    reason: z.string().optional(),
  }),
  z.object({ type: z.literal('system'), name: z.string() }),
  z.object({
    type: z.literal('anonymous'),
    displayName: z.string(),
    reviewLinkId: z.string().optional(),
  }),
]);

export type Actor = z.infer<typeof actorSchema>;
export type UserActor = Extract<Actor, { type: 'user' }>;

export const systemActor = (name: string): Actor => ({ type: 'system', name });

export function actorUserId(actor: Actor): string | undefined {
  return actor.type === 'user' ? actor.id : undefined;
}
