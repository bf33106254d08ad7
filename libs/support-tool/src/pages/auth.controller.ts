import crypto from 'node:crypto';
import { Body, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { timingSafeEqualStrings } from '@dailies/auth';
import { APP_CONFIG } from '@dailies/config';
import {
  DomainError,
  forbidden,
  SignInStaffCommand,
  SignOutStaffCommand,
  StaffSignIn,
} from '@dailies/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOGIN_CSRF_COOKIE, readCookie, SESSION_COOKIE, setCookie } from '../cookies';
import { Pages } from '../pages';
import { staffOf } from '../staff-request';
import { PublicSupport, SupportController } from '../support-controller';
import { SupportConfig } from '../support.config';
import { sendPage, seeOther } from './replies';
import { supportAsset } from './assets';

/** Only same-site paths below /support: `next` never sends a staff member elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' &&
    /^\/support(\/[\w\-./?=&%]*)?$/.test(next) &&
    !next.includes('//')
    ? next
    : '/support/search';
}

@SupportController()
export class SupportAuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly pages: Pages,
    @Inject(APP_CONFIG) private readonly config: SupportConfig,
  ) {}

  @Get()
  @PublicSupport()
  home(@Res() reply: FastifyReply): void {
    seeOther(reply, '/support/search');
  }

  @Get('assets/:file')
  @PublicSupport()
  asset(@Param('file') file: string, @Res() reply: FastifyReply): void {
    const found = supportAsset(file);
    if (!found) {
      void reply.status(404).header('content-type', 'text/plain').send('Not found');
      return;
    }
    void reply
      .header('content-type', found.contentType)
      .header('cache-control', 'public, max-age=3600')
      .send(found.body);
  }

  @Get('login')
  @PublicSupport()
  loginPage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('next') next?: string,
  ): void {
    this.renderLogin(request, reply, 200, { next: safeNext(next) });
  }

  @Post('login')
  @PublicSupport()
  async login(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const next = safeNext(body?.next);
    const expected = readCookie(request, LOGIN_CSRF_COOKIE);
    const sent = typeof body?._csrf === 'string' ? body._csrf : '';
    if (!expected || !sent || !timingSafeEqualStrings(expected, sent))
      throw forbidden('The sign-in form has expired; reload the page');
    let signedIn: StaffSignIn;
    try {
      signedIn = await this.commands.execute(
        new SignInStaffCommand(
          { email: body.email, password: body.password, code: body.code },
          { sessionTtlSeconds: this.config.SUPPORT_SESSION_TTL_HOURS * 3600, ip: request.ip },
        ),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status =
        error.code === 'rate_limited' ? 429 : error.code === 'validation_failed' ? 400 : 401;
      this.renderLogin(request, reply, status, {
        next,
        email: typeof body?.email === 'string' ? body.email : '',
        error: error.message,
      });
      return;
    }
    setCookie(reply, SESSION_COOKIE, signedIn.token, {
      maxAgeSeconds: this.config.SUPPORT_SESSION_TTL_HOURS * 3600,
      secure: this.config.SUPPORT_COOKIE_SECURE,
    });
    seeOther(reply, next);
  }

  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { staff, sessionId } = staffOf(request);
    await this.commands.execute(
      new SignOutStaffCommand({ type: 'staff', id: staff.id, email: staff.email }, sessionId),
    );
    setCookie(reply, SESSION_COOKIE, '', {
      maxAgeSeconds: 0,
      secure: this.config.SUPPORT_COOKIE_SECURE,
    });
    seeOther(reply, '/support/login');
  }

  private renderLogin(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    data: Record<string, unknown>,
  ): void {
    const loginCsrf = crypto.randomBytes(24).toString('base64url');
    setCookie(reply, LOGIN_CSRF_COOKIE, loginCsrf, {
      maxAgeSeconds: 3600,
      secure: this.config.SUPPORT_COOKIE_SECURE,
    });
    sendPage(
      reply,
      status,
      this.pages.render(request, 'login', {
        title: 'Sign in',
        loginCsrf,
        email: '',
        error: null,
        ...data,
      }),
    );
  }
}
