import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  LogInCommand,
  logInInput,
  LogOutCommand,
  logOutInput,
  RefreshSessionCommand,
  refreshSessionInput,
  SignUpCommand,
  signUpInput,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import {
  ApiJson,
  ApiJsonBody,
  ApiNoContent,
  ApiProblems,
  ClientIp,
  CurrentSession,
  CurrentUser,
  Public,
} from '@dailies/http';
import { logInResultSchema, sessionViewSchema, signUpResultSchema } from './session.schemas';
import { V2Controller } from '../v2-controller';

@ApiTags('auth')
@V2Controller('auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create a user, an account they own and a default team; logs them in' })
  @ApiJsonBody(signUpInput)
  @ApiJson(201, 'Signed up and logged in', signUpResultSchema)
  @ApiProblems(400, 409, 413, 415)
  async signUp(@Body() body: unknown) {
    const result = await this.commands.execute(new SignUpCommand(body));
    return result;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password' })
  @ApiJsonBody(logInInput)
  @ApiJson(200, 'Logged in', logInResultSchema)
  @ApiProblems(400, 401, 403, 429)
  async logIn(@Body() body: unknown, @ClientIp() ip: string) {
    const result = await this.commands.execute(new LogInCommand(body, ip));
    return result;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Trade a refresh token for new tokens (the old one is spent; reusing it revokes the session)',
  })
  @ApiJsonBody(refreshSessionInput)
  @ApiJson(200, 'New tokens', sessionViewSchema)
  @ApiProblems(400, 401)
  async refresh(@Body() body: unknown) {
    const result = await this.commands.execute(new RefreshSessionCommand(body));
    return result;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End this session (or the one of `refreshToken`, or all with `allSessions`)',
  })
  @ApiJsonBody(logOutInput, { required: false })
  @ApiNoContent('Logged out')
  @ApiProblems(400, 401)
  async logOut(
    @CurrentUser() actor: UserActor,
    @CurrentSession() sessionId: string | undefined,
    @Body() body: unknown,
  ) {
    await this.commands.execute(new LogOutCommand(actor, sessionId, body ?? {}));
  }
}
