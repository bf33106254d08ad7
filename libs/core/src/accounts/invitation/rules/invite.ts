import { generateToken, hashToken } from '@dailies/auth';
import { newId, Tx } from '@dailies/db';
import type { Invitation } from '@dailies/db';
import { Actor, EventRecorder } from '@dailies/events';
import { TransactionalMail } from '../../../shared/transactional-mail';
import { InvitationCreated } from '../invitation.events';

export interface InviteInput {
  accountId: string;
  email: string;
  /** The account role (a project invitation records 'member' and grants no membership). */
  role: 'admin' | 'member';
  teamId: string | null;
  /** A project invitation: the project role it grants, and the name the mail shows. */
  project?: { id: string; name: string; role: 'editor' | 'reviewer' | 'viewer' };
  inviterId: string;
  ttlDays: number;
}

/**
 * Records an invitation (only the token's digest is kept), its event and its mail, in the
 * caller's transaction. The same happens whoever owns the address — or nobody — so the answers
 * built from it cannot tell whether an address has a Dailies login.
 */
export async function invite(
  tx: Tx,
  events: EventRecorder,
  mail: TransactionalMail,
  actor: Actor,
  input: InviteInput,
): Promise<{ invitation: Invitation; token: string }> {
  const token = generateToken('inv');
  const invitation = await tx.invitation.create({
    data: {
      id: newId(),
      accountId: input.accountId,
      teamId: input.teamId,
      email: input.email,
      role: input.role,
      projectId: input.project?.id ?? null,
      projectRole: input.project?.role ?? null,
      tokenHash: hashToken(token),
      invitedById: input.inviterId,
      expiresAt: new Date(Date.now() + input.ttlDays * 86_400_000),
    },
  });
  events.record(
    new InvitationCreated({
      actor,
      accountId: invitation.accountId,
      teamId: invitation.teamId,
      projectId: invitation.projectId,
      subject: { type: 'invitation', id: invitation.id },
      payload: {
        email: invitation.email,
        role: input.role,
        teamId: invitation.teamId,
        expiresAt: invitation.expiresAt.toISOString(),
      },
    }),
  );
  const inviter = await tx.user.findUniqueOrThrow({
    where: { id: input.inviterId },
    select: { name: true },
  });
  const account = await tx.account.findUniqueOrThrow({
    where: { id: input.accountId },
    select: { name: true },
  });
  await mail.invitation(tx, invitation, token, {
    inviterName: inviter.name,
    accountName: input.project?.name ?? account.name,
  });
  return { invitation, token };
}
