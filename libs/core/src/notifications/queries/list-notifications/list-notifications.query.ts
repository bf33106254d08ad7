import { Query } from '@nestjs/cqrs';
import type { NotificationPage } from './list-notifications.handler';
import { UserActor } from '@dailies/events';
import { z } from 'zod';
import { pageRequestSchema } from '../../../shared/pagination';
import { validate } from '../../../shared/validate';

export const listNotificationsInput = pageRequestSchema.extend({
  unread: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .transform((v) => v === 'true')
    .default(false),
});

export class ListNotificationsQuery extends Query<NotificationPage> {
  readonly input: z.infer<typeof listNotificationsInput>;
  constructor(
    readonly actor: UserActor,
    input: unknown,
  ) {
    super();
    this.input = validate(listNotificationsInput, input);
  }
}
