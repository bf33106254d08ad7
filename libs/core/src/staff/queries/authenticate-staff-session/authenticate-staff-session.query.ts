import { Query } from '@nestjs/cqrs';
import type { StaffSession } from './authenticate-staff-session.handler';

/** The staff member behind a session cookie, or null (unknown, revoked, expired or idle). */
export class AuthenticateStaffSessionQuery extends Query<StaffSession | null> {
  constructor(
    readonly token: string,
    readonly idleTimeoutSeconds: number,
  ) {
    super();
  }
}
