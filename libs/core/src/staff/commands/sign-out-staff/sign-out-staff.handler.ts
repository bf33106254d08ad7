import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { StaffSignedOut } from '../../staff.events';
import { SignOutStaffCommand } from './sign-out-staff.command';

@CommandHandler(SignOutStaffCommand)
export class SignOutStaffHandler implements ICommandHandler<SignOutStaffCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, sessionId }: SignOutStaffCommand): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const { count } = await tx.staffSession.updateMany({
        where: { id: sessionId, staffUserId: actor.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (count > 0)
        events.record(
          new StaffSignedOut({
            actor,
            subject: { type: 'staff', id: actor.id },
            payload: { sessionId },
          }),
        );
    });
  }
}
