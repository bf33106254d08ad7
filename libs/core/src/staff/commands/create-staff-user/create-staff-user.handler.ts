import crypto from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hashPassword } from '@dailies/auth';
import { newId } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { conflict, forbidden } from '../../../shared/errors';
import { StaffUserCreated } from '../../staff.events';
import { newTotpSecret, totpUri } from '../../rules/totp';
import { StaffView, toStaffView } from '../../views/staff.view';
import { CreateStaffUserCommand } from './create-staff-user.command';

export interface CreatedStaffUser {
  staff: StaffView;
  /** Only when it was generated: shown once, never stored in clear. */
  generatedPassword: string | null;
  /** The otpauth:// URI to enrol in an authenticator app. */
  otpauthUri: string;
}

/** Only the CLI (a system actor, someone with shell access) or an admin creates staff. */
@CommandHandler(CreateStaffUserCommand)
export class CreateStaffUserHandler implements ICommandHandler<
  CreateStaffUserCommand,
  CreatedStaffUser
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: CreateStaffUserCommand): Promise<CreatedStaffUser> {
    if (actor.type !== 'system' && actor.type !== 'staff')
      throw forbidden('Only staff administrators create staff');
    const generatedPassword = input.password ? null : crypto.randomBytes(15).toString('base64url');
    const passwordHash = await hashPassword(input.password ?? generatedPassword!);
    const totpSecret = newTotpSecret();
    return this.uow.run(async (tx, events) => {
      if (actor.type === 'staff') {
        const me = await tx.staffUser.findUnique({ where: { id: actor.id } });
        if (me?.role !== 'admin') throw forbidden('Only staff administrators create staff');
      }
      if (await tx.staffUser.findUnique({ where: { email: input.email } }))
        throw conflict('A staff member with this e-mail exists', 'staff_email_taken');
      const row = await tx.staffUser.create({
        data: {
          id: newId(),
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          totpSecret,
        },
      });
      events.record(
        new StaffUserCreated({
          actor,
          subject: { type: 'staff', id: row.id },
          payload: { email: row.email, role: row.role },
        }),
      );
      return {
        staff: toStaffView(row),
        generatedPassword,
        otpauthUri: totpUri(totpSecret, row.email),
      };
    });
  }
}
