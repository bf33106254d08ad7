import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid, newId } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { conflict, notFound } from '../../../shared/errors';
import { accountIdsOfUser } from '../../rules/accounts-of-user';
import { requireStaff } from '../../rules/staff-policy';
import { ViewAsStarted } from '../../staff.events';
import { StartViewAsCommand } from './start-view-as.command';

/**
 * A grant ties the staff member, the customer and the reason together and expires on its own.
 * Staff cannot be targeted: a user whose e-mail is a staff member's is refused, so nobody uses
 * "view as" to look through another staff member's customer account.
 */
@CommandHandler(StartViewAsCommand)
export class StartViewAsHandler implements ICommandHandler<StartViewAsCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, input }: StartViewAsCommand) {
    const staff = requireStaff(actor);
    if (!isUuid(input.userId)) throw notFound('User');
    return this.uow.run(async (tx, events) => {
      const user = await tx.user.findUnique({ where: { id: input.userId } });
      if (!user) throw notFound('User');
      if (await tx.staffUser.findUnique({ where: { email: user.email } }))
        throw conflict('Staff members cannot be viewed as', 'view_as_staff_refused');
      const expiresAt = new Date(Date.now() + input.minutes * 60_000);
      const grant = await tx.staffViewAsGrant.create({
        data: {
          id: newId(),
          staffUserId: staff.id,
          userId: user.id,
          reason: input.reason,
          expiresAt,
        },
      });
      for (const accountId of await accountIdsOfUser(tx, user.id))
        events.record(
          new ViewAsStarted({
            actor: { ...staff, reason: input.reason },
            accountId,
            subject: { type: 'user', id: user.id },
            payload: {
              grantId: grant.id,
              reason: input.reason,
              expiresAt: expiresAt.toISOString(),
            },
          }),
        );
      return { grantId: grant.id, expiresAt };
    });
  }
}
