import { Query } from '@nestjs/cqrs';
import { Actor } from '@dailies/events';
import type { CustomerView } from './view-as-customer.handler';

/** What the customer of a live "view as" grant sees (the grant's staff member only). */
export class ViewAsCustomerQuery extends Query<CustomerView> {
  constructor(
    readonly actor: Actor,
    readonly grantId: string,
  ) {
    super();
  }
}
