import { Type } from '@nestjs/common';
import { AcceptInvitationHandler } from './commands/accept-invitation/accept-invitation.handler';
import { CreateInvitationHandler } from './commands/create-invitation/create-invitation.handler';
import { ResendInvitationHandler } from './commands/resend-invitation/resend-invitation.handler';
import { RevokeInvitationHandler } from './commands/revoke-invitation/revoke-invitation.handler';
import { ListInvitationsHandler } from './queries/list-invitations/list-invitations.handler';

/** Handlers and services of the invitation use cases, registered by AccountsModule. */
export const InvitationHandlers: Type[] = [
  AcceptInvitationHandler,
  CreateInvitationHandler,
  RevokeInvitationHandler,
  ResendInvitationHandler,
  ListInvitationsHandler,
];
