import { Body, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AcceptInvitationCommand,
  acceptInvitationInput,
  accountViewSchema,
  ResendInvitationCommand,
  RevokeInvitationCommand,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import {
  ApiJson,
  ApiJsonBody,
  ApiNoContent,
  ApiProblems,
  bodyWith,
  CurrentUser,
} from '@dailies/http';
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
  @ApiJson(200, 'The account joined', accountViewSchema)
  @ApiProblems(400, 401, 403, 404, 409, 410)
  accept(@CurrentUser() actor: UserActor, @Body() body: unknown) {
    return this.commands.execute(new AcceptInvitationCommand(actor, bodyWith(body)));
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a pending invitation (owners, admins)' })
  @ApiNoContent('Revoked')
  @ApiProblems(401, 403, 404, 409)
  async revoke(@CurrentUser() actor: UserActor, @Param('invitationId') invitationId: string) {
    await this.commands.execute(new RevokeInvitationCommand(actor, { invitationId }));
  }

  @Post(':invitationId/resend')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Send a pending invitation again: a new link and expiry; the old link stops working',
  })
  @ApiNoContent('Sent again')
  @ApiProblems(401, 403, 404, 409)
  async resend(@CurrentUser() actor: UserActor, @Param('invitationId') invitationId: string) {
    await this.commands.execute(new ResendInvitationCommand(actor, { invitationId }));
  }
}
