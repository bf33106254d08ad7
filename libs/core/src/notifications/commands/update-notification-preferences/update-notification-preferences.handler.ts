import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@dailies/events';
import { NotificationPreferencesUpdated } from '../../events';
import {
  effectivePreferences,
  NotificationPreferences,
} from '../../preferences/notification-preferences';
import { UpdateNotificationPreferencesCommand } from './update-notification-preferences.command';

/**
 * Stores the document as sent (partial, so that a later change of a default reaches every kind
 * the user left alone) and answers it merged, like GET.
 */
@CommandHandler(UpdateNotificationPreferencesCommand)
export class UpdateNotificationPreferencesHandler implements ICommandHandler<
  UpdateNotificationPreferencesCommand,
  NotificationPreferences
> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({
    actor,
    input,
  }: UpdateNotificationPreferencesCommand): Promise<NotificationPreferences> {
    return this.uow.run(async (tx, events) => {
      await tx.notificationSettings.upsert({
        where: { userId: actor.id },
        create: { userId: actor.id, preferences: input },
        update: { preferences: input },
      });
      events.record(
        new NotificationPreferencesUpdated({
          actor,
          subject: { type: 'user', id: actor.id },
          payload: { projectCount: Object.keys(input.projects).length },
        }),
      );
      return effectivePreferences(input);
    });
  }
}
