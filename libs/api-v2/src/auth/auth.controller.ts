import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  IssuedSession,
  LogInCommand,
  logInInput,
  LogInResult,
  LogOutCommand,
  logOutInput,
  RefreshSessionCommand,
  refreshSessionInput,
  SignUpCommand,
  signUpInput,
  SignUpResult,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import {
  ApiJson,
  ApiJsonBody,
  ApiProblems,
  ClientIp,
  CurrentSession,
  CurrentUser,
  Public,
} from '@dailies/http';
import { sessionSchema } from '../schemas';
import { V2Controller } from '../v2-controller';

@ApiTags('auth')
@V2Controller('auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create a user, an account they own and a default team; logs them in' })
  @ApiJsonBody(signUpInput)
  @ApiJson(201, 'Signed up and logged in', sessionSchema)
  @ApiProblems(400, 409, 413, 415)
  async signUp(@Body() body: unknown) {
    const result: SignUpResult = await this.commands.execute(new SignUpCommand(body));
    return result;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password' })
  @ApiJsonBody(logInInput)
  @ApiJson(200, 'Logged in', sessionSchema)
  @ApiProblems(400, 401, 403, 429)
  async logIn(@Body() body: unknown, @ClientIp() ip: string) {
    const result: LogInResult = await this.commands.execute(new LogInCommand(body, ip));
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
  @ApiJson(200, 'New tokens', sessionSchema)
  @ApiProblems(400, 401)
  async refresh(@Body() body: unknown) {
    const result: IssuedSession = await this.commands.execute(new RefreshSessionCommand(body));
    return result;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End this session (or the one of `refreshToken`, or all with `allSessions`)',
  })
  @ApiJsonBody(logOutInput)
  @ApiJson(204, 'Logged out')
  @ApiProblems(400, 401)
  async logOut(
    @CurrentUser() actor: UserActor,
    @CurrentSession() sessionId: string | undefined,
    @Body() body: unknown,
  ) {
    await this.commands.execute(new LogOutCommand(actor, sessionId, body ?? {}));
  }
}
