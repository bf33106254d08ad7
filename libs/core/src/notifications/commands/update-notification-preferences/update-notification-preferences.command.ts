import { UserActor } from '@dailies/events';
import { validate } from '../../../shared/validate';
import {
  notificationPreferencesInput,
  StoredNotificationPreferences,
} from '../../preferences/notification-preferences';

/** Replaces the caller's whole preferences document (kinds left out follow the defaults). */
export class UpdateNotificationPreferencesCommand {
  readonly input: StoredNotificationPreferences;
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    this.input = validate(notificationPreferencesInput, input);
  }
}
