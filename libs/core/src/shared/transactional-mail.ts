import { Inject, Injectable } from '@nestjs/common';
import { Tx } from '@dailies/db';
import {
  addedToProjectMail,
  emailVerificationMail,
  EmailOutbox,
  invitationMail,
  passwordResetMail,
  signUpAttemptMail,
} from '@dailies/email';

interface Recipient {
  id: string;
  email: string;
  name: string;
}

/**
 * The domain's transactional mail, recorded in the transaction that decides it (EmailOutbox:
 * one email_deliveries row under a unique key, sent after commit by the send loop). Each key
 * names its decision — the token or invitation it carries, the collaborator row it announces —
 * so a retried transaction records one mail, and a rolled-back one none.
 */
@Injectable()
export class TransactionalMail {
  constructor(@Inject(EmailOutbox) private readonly outbox: EmailOutbox) {}

  async emailVerification(tx: Tx, user: Recipient, tokenId: string, token: string): Promise<void> {
    await this.outbox.enqueue(tx, `email-verification:${tokenId}`, {
      kind: 'email-verification',
      to: user.email,
      userId: user.id,
      mail: emailVerificationMail({
        name: user.name,
        verifyUrl: this.outbox.links.emailVerification(token),
      }),
    });
  }

  async passwordReset(tx: Tx, user: Recipient, tokenId: string, token: string): Promise<void> {
    await this.outbox.enqueue(tx, `password-reset:${tokenId}`, {
      kind: 'password-reset',
      to: user.email,
      userId: user.id,
      mail: passwordResetMail({
        name: user.name,
        resetUrl: this.outbox.links.passwordReset(token),
      }),
    });
  }

  /**
   * Someone signed up with the address of an existing user: tell its owner. At most one such
   * mail an hour per user (the key names the hour), so repeated sign-ups cannot flood a mailbox.
   */
  async signUpAttempt(tx: Tx, user: Recipient, now = new Date()): Promise<void> {
    const hour = Math.floor(now.getTime() / 3_600_000);
    await this.outbox.enqueue(tx, `sign-up-attempt:${user.id}:${hour}`, {
      kind: 'sign-up-attempt',
      to: user.email,
      userId: user.id,
      mail: signUpAttemptMail({
        name: user.name,
        signInUrl: this.outbox.links.signIn(),
        forgotPasswordUrl: this.outbox.links.forgotPassword(),
      }),
    });
  }

  async invitation(
    tx: Tx,
    invitation: { id: string; email: string; expiresAt: Date },
    token: string,
    context: { inviterName: string; accountName: string },
    /** A resend names its new token's digest: one mail per link, however often it is resent. */
    resendOf?: string,
  ): Promise<void> {
    const key = resendOf
      ? `invitation:${invitation.id}:${resendOf}`
      : `invitation:${invitation.id}`;
    await this.outbox.enqueue(tx, key, {
      kind: 'invitation',
      to: invitation.email,
      mail: invitationMail({
        inviterName: context.inviterName,
        accountName: context.accountName,
        acceptUrl: this.outbox.links.invitation(token),
        expiresAt: invitation.expiresAt,
      }),
    });
  }

  async addedToProject(
    tx: Tx,
    user: Recipient,
    project: { id: string; name: string },
    role: string,
    actorName: string,
  ): Promise<void> {
    // One mail per collaborator row: removed and added again is a new decision (new created_at).
    const row = await tx.projectCollaborator.findUniqueOrThrow({
      where: { projectId_userId: { projectId: project.id, userId: user.id } },
      select: { createdAt: true },
    });
    await this.outbox.enqueue(
      tx,
      `added-to-project:${project.id}:${user.id}:${row.createdAt.getTime()}`,
      {
        kind: 'added-to-project',
        to: user.email,
        userId: user.id,
        mail: addedToProjectMail({
          actorName,
          projectName: project.name,
          role,
          projectUrl: this.outbox.links.project(project.id),
        }),
      },
    );
  }
}
