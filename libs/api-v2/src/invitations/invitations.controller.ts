import { Body, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AcceptInvitationCommand,
  acceptInvitationInput,
  RevokeInvitationCommand,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import { ApiJson, ApiJsonBody, ApiProblems, bodyWith, CurrentUser } from '@dailies/http';
import { accountSchema } from '../schemas';
import { V2Controller } from '../v2-controller';

@ApiTags('invitations')
@ApiBearerAuth()
@V2Controller('invitations')
export class InvitationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation (logged in with the invited email)' })
  @ApiJsonBody(acceptInvitationInput)
  @ApiJson(200, 'The account joined', accountSchema)
  @ApiProblems(400, 401, 403, 404, 409, 410)
  accept(@CurrentUser() actor: UserActor, @Body() body: unknown) {
    return this.commands.execute(new AcceptInvitationCommand(actor, bodyWith(body)));
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a pending invitation (owners, admins)' })
  @ApiJson(204, 'Revoked')
  @ApiProblems(401, 403, 404, 409)
  async revoke(@CurrentUser() actor: UserActor, @Param('invitationId') invitationId: string) {
    await this.commands.execute(new RevokeInvitationCommand(actor, { invitationId }));
  }
}
