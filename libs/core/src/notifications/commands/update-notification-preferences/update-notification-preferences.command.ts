import { Command } from '@nestjs/cqrs';
import type { NotificationPreferences } from '../../preferences/notification-preferences';
import { UserActor } from '@dailies/events';
import { validate } from '../../../shared/validate';
import {
  notificationPreferencesInput,
  StoredNotificationPreferences,
} from '../../preferences/notification-preferences';

/** Replaces the caller's whole preferences document (kinds left out follow the defaults). */
export class UpdateNotificationPreferencesCommand extends Command<NotificationPreferences> {
  readonly input: StoredNotificationPreferences;
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    super();
    this.input = validate(notificationPreferencesInput, input);
  }
}
