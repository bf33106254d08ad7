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
  RequestPasswordResetCommand,
  requestPasswordResetInput,
  ResendVerificationCommand,
  ResetPasswordCommand,
  resetPasswordInput,
  SignUpCommand,
  signUpInput,
  VerifyEmailCommand,
  verifyEmailInput,
} from '@dailies/core';
import { z } from 'zod';
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

const acceptedSchema = z.object({ status: z.literal('accepted') }).meta({ id: 'Accepted' });
const emailVerifiedSchema = z.object({ verified: z.literal(true) }).meta({ id: 'EmailVerified' });
const passwordResetSchema = z
  .object({ sessionsRevoked: z.number().int() })
  .meta({ id: 'PasswordReset' });

@ApiTags('auth')
@V2Controller('auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Public()
  @Post('signup')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Create a user, an account they own and a default team, and mail a verification link; ' +
      'then log in. The answer is the same when the address already has an account (its owner ' +
      'is told by e-mail instead), so it never reveals who has one',
  })
  @ApiJsonBody(signUpInput)
  @ApiJson(202, 'Accepted: check your e-mail, then log in', signUpResultSchema)
  @ApiProblems(400, 413, 415)
  async signUp(@Body() body: unknown) {
    return this.commands.execute(new SignUpCommand(body));
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

  @Public()
  @Post('verify-email')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify the e-mail address with the token of the mailed link (works once)',
  })
  @ApiJsonBody(verifyEmailInput)
  @ApiJson(200, 'Verified', emailVerifiedSchema)
  @ApiProblems(400)
  async verifyEmail(@Body() body: unknown) {
    return this.commands.execute(new VerifyEmailCommand(body));
  }

  @Post('resend-verification')
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Mail a new verification link to my address' })
  @ApiJson(202, 'A link is on its way', acceptedSchema)
  @ApiProblems(401, 409, 429)
  async resendVerification(@CurrentUser() actor: UserActor) {
    await this.commands.execute(new ResendVerificationCommand(actor));
    return { status: 'accepted' as const };
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Mail a password reset link to this address if it has an account (the answer is the same either way)',
  })
  @ApiJsonBody(requestPasswordResetInput)
  @ApiJson(202, 'Accepted (whether or not the address has an account)', acceptedSchema)
  @ApiProblems(400)
  async requestPasswordReset(@Body() body: unknown) {
    await this.commands.execute(new RequestPasswordResetCommand(body));
    return { status: 'accepted' as const };
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a new password with the token of the mailed link; ends every session',
  })
  @ApiJsonBody(resetPasswordInput)
  @ApiJson(200, 'Password changed, sessions ended', passwordResetSchema)
  @ApiProblems(400)
  async resetPassword(@Body() body: unknown) {
    return this.commands.execute(new ResetPasswordCommand(body));
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
