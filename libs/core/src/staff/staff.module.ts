import { Module } from '@nestjs/common';
import { CreateStaffUserHandler } from './commands/create-staff-user/create-staff-user.handler';
import { ForceLogoutUserHandler } from './commands/force-logout-user/force-logout-user.handler';
import { LockUserHandler } from './commands/lock-user/lock-user.handler';
import { SignInStaffHandler } from './commands/sign-in-staff/sign-in-staff.handler';
import { SignOutStaffHandler } from './commands/sign-out-staff/sign-out-staff.handler';
import { UnlockUserHandler } from './commands/unlock-user/unlock-user.handler';
import { StartViewAsHandler } from './commands/start-view-as/start-view-as.handler';
import { ViewAsCustomerHandler } from './queries/view-as-customer/view-as-customer.handler';
import { ListSentEmailsHandler } from './queries/list-sent-emails/list-sent-emails.handler';
import { ListMailboxHandler } from './queries/list-mailbox/list-mailbox.handler';
import { StaffSearchHandler } from './queries/staff-search/staff-search.handler';
import { StaffUserDetailsHandler } from './queries/staff-user-details/staff-user-details.handler';
import { AuthenticateStaffSessionHandler } from './queries/authenticate-staff-session/authenticate-staff-session.handler';

/** Support staff (identities, sign-in, sessions) and their actions on customers. */
@Module({
  providers: [
    CreateStaffUserHandler,
    SignInStaffHandler,
    SignOutStaffHandler,
    AuthenticateStaffSessionHandler,
    LockUserHandler,
    UnlockUserHandler,
    ForceLogoutUserHandler,
    StaffSearchHandler,
    StaffUserDetailsHandler,
    StartViewAsHandler,
    ViewAsCustomerHandler,
    ListSentEmailsHandler,
    ListMailboxHandler,
  ],
})
export class StaffModule {}
