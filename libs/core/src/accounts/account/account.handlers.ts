import { Type } from '@nestjs/common';
import { ChangeMemberRoleHandler } from './commands/change-member-role/change-member-role.handler';
import { RemoveMemberHandler } from './commands/remove-member/remove-member.handler';
import { UpdateAccountHandler } from './commands/update-account/update-account.handler';
import { AccountPolicy } from './policy/account-policy';
import { GetAccountHandler } from './queries/get-account/get-account.handler';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { ListMembersHandler } from './queries/list-members/list-members.handler';
import { ListMyAccountsHandler } from './queries/list-my-accounts/list-my-accounts.handler';

/** Handlers and services of the account use cases, registered by AccountsModule. */
export const AccountHandlers: Type[] = [
  ChangeMemberRoleHandler,
  RemoveMemberHandler,
  UpdateAccountHandler,
  AccountPolicy,
  GetAccountHandler,
  GetMeHandler,
  ListMembersHandler,
  ListMyAccountsHandler,
];
