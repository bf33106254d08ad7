import { Type } from '@nestjs/common';
import { AddTeamMemberHandler } from './commands/add-team-member/add-team-member.handler';
import { CreateTeamHandler } from './commands/create-team/create-team.handler';
import { DeleteTeamHandler } from './commands/delete-team/delete-team.handler';
import { RemoveTeamMemberHandler } from './commands/remove-team-member/remove-team-member.handler';
import { UpdateTeamHandler } from './commands/update-team/update-team.handler';
import { GetTeamHandler } from './queries/get-team/get-team.handler';
import { ListTeamMembersHandler } from './queries/list-team-members/list-team-members.handler';
import { ListTeamsHandler } from './queries/list-teams/list-teams.handler';

/** Handlers and services of the team use cases, registered by AccountsModule. */
export const TeamHandlers: Type[] = [
  AddTeamMemberHandler,
  CreateTeamHandler,
  DeleteTeamHandler,
  RemoveTeamMemberHandler,
  UpdateTeamHandler,
  GetTeamHandler,
  ListTeamMembersHandler,
  ListTeamsHandler,
];
