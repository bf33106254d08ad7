import type { FastifyRequest } from 'fastify';
import type { Actor } from '@dailies/events';
import type { StaffSession } from '@dailies/core';

/** What the guard attaches to a request of a signed-in staff member. */
export type StaffRequest = FastifyRequest & { staffSession?: StaffSession };

/** The staff actor of the request (guarded routes only). */
export function staffOf(request: FastifyRequest): StaffSession {
  const session = (request as StaffRequest).staffSession;
  if (!session) throw new Error('No staff session on a guarded route');
  return session;
}

/**
 * The actor for an action on a customer: every action carries the reason the staff member gave
 * (validated by the command or by `requireReason`), which the audit log shows the customer.
 */
export function staffActor(request: FastifyRequest, reason?: string): Actor {
  const { staff } = staffOf(request);
  return {
    type: 'staff',
    id: staff.id,
    email: staff.email,
    ...(reason ? { reason } : {}),
  };
}
