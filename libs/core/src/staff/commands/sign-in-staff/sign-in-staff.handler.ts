import crypto from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashToken, verifyPassword } from '@dailies/auth';
import { newId, PrismaService } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { DomainError, unauthenticated } from '../../../shared/errors';
import { STAFF_LOCK_MINUTES, STAFF_MAX_FAILURES } from '../../rules/staff-lockout';
import { totpStep } from '../../rules/totp';
import { StaffSignedIn, StaffSignInFailed } from '../../staff.events';
import { StaffView, toStaffView } from '../../views/staff.view';
import { SignInStaffCommand } from './sign-in-staff.command';

export interface StaffSignIn {
  staff: StaffView;
  sessionId: string;
  /** The session cookie's value: shown once, only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const BAD_CREDENTIALS = 'E-mail, password or code is incorrect';

/**
 * Staff sign-in: password and TOTP code together (one answer for every wrong part, so the
 * form reveals nothing), a code is never accepted twice, and repeated failures lock the staff
 * member out for a while (see staff-lockout.ts).
 */
@CommandHandler(SignInStaffCommand)
export class SignInStaffHandler implements ICommandHandler<SignInStaffCommand, StaffSignIn> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly uow: UnitOfWork,
  ) {}

  async execute({ input, options }: SignInStaffCommand): Promise<StaffSignIn> {
    const email = input.email.toLowerCase();
    const staff = await this.prisma.staffUser.findUnique({ where: { email } });
    const now = new Date();
    if (staff?.lockedUntil && staff.lockedUntil > now) {
      throw new DomainError('rate_limited', 'Too many failed sign-ins; try again later', {
        retryAfterSeconds: Math.ceil((staff.lockedUntil.getTime() - now.getTime()) / 1000),
      });
    }
    const password = await verifyPassword(input.password, staff?.passwordHash);
    const step = staff ? totpStep(staff.totpSecret, input.code, now.getTime()) : null;
    const replayed = step !== null && staff?.totpLastStep != null && step <= staff.totpLastStep;
    if (!staff || staff.disabledAt || !password.ok || step === null || replayed) {
      if (staff) await this.recordFailure(staff.id, options.ip);
      throw unauthenticated(BAD_CREDENTIALS);
    }

    const token = `dly_staff_${crypto.randomBytes(32).toString('base64url')}`;
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + options.sessionTtlSeconds * 1000);
    return this.uow.run(async (tx, events) => {
      const current = await tx.staffUser.update({
        where: { id: staff.id },
        data: { failedAttempts: 0, lockedUntil: null, lastSignInAt: now, totpLastStep: step },
      });
      const session = await tx.staffSession.create({
        data: {
          id: newId(),
          staffUserId: staff.id,
          tokenHash: hashToken(token),
          csrfToken,
          ip: options.ip ?? null,
          expiresAt,
        },
      });
      events.record(
        new StaffSignedIn({
          actor: { type: 'staff', id: staff.id, email: staff.email },
          subject: { type: 'staff', id: staff.id },
          payload: { sessionId: session.id },
          ip: options.ip ?? null,
        }),
      );
      return { staff: toStaffView(current), sessionId: session.id, token, csrfToken, expiresAt };
    });
  }

  private async recordFailure(staffId: string, ip?: string): Promise<void> {
    await this.uow.run(async (tx, events) => {
      // Counted in SQL so concurrent failures all count.
      let row = await tx.staffUser.update({
        where: { id: staffId },
        data: { failedAttempts: { increment: 1 } },
      });
      const failures = row.failedAttempts;
      if (failures >= STAFF_MAX_FAILURES) {
        row = await tx.staffUser.update({
          where: { id: staffId },
          data: {
            failedAttempts: 0,
            lockedUntil: new Date(Date.now() + STAFF_LOCK_MINUTES * 60_000),
          },
        });
      }
      events.record(
        new StaffSignInFailed({
          actor: { type: 'anonymous', displayName: 'staff sign-in' },
          subject: { type: 'staff', id: staffId },
          payload: {
            failedAttempts: failures,
            lockedUntil: row.lockedUntil?.toISOString() ?? null,
          },
          ip: ip ?? null,
        }),
      );
    });
  }
}
